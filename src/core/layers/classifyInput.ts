// What a dropped file is, and so which role it takes on the page: land parcels (gazettes, PDF and Word text,
// coordinate files of parcels), planning blocks or mining zones. Decided from the content, never the file name,
// and said with its reason as a coded diagnostic, so that the page can tell the planner why.
import { diagnose } from '../diagnostics/catalogue.js';
import type { InputFile } from '../extract.js';
import { geoJSONFeatures, isGeoJSON } from '../formats/geojson/readGeoJSON.js';
import { readCoordinateBytes, readCoordinateText } from '../formats/readCoordinateFile.js';
import type { Diagnostic, LandRecord } from '../model/types.js';
import { normalizeBlockCode } from '../planning/extractPlanningBlocks.js';
import { decode } from '../text/decode.js';
import { sniffFormat } from '../text/sniffFormat.js';
import { CAPACITY_FIELDS, CODE_FIELDS, fieldOf, MINERAL_FIELDS, NAME_FIELDS, YEARS_FIELDS } from './joinLayers.js';

export type InputRole = 'parcel' | 'planning' | 'mining';
/** auto: decided from the content; otherwise the role the user chose. */
export type ImportMode = 'auto' | InputRole;

export interface ClassifiedInput {
  /** null: the file cannot be read at all (`diagnostics` say why). */
  role: InputRole | null;
  /** Why this role (role-… codes). */
  reason: Diagnostic | null;
  /** The decoded text of a text file, whose lines the sources cite. */
  text: string | null;
  diagnostics: Diagnostic[];
}

const ROLE_NAMES: Record<InputRole, { zh: string; en: string }> = {
  parcel: { zh: '宗地', en: 'parcels' },
  planning: { zh: '规划地块', en: 'planning blocks' },
  mining: { zh: '矿区', en: 'mining zones' },
};

export function classifyInput(input: InputFile, mode: ImportMode = 'auto'): ClassifiedInput {
  const chosen = (text: string | null): ClassifiedInput => ({
    role: mode as InputRole,
    reason: diagnose('role-chosen', { file: input.file, line: 0 }, { roleZh: ROLE_NAMES[mode as InputRole].zh, roleEn: ROLE_NAMES[mode as InputRole].en }),
    text,
    diagnostics: [],
  });
  const at = { file: input.file, line: 0 };
  if (input.text) return mode === 'auto' ? { role: 'parcel', reason: diagnose('role-document', at), text: input.text.content, diagnostics: [] } : chosen(input.text.content);
  if (sniffFormat(input.bytes) !== 'text-or-binary') {
    // A zipped Shapefile, or a PDF the page could not read (extract says why).
    if (mode !== 'auto') return chosen(null);
    const read = readCoordinateBytes(input.file, input.bytes, {});
    return { ...roleOfRecords(input.file, read?.records ?? []), text: null, diagnostics: [] };
  }
  const { decoded, diagnostics } = decode(input.file, input.bytes);
  if (!decoded) return { role: null, reason: null, text: null, diagnostics };
  if (mode !== 'auto') return chosen(decoded.text);
  const text = decoded.text;
  if (isGeoJSON(text)) return { ...roleOfGeoJSON(input.file, text), text, diagnostics: [] };
  const read = readCoordinateText(input.file, text, {});
  return { ...roleOfRecords(input.file, read?.records ?? []), text, diagnostics: [] };
}

/** 国土 TXT, mining-right TXT, zipped Shapefile: a mining-right zone, or blocks whose every 地块编号 is a planning code, make a layer. */
function roleOfRecords(file: string, records: readonly LandRecord[]): Pick<ClassifiedInput, 'role' | 'reason'> {
  const at = { file, line: 0 };
  if (records.some((r) => r.kind === 'mining-zone')) return { role: 'mining', reason: diagnose('role-mining-zone', at) };
  const codes = records.map((r) => blockCodeOf(r.attributes ?? {}));
  if (codes.length > 0 && codes.every((c) => c !== null)) return { role: 'planning', reason: diagnose('role-planning-codes', at, { example: codes[0]! }) };
  return { role: 'parcel', reason: diagnose('role-document', at) };
}

/** A GeoJSON whose features carry block codes or mine names (and are not our own parcel export) is a layer. */
function roleOfGeoJSON(file: string, text: string): Pick<ClassifiedInput, 'role' | 'reason'> {
  const at = { file, line: 0 };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // Not JSON after all: the parcel reader says so.
    return { role: 'parcel', reason: diagnose('role-document', at) };
  }
  const planning: string[] = [];
  const mining: string[] = [];
  let parcels = 0;
  for (const { properties: props } of geoJSONFeatures(value)) {
    const code = blockCodeOf(props);
    if (props.layer === 'parcel' || (typeof props.doc === 'string' && 'status' in props)) parcels++;
    else if (props.layer === 'planning' || code !== null) planning.push(code ?? String(props.code ?? ''));
    else if (props.layer === 'mining' || looksLikeMine(props)) mining.push(fieldOf(props, NAME_FIELDS) ?? '');
    else parcels++;
  }
  if (planning.length + mining.length === 0 || parcels >= planning.length + mining.length) return { role: 'parcel', reason: diagnose('role-parcel-features', at) };
  return planning.length >= mining.length
    ? { role: 'planning', reason: diagnose('role-planning-codes', at, { example: planning.find(Boolean) ?? '—' }) }
    : { role: 'mining', reason: diagnose('role-mining-names', at, { example: mining.find(Boolean) ?? '—' }) };
}

function blockCodeOf(props: Record<string, unknown>): string | null {
  const text = fieldOf(props, CODE_FIELDS);
  return text === null ? null : normalizeBlockCode(text);
}

/** A mine name field (矿山名称, KSMC…), or a plain name with mining attributes or a mining word in it. */
function looksLikeMine(props: Record<string, unknown>): boolean {
  if (fieldOf(props, ['矿山名称', '矿区名称', '采矿权人', 'mine', 'KSMC', 'KQMC']) !== null) return true;
  const name = fieldOf(props, ['企业名称', '名称', 'name']);
  if (name === null) return false;
  return /矿|煤|石料|采石|砂石|建材|水泥/.test(name) || fieldOf(props, [...CAPACITY_FIELDS, ...YEARS_FIELDS, ...MINERAL_FIELDS]) !== null;
}
