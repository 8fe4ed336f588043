import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mannWhitneyU, type MannWhitneyMethod } from '../../../../harness/stats/mann-whitney.js';
import type { Alternative } from '../../../../harness/stats/validate.js';
import { expectClose, expectCode, loadFixture } from './fixtures.js';

interface Case {
  name: string;
  a: number[];
  b: number[];
  alternative: Alternative;
  method: MannWhitneyMethod;
  continuity: boolean;
  statistic: number;
  pValue: number;
}

describe('mannWhitneyU', () => {
  const cases = loadFixture<Case>('mann-whitney');
  it.each(cases.map((c) => [`${c.name} ${c.method} ${c.alternative} cc=${c.continuity}`, c] as const))(
    'matches scipy mannwhitneyu: %s',
    (_n, c) => {
      const r = mannWhitneyU(c.a, c.b, { alternative: c.alternative, method: c.method, continuity: c.continuity });
      expectClose(r.statistic, c.statistic, 1e-6, 'statistic');
      expectClose(r.pValue, c.pValue, 1e-6, 'pValue');
    },
  );

  it('reports P(A > B) = U / (n m)', () => {
    expect(mannWhitneyU([3, 4], [1, 2, 3]).probabilityOfSuperiority).toBeCloseTo((2 + 0.5 + 3) / 6, 12);
  });

  it('rejects empty, NaN input, unknown methods and oversized exact requests', () => {
    expectCode(() => mannWhitneyU([], [1]), 'E_STATS_INPUT');
    expectCode(() => mannWhitneyU([NaN], [1]), 'E_STATS_INPUT');
    expectCode(() => mannWhitneyU([1], [2], { method: 'magic' as MannWhitneyMethod }), 'E_STATS_INPUT');
    const big = Array.from({ length: 400 }, (_, i) => i);
    expectCode(
      () =>
        mannWhitneyU(
          big,
          big.map((x) => x + 0.5),
          { method: 'exact' },
        ),
      'E_STATS_INPUT',
    );
    // 'auto' never throws for size: 8 values against 200,000 falls back to the approximation.
    const huge = Array.from({ length: 200_000 }, (_, i) => i + 0.25);
    expect(mannWhitneyU([1, 2, 3, 4, 5, 6, 7, 8.5], huge).method).toBe('asymptotic');
  });

  const sample = fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 12 });
  it('property: p in [0,1], U_a + U_b = nm, shift invariance, mirrored alternatives', () => {
    fc.assert(
      fc.property(sample, sample, fc.integer({ min: -100, max: 100 }), (a, b, s) => {
        for (const method of ['exact', 'asymptotic', 'auto'] as const) {
          const r = mannWhitneyU(a, b, { method });
          expect(r.pValue).toBeGreaterThanOrEqual(0);
          expect(r.pValue).toBeLessThanOrEqual(1);
          expect(r.statistic + mannWhitneyU(b, a, { method }).statistic).toBe(a.length * b.length);
          expect(
            mannWhitneyU(
              a.map((x) => x + s),
              b.map((x) => x + s),
              { method },
            ).pValue,
          ).toBe(r.pValue);
          expect(mannWhitneyU(a, b, { method, alternative: 'greater' }).pValue).toBeCloseTo(
            mannWhitneyU(b, a, { method, alternative: 'less' }).pValue,
            12,
          );
        }
      }),
      { numRuns: 100 },
    );
  });
});
