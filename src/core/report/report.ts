// The written results of an extraction: records.json (everything, for the page and for scripts),
// report.json (the verification summary) and report.md (the same for a person), and the terminal table.
import { formatSpan } from '../formats/geojson/toGeoJSON.js';
import type { LayerResult } from '../model/layers.js';
import type { Diagnostic, ExtractResult, Parcel } from '../model/types.js';

export const RECORDS_FORMAT = 'jiezhi-records/1';

export function toRecordsJson(result: ExtractResult) {
  return {
    format: RECORDS_FORMAT,
    crsNote: CRS_NOTE,
    inputs: result.inputs,
    pointLines: result.pointLines,
    diagnostics: result.diagnostics,
    topology: result.topology,
    records: result.parcels,
    planningBlocks: result.planningBlocks,
    miningPolicy: result.miningPolicy,
    mines: result.mines,
    mineralPlan: result.mineralPlan,
    layers: result.layers ? layersForRecords(result.layers) : null,
  };
}

const CRS_NOTE =
  'Coordinates are read as CGCS2000 Gauss–Krüger with the zone taken from the Y prefix (the gazettes never name their CRS); lon/lat are CGCS2000, used as WGS84 (they differ by well under a metre).';

export interface VerificationSummary {
  records: number;
  withGeometry: number;
  byStatus: Record<string, number>;
  pointLines: ExtractResult['pointLines'];
  errors: number;
  warnings: number;
}

function summarize(result: ExtractResult): VerificationSummary {
  const byStatus: Record<string, number> = {};
  for (const p of result.parcels) byStatus[p.verification.status] = (byStatus[p.verification.status] ?? 0) + 1;
  const all = allDiagnostics(result);
  return {
    records: result.parcels.length,
    withGeometry: result.parcels.filter((p) => p.lonLatRing).length,
    byStatus,
    pointLines: result.pointLines,
    errors: all.filter((d) => d.severity === 'error').length,
    warnings: all.filter((d) => d.severity === 'warning').length,
  };
}

export function toReportJson(result: ExtractResult) {
  return {
    summary: summarize(result),
    parcels: result.parcels.map((p) => ({
      id: p.id,
      doc: p.doc,
      status: p.verification.status,
      statedM2: p.statedArea?.m2 ?? null,
      statedText: p.statedArea?.text ?? null,
      computedM2: p.verification.computedM2,
      deltaM2: p.verification.deltaM2,
      toleranceM2: p.verification.toleranceM2,
      points: p.points.length,
      source: formatSpan(p.span),
    })),
    diagnostics: allDiagnostics(result),
  };
}

export const STATUS_ZH: Record<string, string> = {
  match: '相符',
  mismatch: '不符',
  unstated: '未载面积',
  invalid: '图形无效',
  'no-points': '无坐标',
};

export function toReportMarkdown(result: ExtractResult): string {
  const s = summarize(result);
  const lines = [
    '# 界址核对报告 / Jiezhi verification report',
    '',
    `- 记录 records: ${s.records}; 有图形 with geometry: ${s.withGeometry}`,
    `- 状态 status: ${Object.entries(s.byStatus).map(([k, n]) => `${STATUS_ZH[k] ?? k} ${k}: ${n}`).join('; ')}`,
    `- 界址点行 boundary-point lines: ${s.pointLines.total} (in parcels ${s.pointLines.inParcels}, in diagnostics ${s.pointLines.inDiagnostics})`,
    `- ${CRS_NOTE}`,
    '',
    '| 文号 Document | 宗地 Parcel | 使用权人 Holder | 文载面积 Stated | 计算面积 Computed (m²) | Δ (m²) | 允许误差 Tolerance (m²) | 状态 Status | 来源 Source |',
    '|---|---|---|---|---|---|---|---|---|',
    ...result.parcels.map((p) => {
      const v = p.verification;
      return `| ${cell(p.doc)} | ${p.parcelIndex ?? ''} | ${cell(p.holder ?? '')} | ${cell(p.statedArea?.text ?? '')} | ${fixed(v.computedM2, 4)} | ${signed(v.deltaM2, 4)} | ${fixed(v.toleranceM2, 4)} | ${STATUS_ZH[v.status]} ${v.status} | ${cell(formatSpan(p.span))} |`;
    }),
    '',
  ];
  const explained = result.parcels.filter((p) => p.hypotheses.length > 0);
  if (explained.length > 0) {
    lines.push('## 可能的原因（供核对，未作任何改动） Possible causes (suggestions to check; nothing was changed)', '');
    for (const p of explained) {
      lines.push(`### ${cell(p.id)} (${p.verification.status})`, '');
      for (const h of p.hypotheses) lines.push(`- ${h.restores ? '✓' : '✗'} ${cell(h.message.zh)} / ${cell(h.message.en)}`);
      lines.push('');
    }
  }
  lines.push(...topologySection(result), ...referencesSection(result), '## 诊断 Diagnostics', '');
  const all = allDiagnostics(result);
  if (all.length === 0) lines.push('None.');
  for (const d of all) lines.push(`- **${d.severity}** \`${d.code}\` ${d.source ? `${cell(formatSpan(d.source))}: ` : ''}${cell(d.message.zh)} / ${cell(d.message.en)}`);
  return `${lines.join('\n')}\n`;
}

function topologySection(result: ExtractResult): string[] {
  const pairs = result.topology.pairs;
  if (pairs.length === 0) return [];
  return [
    '## 相邻宗地 Neighbouring parcels',
    '',
    '共用界址点按印刷精度判定（X、Y 各差不超过末位一个单位）。 Shared vertices differ by at most one unit of the last printed digit in X and in Y.',
    '',
    '| 宗地 A | 宗地 B | 共用界址点 Shared vertices | 重叠 Overlap (m²) | 缝隙 Gap |',
    '|---|---|---|---|---|',
    ...pairs.map((p) => {
      const overlap = p.overlapM2 > 0 ? `${p.overlapM2.toFixed(4)}${p.overlapWithinPrecision ? ' (精度内 within precision)' : ' **超出精度 beyond precision**'}` : '0';
      const gap = p.gap ? `${p.gap.widthM.toFixed(3)} m at ${cell(p.gap.parcel)} J${p.gap.label}` : '';
      return `| ${cell(p.a)} | ${cell(p.b)} | ${p.sharedVertices.length} | ${overlap} | ${gap} |`;
    }),
    '',
  ];
}

// Planning blocks, the consolidation test and named mines: what the texts say, and what the layers located.
function referencesSection(result: ExtractResult): string[] {
  const plots = result.planningBlocks.filter((b) => b.documents.length > 0);
  const out: string[] = [];
  if (plots.length > 0) {
    out.push('## 控规地块 Planning blocks', '', '| 编号 Code | 层级 Level | 文件 Documents |', '|---|---|---|');
    for (const b of plots) out.push(`| ${cell(b.code)} | ${b.level} | ${cell(b.documents.map((d) => `${d.doc} ${d.date ?? ''} (${d.role})`).join('; '))} |`);
    out.push('');
  }
  const policy = result.miningPolicy;
  if (policy) {
    out.push(`## 单独保留条件 Single-retention test (${cell(policy.doc)})`, '');
    for (const t of policy.singleRetention) out.push(`- ${t.criterion}${t.mineral ? ` (${cell(t.mineral)})` : ''} ≥ ${t.min} ${t.unit}: “${cell(t.text)}” ${cell(formatSpan(t.source))}`);
    for (const r of policy.reductionTargets) out.push(`- reduction ≥ ${r.minPercent} %: “${cell(r.text)}” ${cell(formatSpan(r.source))}`);
    out.push('');
  }
  if (result.mines.length > 0) out.push(`## 矿山 Named mines (${result.mines.length})`, '', result.mines.map((m) => cell(m.name)).join('、'), '');
  const join = result.layers?.join;
  if (join) {
    out.push('## 图层匹配 Layer join', '');
    out.push(`- 未匹配要素 unmatched features: ${join.unmatchedFeatures.map((f) => `${cell(f.label)} (${cell(f.id)})`).join(', ') || 'none'}`);
    out.push(`- 无图形的地块 blocks without geometry: ${join.unmatchedReferences.planning.map((b) => b.code).join(', ') || 'none'}`);
    out.push(`- 无图形的矿山 mines without geometry: ${join.unmatchedReferences.mining.map((m) => cell(m.name)).join('、') || 'none'}`);
    for (const m of join.mining) out.push(`- ${cell(m.name ?? m.feature.id)}: ${m.retention.outcome} (${m.retention.criteria.map((c) => `${c.criterion} ${c.status}`).join(', ')})`);
    out.push('');
  }
  return out;
}

// Features carry their geometry in planning.geojson / mining.geojson; records.json keeps the join's verdicts.
function layersForRecords(layers: LayerResult) {
  return {
    planning: layers.join.planning.map((p) => ({ feature: p.feature.id, code: p.code, matched: p.block !== null })),
    mining: layers.join.mining.map((m) => ({ feature: m.feature.id, name: m.name, mine: m.mine?.name ?? null, match: m.match, attributes: m.attributes, retention: m.retention })),
    unclassified: layers.join.unclassified.map((f) => f.id),
    unmatchedFeatures: layers.join.unmatchedFeatures,
    unmatchedReferences: { planning: layers.join.unmatchedReferences.planning.map((b) => b.code), mining: layers.join.unmatchedReferences.mining.map((m) => m.name) },
    relations: layers.relations,
    skipped: layers.skipped,
  };
}

/** The stated-vs-computed table for the terminal. */
export function toTextTable(parcels: readonly Parcel[]): string {
  const rows = [['文号', '宗', '文载面积', '计算面积 m²', 'Δ m²', '允许 m²', '状态']];
  for (const p of parcels) {
    const v = p.verification;
    rows.push([p.doc, p.parcelIndex ? String(p.parcelIndex) : '', p.statedArea?.text ?? '', fixed(v.computedM2, 4), signed(v.deltaM2, 4), fixed(v.toleranceM2, 4), v.status]);
  }
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => displayWidth(r[c]!))));
  return rows.map((r) => r.map((cellText, c) => cellText + ' '.repeat(widths[c]! - displayWidth(cellText))).join('  ').trimEnd()).join('\n');
}

export function allDiagnostics(result: ExtractResult): Diagnostic[] {
  return [...result.diagnostics, ...result.parcels.flatMap((p) => p.diagnostics)];
}

// Han characters take two terminal columns.
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

// Document text is untrusted: keep it from breaking the table or smuggling Markdown/HTML into a viewer.
function cell(text: string): string {
  return text.replace(/[\\|<>`*_[\]]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}

function fixed(v: number | null, d: number): string {
  return v === null ? '' : v.toFixed(d);
}

function signed(v: number | null, d: number): string {
  return v === null ? '' : `${v >= 0 ? '+' : ''}${v.toFixed(d)}`;
}
