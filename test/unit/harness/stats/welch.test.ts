import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { welchTTest } from '../../../../harness/stats/welch.js';
import type { Alternative } from '../../../../harness/stats/validate.js';
import { expectClose, expectCode, loadFixture } from './fixtures.js';

interface Case {
  name: string;
  a: number[];
  b: number[];
  alternative: Alternative;
  statistic: number;
  pValue: number;
  df: number;
  ci: [number, number];
}

describe('welchTTest', () => {
  const cases = loadFixture<Case>('welch');
  it.each(cases.map((c) => [`${c.name} ${c.alternative}`, c] as const))(
    'matches scipy ttest_ind(equal_var=False): %s',
    (_n, c) => {
      const r = welchTTest(c.a, c.b, { alternative: c.alternative });
      expectClose(r.statistic, c.statistic, 1e-6, 'statistic');
      expectClose(r.pValue, c.pValue, 1e-6, 'pValue');
      expectClose(r.df, c.df, 1e-6, 'df');
      expectClose(r.ci[0], c.ci[0], 1e-6, 'ci low');
      expectClose(r.ci[1], c.ci[1], 1e-6, 'ci high');
    },
  );

  it('rejects n = 1, empty and NaN input with a coded error', () => {
    expectCode(() => welchTTest([1], [1, 2]), 'E_STATS_INPUT');
    expectCode(() => welchTTest([], [1, 2]), 'E_STATS_INPUT');
    expectCode(() => welchTTest([1, NaN], [1, 2]), 'E_STATS_INPUT');
    expectCode(() => welchTTest([1, 2], [1, 2], { alternative: 'sideways' as Alternative }), 'E_STATS_INPUT');
  });

  it('gives a defined answer for zero-variance samples that differ', () => {
    const r = welchTTest([2, 2, 2], [1, 1]);
    expect(r.statistic).toBe(Infinity);
    expect(r.pValue).toBe(0);
    expect(r.ci).toEqual([1, 1]);
    expect(welchTTest([2, 2, 2], [1, 1], { alternative: 'less' }).pValue).toBe(1);
  });

  const sample = fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 2, maxLength: 15 });
  it('property: p in [0,1], antisymmetric statistic, shift invariant, CI contains the estimate', () => {
    fc.assert(
      fc.property(sample, sample, fc.double({ min: -100, max: 100, noNaN: true }), (a, b, shift) => {
        const r = welchTTest(a, b);
        expect(r.pValue).toBeGreaterThanOrEqual(0);
        expect(r.pValue).toBeLessThanOrEqual(1);
        expect(r.ci[0]).toBeLessThanOrEqual(r.estimate);
        expect(r.ci[1]).toBeGreaterThanOrEqual(r.estimate);
        const swapped = welchTTest(b, a);
        expect(swapped.pValue).toBeCloseTo(r.pValue, 9);
        if (Number.isFinite(r.statistic)) expect(swapped.statistic).toBeCloseTo(-r.statistic, 6);
        const shifted = welchTTest(
          a.map((x) => x + shift),
          b.map((x) => x + shift),
        );
        if (r.standardError > 1e-6) expect(shifted.pValue).toBeCloseTo(r.pValue, 6);
        // One-sided p-values split the two-sided one.
        const less = welchTTest(a, b, { alternative: 'less' }).pValue;
        const greater = welchTTest(a, b, { alternative: 'greater' }).pValue;
        if (r.standardError > 0) expect(less + greater).toBeCloseTo(1, 9);
      }),
      { numRuns: 200 },
    );
  });
});
