import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { oneSampleTTest, pairedTTest } from '../../../../harness/stats/paired-t.js';
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

describe('pairedTTest', () => {
  const cases = loadFixture<Case>('paired-t');
  it.each(cases.map((c) => [`${c.name} ${c.alternative}`, c] as const))('matches scipy ttest_rel: %s', (_n, c) => {
    const r = pairedTTest(c.a, c.b, { alternative: c.alternative });
    expectClose(r.statistic, c.statistic, 1e-6, 'statistic');
    expectClose(r.pValue, c.pValue, 1e-6, 'pValue');
    expect(r.df).toBe(c.df);
    expectClose(r.ci[0], c.ci[0], 1e-6, 'ci low');
    expectClose(r.ci[1], c.ci[1], 1e-6, 'ci high');
  });

  it('rejects unequal lengths, n = 1 and non-finite values', () => {
    expectCode(() => pairedTTest([1, 2, 3], [1, 2]), 'E_STATS_INPUT');
    expectCode(() => pairedTTest([1], [2]), 'E_STATS_INPUT');
    expectCode(() => pairedTTest([1, Infinity], [2, 3]), 'E_STATS_INPUT');
  });

  it('one-sample test of a shifted sample equals the paired test against a constant', () => {
    const a = [1.3, 2.2, 0.4, 1.9, 1.1];
    const r1 = oneSampleTTest(a, 1);
    const r2 = pairedTTest(
      a,
      a.map(() => 1),
    );
    expect(r1.statistic).toBeCloseTo(r2.statistic, 12);
    expect(r1.pValue).toBeCloseTo(r2.pValue, 12);
  });

  it('property: p in [0,1]; swapping arms flips the statistic; CI contains the estimate', () => {
    const pair = fc
      .integer({ min: 2, max: 12 })
      .chain((n) =>
        fc.tuple(
          fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: n, maxLength: n }),
          fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: n, maxLength: n }),
        ),
      );
    fc.assert(
      fc.property(pair, ([a, b]) => {
        const r = pairedTTest(a, b);
        expect(r.pValue).toBeGreaterThanOrEqual(0);
        expect(r.pValue).toBeLessThanOrEqual(1);
        expect(r.ci[0]).toBeLessThanOrEqual(r.estimate);
        expect(r.ci[1]).toBeGreaterThanOrEqual(r.estimate);
        const s = pairedTTest(b, a);
        expect(s.pValue).toBeCloseTo(r.pValue, 9);
      }),
      { numRuns: 200 },
    );
  });
});
