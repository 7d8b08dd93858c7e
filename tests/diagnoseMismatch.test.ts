// Plants one error of each kind in copies of the 11 gazette parcels and checks that the right hypothesis
// ranks first, naming the right point and the corrected value.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/core/extract.js';
import type { Parcel } from '../src/core/model/types.js';

const FILES = ['000_b02c1e540ac53d1c.txt', '002_974677008c505204.txt'];
const originals = new Map(FILES.map((f) => [f, readFileSync(new URL(`../data/gazettes/${f}`, import.meta.url), 'utf8')]));

function parcelsOf(file: string, text: string): Parcel[] {
  return extract([{ file, bytes: new TextEncoder().encode(text) }]).parcels.filter((p) => p.points.length > 0);
}

const baseline = FILES.flatMap((f) => parcelsOf(f, originals.get(f)!));

/** Re-extracts one file after `edit` changed some of its lines, and returns the parcel with this id. */
function withEdit(parcel: Parcel, edit: (lines: string[]) => void): Parcel {
  const file = parcel.span.file;
  const lines = originals.get(file)!.split('\n');
  edit(lines);
  return parcelsOf(file, lines.join('\n')).find((p) => p.id === parcel.id)!;
}

function replaceOnLine(lines: string[], line: number, from: string, to: string): void {
  expect(lines[line - 1]).toContain(from);
  lines[line - 1] = lines[line - 1]!.replace(from, to);
}

describe('mismatch diagnosis on planted errors', () => {
  it('finds the 11 gazette parcels, all matching, to plant errors in', () => {
    expect(baseline).toHaveLength(11);
    expect(baseline.every((p) => p.verification.status === 'match' && p.hypotheses.length === 0)).toBe(true);
  });

  for (const parcel of baseline) {
    const middle = parcel.points[Math.floor(parcel.points.length / 2)]!;
    const printedX = middle.x.toFixed(middle.xDecimals);
    const printedY = middle.y.toFixed(middle.yDecimals);

    it(`${parcel.id}: a mistyped hundreds digit in X of J${middle.label}`, () => {
      const digits = printedX.split('');
      const at = printedX.indexOf('.') - 3;
      digits[at] = String((Number(digits[at]) + 3) % 10);
      const typo = digits.join('');
      const planted = withEdit(parcel, (l) => replaceOnLine(l, middle.source.line, printedX, typo));
      expect(['mismatch', 'invalid']).toContain(planted.verification.status);
      const first = planted.hypotheses[0]!;
      expect(first).toMatchObject({ kind: 'digit', restores: true, labels: [middle.label], corrected: { coordinate: 'X', from: typo, to: printedX } });
      expect(Math.abs(first.areaM2 - parcel.verification.computedM2!)).toBeLessThan(1e-6);
    });

    it(`${parcel.id}: a mistyped tens digit in Y of J${middle.label}`, () => {
      const digits = printedY.split('');
      const at = printedY.indexOf('.') - 2;
      digits[at] = String((Number(digits[at]) + 5) % 10);
      const typo = digits.join('');
      const planted = withEdit(parcel, (l) => replaceOnLine(l, middle.source.line, printedY, typo));
      expect(planted.hypotheses[0]).toMatchObject({ kind: 'digit', restores: true, labels: [middle.label], corrected: { coordinate: 'Y', from: typo, to: printedY } });
    });

    it(`${parcel.id}: X and Y swapped on the line of J${middle.label}`, () => {
      const planted = withEdit(parcel, (l) => {
        replaceOnLine(l, middle.source.line, printedX, '§');
        replaceOnLine(l, middle.source.line, printedY, printedX);
        replaceOnLine(l, middle.source.line, '§', printedY);
      });
      expect(planted.verification.status).toBe('invalid');
      expect(planted.hypotheses[0]).toMatchObject({ kind: 'swap-xy', restores: true, labels: [middle.label] });
      expect(Math.abs(planted.hypotheses[0]!.areaM2 - parcel.verification.computedM2!)).toBeLessThan(1e-6);
    });

    it(`${parcel.id}: the stated area printed in the wrong unit`, () => {
      const stated = parcel.statedArea!;
      const planted = withEdit(parcel, (l) => replaceOnLine(l, stated.source.line, `${stated.text.split(' ')[0]}`, `${stated.text.split(' ')[0]}公顷 原`));
      // "7416.9公顷 原 平方米": the number now reads as 公顷, the old unit is left behind as text.
      expect(planted.verification.status).toBe('mismatch');
      expect(planted.hypotheses[0]).toMatchObject({ kind: 'unit', restores: true, corrected: { coordinate: 'unit', from: '公顷', to: '平方米' } });
    });
  }

  // Parcels with at least 6 points, so that leaving one out or swapping two keeps a polygon. The corner
  // chosen is the sharpest one (largest triangle with its neighbours), so the edit surely moves the area.
  for (const parcel of baseline.filter((p) => p.points.length >= 6)) {
    const k = sharpestCorner(parcel);
    const a = parcel.points[k]!;
    const b = parcel.points[k + 1]!;

    it(`${parcel.id}: J${a.label} left out of the list`, () => {
      const planted = withEdit(parcel, (l) => {
        l[a.source.line - 1] = '';
      });
      expect(planted.points).toHaveLength(parcel.points.length - 1);
      expect(planted.diagnostics.map((d) => d.code)).toContain('point-number-gap');
      expect(planted.verification.status).toBe('mismatch');
      expect(planted.hypotheses[0]).toMatchObject({ kind: 'missing-point', labels: [a.label - 1, a.label + 1] });
    });

    it(`${parcel.id}: J${a.label} and J${b.label} printed in the wrong order`, () => {
      const planted = withEdit(parcel, (l) => {
        const first = l[a.source.line - 1]!;
        l[a.source.line - 1] = l[b.source.line - 1]!;
        l[b.source.line - 1] = first;
      });
      expect(planted.diagnostics.map((d) => d.code)).toContain('point-number-order');
      expect(['mismatch', 'invalid']).toContain(planted.verification.status);
      expect(planted.hypotheses[0]).toMatchObject({ kind: 'swap-neighbours', restores: true });
      expect([...planted.hypotheses[0]!.labels].sort((x, y) => x - y)).toEqual([a.label, b.label]);
    });
  }
});

/** Index (not first or last two) of the vertex whose triangle with its neighbours is largest. */
function sharpestCorner(parcel: Parcel): number {
  const pts = parcel.points;
  let best = 1;
  let bestArea = -1;
  for (let i = 1; i < pts.length - 2; i++) {
    const [p, q, r] = [pts[i - 1]!, pts[i]!, pts[i + 1]!];
    const area = Math.abs((q.y - p.y) * (r.x - p.x) - (r.y - p.y) * (q.x - p.x));
    if (area > bestArea) [best, bestArea] = [i, area];
  }
  return best;
}
