import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { pairedTost, tost } from '../../../../harness/stats/tost.js';
import { expectClose, expectCode, loadFixture } from './fixtures.js';

interface Case {
  kind: 'welch' | 'paired';
  name: string;
  a: number[];
  b: number[];
  margin: number;
  marginUnits: 'absolute' | 'relative';
  pValue: number;
  lower: { statistic: number; pValue: number };
  upper: { statistic: number; pValue: number };
  df: number;
}

describe('tost / pairedTost', () => {
  it.each(loadFixture<Case>('tost').map((c) => [`${c.kind} ${c.name} ${c.margin} ${c.marginUnits}`, c] as const))(
    'match statsmodels ttost_ind(usevar=unequal) / ttost_paired: %s',
    (_n, c) => {
      const r = (c.kind === 'welch' ? tost : pairedTost)(c.a, c.b, { margin: c.margin, marginUnits: c.marginUnits });
      expectClose(r.pValue, c.pValue, 1e-6, 'pValue');
      expectClose(r.lower.statistic, c.lower.statistic, 1e-6, 'lower t');
      expectClose(r.lower.pValue, c.lower.pValue, 1e-6, 'lower p');
      expectClose(r.upper.statistic, c.upper.statistic, 1e-6, 'upper t');
      expectClose(r.upper.pValue, c.upper.pValue, 1e-6, 'upper p');
      expectClose(r.df, c.df, 1e-9, 'df');
    },
  );

  it('rejects non-positive margins, relative margins on a zero baseline, and short samples', () => {
    expectCode(() => tost([1, 2], [1, 2], { margin: 0 }), 'E_STATS_INPUT');
    expectCode(() => tost([1, 2], [-1, 1], { margin: 0.1, marginUnits: 'relative' }), 'E_STATS_INPUT');
    expectCode(() => tost([1], [1, 2], { margin: 1 }), 'E_STATS_INPUT');
  });

  it('identical constant samples are equivalent (p = 0), constant samples outside the margin are not (p = 1)', () => {
    expect(tost([3, 3, 3], [3, 3], { margin: 0.1 }).pValue).toBe(0);
    expect(tost([3, 3, 3], [5, 5], { margin: 0.1 }).pValue).toBe(1);
  });

  it('property: equivalent exactly when the (1 − 2α) CI lies inside the margin', () => {
    const sample = fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 2, maxLength: 10 });
    fc.assert(
      fc.property(sample, sample, fc.double({ min: 0.01, max: 5, noNaN: true }), (a, b, m) => {
        const r = tost(a, b, { margin: m });
        expect(r.pValue).toBeGreaterThanOrEqual(0);
        expect(r.pValue).toBeLessThanOrEqual(1);
        const inside = r.ci[0] > -m && r.ci[1] < m;
        if (Math.abs(Math.abs(r.ci[0]) - m) > 1e-9 && Math.abs(Math.abs(r.ci[1]) - m) > 1e-9)
          expect(r.equivalent).toBe(inside);
      }),
      { numRuns: 200 },
    );
  });
});
