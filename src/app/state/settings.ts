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
