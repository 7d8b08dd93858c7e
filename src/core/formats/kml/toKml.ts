// KML / KMZ for Google Earth and 奥维 (OVital): lon,lat order, one Placemark per parcel, its attributes in
// ExtendedData, and a Style per verification status so a mismatch stands out in red. Each Data element has the
// ASCII name of the Shapefile column and the Chinese alias as displayName, which viewers show: GDAL/QGIS turn
// Data names into field names and reduce Chinese ones to underscores, so that 文号 and 来源 would collide.
// Document text is untrusted: every value is XML-escaped and stripped of characters XML 1.0 forbids.
import { zipSync } from 'fflate';
import { formatDbfValue } from '../shapefile/dbf.js';
import { attributesFor, attributeValues } from '../parcelAttributes.js';
import { hasGeometry, lonLatPolygons } from '../../geometry/parcelGeometry.js';
import { STATUS_ZH } from '../../report/report.js';
import type { Parcel, VerificationStatus } from '../../model/types.js';

export interface KmlOptions {
  /** The Document name shown in the places panel. Default "界址 Jiezhi". */
  name?: string;
}

/** KML colours are aabbggrr. */
const STATUS_COLOURS: Record<VerificationStatus, string> = {
  match: '1a9641',
  mismatch: 'd7191c',
  unstated: '2b83ba',
  invalid: '7f7f7f',
  'no-points': '7f7f7f',
};

const DEGREE_DECIMALS = 10;

export function toKml(parcels: readonly Parcel[], options: KmlOptions = {}): string {
  const drawn = parcels.filter(hasGeometry);
  const attributes = attributesFor(drawn);
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<kml xmlns="http://www.opengis.net/kml/2.2">',
    '<Document>',
    `<name>${escapeXml(options.name ?? '界址 Jiezhi')}</name>`,
  ];
  for (const [status, rgb] of Object.entries(STATUS_COLOURS)) {
    const bgr = rgb.slice(4, 6) + rgb.slice(2, 4) + rgb.slice(0, 2);
    out.push(
      `<Style id="status-${status}"><LineStyle><color>ff${bgr}</color><width>2</width></LineStyle><PolyStyle><color>59${bgr}</color></PolyStyle></Style>`,
    );
  }
  for (const p of drawn) {
    const values = attributeValues(p, attributes);
    const data = attributes
      .map((a, i) =>
        values[i] === null ? '' : `<Data name="${a.name}"><displayName>${escapeXml(a.alias)}</displayName><value>${escapeXml(formatDbfValue(a, values[i]!))}</value></Data>`,
      )
      .join('');
    out.push(
      '<Placemark>',
      `<name>${escapeXml(placemarkName(p))}</name>`,
      `<description>${escapeXml(describe(p))}</description>`,
      `<styleUrl>#status-${p.verification.status}</styleUrl>`,
      `<ExtendedData>${data}</ExtendedData>`,
      geometryKml(lonLatPolygons(p)),
      '</Placemark>',
    );
  }
  out.push('</Document>', '</kml>');
  return `${out.join('\n')}\n`;
}

/** A KMZ is a zip whose first entry, doc.kml, is the document. */
export function toKmz(parcels: readonly Parcel[], options: KmlOptions = {}): Uint8Array {
  return zipSync({ 'doc.kml': new TextEncoder().encode(toKml(parcels, options)) });
}

function placemarkName(p: Parcel): string {
  if (p.kind === 'coordinate-file' || p.kind === 'mining-zone') return p.title || p.id;
  return p.parcelIndex ? `${p.doc} 第${p.parcelIndex}宗` : p.doc;
}

function describe(p: Parcel): string {
  const v = p.verification;
  const parts = [p.title];
  if (p.statedArea) parts.push(`文载面积 ${p.statedArea.text}`);
  if (v.computedM2 !== null) parts.push(`计算面积 ${v.computedM2.toFixed(2)} 平方米`);
  parts.push(`核对 ${STATUS_ZH[v.status] ?? v.status}`);
  return parts.filter(Boolean).join('；');
}

function geometryKml(polygons: [number, number][][][]): string {
  const polygonKml = (rings: [number, number][][]) =>
    '<Polygon>' +
    rings
      .map((ring, k) => {
        const tag = k === 0 ? 'outerBoundaryIs' : 'innerBoundaryIs';
        const coords = ring.map(([lon, lat]) => `${lon.toFixed(DEGREE_DECIMALS)},${lat.toFixed(DEGREE_DECIMALS)}`).join(' ');
        return `<${tag}><LinearRing><coordinates>${coords}</coordinates></LinearRing></${tag}>`;
      })
      .join('') +
    '</Polygon>';
  if (polygons.length === 1) return polygonKml(polygons[0]!);
  return `<MultiGeometry>${polygons.map(polygonKml).join('')}</MultiGeometry>`;
}

// XML 1.0 allows tab, LF, CR and everything from U+0020 except lone surrogates and U+FFFE/U+FFFF.
const XML_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function escapeXml(text: string): string {
  return text.replace(XML_FORBIDDEN, '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
