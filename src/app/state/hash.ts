// The URL hash keeps the view and the selection so a link can be shared: #map=zoom/lat/lon&sel=<record id>.
export interface HashState {
  view: { zoom: number; lat: number; lon: number } | null;
  sel: string | null;
}

export function parseHash(hash: string): HashState {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const parts = (params.get('map') ?? '').split('/').map(Number);
  const view =
    parts.length === 3 && parts.every(Number.isFinite) && Math.abs(parts[1]!) <= 90 && Math.abs(parts[2]!) <= 180
      ? { zoom: parts[0]!, lat: parts[1]!, lon: parts[2]! }
      : null;
  return { view, sel: params.get('sel') || null };
}

export function writeHash(state: HashState): void {
  const params = new URLSearchParams();
  if (state.view) params.set('map', `${state.view.zoom.toFixed(2)}/${state.view.lat.toFixed(6)}/${state.view.lon.toFixed(6)}`);
  if (state.sel) params.set('sel', state.sel);
  const next = `#${params.toString().replace(/%2F/g, '/')}`;
  if (next !== location.hash) history.replaceState(null, '', next);
}
