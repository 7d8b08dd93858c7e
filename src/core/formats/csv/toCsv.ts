// Boundary points as CSV for Excel and survey checks: 地块, 点号, X (northing), Y (easting), 经度, 纬度, one row
// per printed point in surveying order. UTF-8 with a BOM, without which Excel shows the Chinese as mojibake;
// CRLF per RFC 4180. Text cells that Excel would run as a formula are defused with a leading apostrophe.
import { parcelRings } from '../../geometry/parcelGeometry.js';
import { projectToLonLat } from '../../geodesy/project.js';
import type { Parcel } from '../../model/types.js';

const DEGREE_DECIMALS = 10;

export function toCsvText(parcels: readonly Parcel[]): string {
  const rows = [['地块', '点号', 'X', 'Y', '经度', '纬度']];
  for (const p of parcels) {
    if (!p.lonLatRing || !p.zone) continue;
    const zone = p.zone;
    for (const ring of parcelRings(p)) {
      for (const q of ring) {
        const [lon, lat] = projectToLonLat(zone, q.x, q.y);
        rows.push([text(p.id), `J${q.label}`, q.x.toFixed(q.xDecimals), q.y.toFixed(q.yDecimals), lon.toFixed(DEGREE_DECIMALS), lat.toFixed(DEGREE_DECIMALS)]);
      }
    }
  }
  return `\ufeff${rows.map((r) => r.map(quote).join(',')).join('\r\n')}\r\n`;
}

export function toCsv(parcels: readonly Parcel[]): Uint8Array {
  return new TextEncoder().encode(toCsvText(parcels));
}

function text(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function quote(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}
