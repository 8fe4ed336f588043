import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  firstPrimes,
  haltonPoint,
  haltonSequence,
  haltonStart,
  MAX_HALTON_START,
  radicalInverse,
} from '../../../../harness/tuning/halton.js';

interface Block {
  d: number;
  n: number;
  skip: number;
  points: number[][];
}
// Produced by scripts/fixtures/halton_fixture.py with Debian python3-scipy.
const fixture = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', '..', '..', 'fixtures', 'algoperf', 'halton-scipy.json'), 'utf8'),
) as Record<string, Block> & { scipyVersion: string };

function maxAbsDiff(a: number[][], b: number[][]): number {
  expect(a.length).toBe(b.length);
  let worst = 0;
  a.forEach((row, i) => {
    expect(row.length).toBe(b[i]!.length);
    row.forEach((v, k) => (worst = Math.max(worst, Math.abs(v - b[i]![k]!))));
  });
  return worst;
}

describe('unscrambled Halton sequence', () => {
  it('uses the first d primes as bases', () => {
    expect(firstPrimes(12)).toEqual([2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37]);
  });

  it('matches scipy.stats.qmc.Halton(d=5, scramble=False).random(100) to 1e-12, starting at the all-zero point', () => {
    const ref = fixture.first100d5!;
    // SciPy's first point is index 0, which is exactly 0 in every coordinate; so is ours.
    expect(ref.points[0]).toEqual([0, 0, 0, 0, 0]);
    const ours = haltonSequence(100, 5);
    expect(ours[0]).toEqual([0, 0, 0, 0, 0]);
    expect(maxAbsDiff(ours, ref.points)).toBeLessThanOrEqual(1e-12);
  });

  it('matches SciPy after fast_forward(skip) (how a seeded start is reproduced outside reprobench)', () => {
    const ref = fixture.fastForward!;
    expect(maxAbsDiff(haltonSequence(ref.n, ref.d, ref.skip), ref.points)).toBeLessThanOrEqual(1e-12);
    expect(maxAbsDiff([haltonPoint(ref.skip + 7, ref.d)], [ref.points[7]!])).toBeLessThanOrEqual(1e-12);
  });

  it('matches SciPy in 12 dimensions', () => {
    const ref = fixture.d12!;
    expect(maxAbsDiff(haltonSequence(ref.n, ref.d), ref.points)).toBeLessThanOrEqual(1e-12);
  });

  it('computes radical inverses by hand-checked digits', () => {
    expect(radicalInverse(6, 2)).toBe(0.375); // 110b -> 0.011b
    expect(radicalInverse(5, 3)).toBeCloseTo(2 / 3 + 1 / 9, 15); // 12 in base 3 -> 0.21
    expect(() => radicalInverse(-1, 2)).toThrow(RangeError);
  });

  it('stratifies any b^m consecutive indices: one point per cell in each coordinate', () => {
    for (const start of [1, 977, 123457]) {
      const pts = haltonSequence(125, 3, start);
      for (const [k, cells] of [
        [0, 64],
        [1, 27],
        [2, 125],
      ] as const) {
        // Points sit exactly on multiples of 1/cells; the epsilon absorbs rounding just below them.
        const hit = new Set(pts.slice(0, cells).map((p) => Math.floor(p[k]! * cells + 1e-9)));
        expect(hit.size).toBe(cells);
      }
    }
  });
});

describe('seeded start offset', () => {
  it('is deterministic, never 0, and at most 2^24', () => {
    expect(haltonStart('adan/fashion-mnist/study-0')).toBe(haltonStart('adan/fashion-mnist/study-0'));
    const starts = Array.from({ length: 200 }, (_, i) => haltonStart(`study-${i}`));
    for (const s of starts) {
      expect(s).toBeGreaterThanOrEqual(1);
      expect(s).toBeLessThanOrEqual(MAX_HALTON_START);
      expect(Number.isInteger(s)).toBe(true);
    }
    // Distinct seeds give distinct starts (a collision among 200 draws from 2^24 would be a bug signal).
    expect(new Set(starts).size).toBe(200);
  });

  it('rejects an empty seed with a coded error', () => {
    expect(() => haltonStart('')).toThrow(expect.objectContaining({ code: 'E_BAD_CONFIG' }));
  });
});
