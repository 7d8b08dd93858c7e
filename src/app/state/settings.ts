// User settings kept in the browser: the optional raster basemap (off by default: the page makes no external request).
import type { Basemap } from '../map/map.js';

const KEY = 'jiezhi.basemap';

export function loadBasemap(): Basemap {
  try {
    const v = JSON.parse(localStorage.getItem(KEY) ?? 'null');
    if (v && typeof v.url === 'string') return { url: v.url, attribution: String(v.attribution ?? ''), enabled: v.enabled === true };
  } catch {
    // a damaged setting is the same as none
  }
  return { url: '', attribution: '', enabled: false };
}

export function saveBasemap(b: Basemap): void {
  localStorage.setItem(KEY, JSON.stringify({ url: b.url.trim(), attribution: b.attribution.trim(), enabled: b.enabled }));
}

/** 高德/腾讯/百度 tiles are GCJ-02/BD-09: WGS84 parcels land ≈ 570 m off on them (docs/domain.md §6). */
export function isShiftedTiles(url: string): boolean {
  return /autonavi|amap\.com|gtimg|qq\.com|map\.baidu|bdimg|bdstatic/i.test(url);
}

/** The origin of a tile URL template ("https://t{0-7}.tianditu.gov.cn/…?tk=…" → "https://t{0-7}.tianditu.gov.cn"). */
export function basemapOrigin(url: string): string | null {
  return /^(https?:\/\/[^/?#]+)/i.exec(url.trim())?.[1] ?? null;
}

/**
 * Whether the server's content security policy lets the map fetch tiles of this URL template: the origins it allows
 * come from its config.json (allowedOrigins, "https://*.host" or "https://host"). null when the URL names no origin.
 */
export function allowedByPolicy(url: string, allowedOrigins: readonly string[]): boolean | null {
  const origin = basemapOrigin(url)?.toLowerCase();
  if (!origin) return null;
  return allowedOrigins.some((allowed) => {
    const a = allowed.toLowerCase();
    if (a.includes('://*.')) {
      const [scheme, host] = a.split('://*.');
      return origin.startsWith(`${scheme}://`) && origin.endsWith(`.${host}`);
    }
    // A template's subdomain range: every expanded host must be the allowed one, which only t{0-0} can be.
    return a === origin.replace(/\{(\d)-\1\}/, '$1');
  });
}

/** A message or URL with its access keys masked (天地图 tk=, key=, token=…): a notice never shows a key. */
export function maskKeys(text: string): string {
  return text.replace(/([?&](?:tk|key|ak|token|access_token|apikey|api_key)=)[^&#\s"')]+/gi, '$1***');
}
