import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  bootstrapCI,
  pairedBootstrapCI,
  stratifiedBootstrapCI,
  type BootstrapMethod,
} from '../../../../harness/stats/bootstrap.js';
import { mean, median } from '../../../../harness/stats/descriptives.js';
import { createRng } from '../../../../harness/stats/rng.js';
import { expectClose, expectCode, loadFixture } from './fixtures.js';

interface Case {
  name: string;
  kind: 'stratified' | 'paired';
  statistic: string;
  strata?: number[][];
  a?: number[];
  b?: number[];
  indices: number[][][] | number[][];
  confidence: number;
  method: BootstrapMethod;
  estimate: number;
  lower: number;
  upper: number;
}

const STATS: Record<string, (s: number[][]) => number> = {
  mean: (s) => mean(s[0] as number[]),
  median: (s) => median(s[0] as number[]),
  meanOfMeans: (s) => mean(s.map((x) => mean(x))),
  medianRatio: (s) => median(s[1] as number[]) / median(s[0] as number[]),
};

describe('bootstrap CIs', () => {
  const cases = loadFixture<Case>('bootstrap');
  it.each(cases.map((c) => [`${c.name} ${c.method} ${c.confidence}`, c] as const))(
    'match the numpy reference on the same indices to 1e-9: %s',
    (_n, c) => {
      const opts = { confidence: c.confidence, method: c.method };
      const r =
        c.kind === 'paired'
          ? pairedBootstrapCI(c.a as number[], c.b as number[], (a, b) => mean(a) / mean(b), {
              ...opts,
              indices: c.indices as number[][],
            })
          : stratifiedBootstrapCI(c.strata as number[][], STATS[c.statistic] as (s: number[][]) => number, {
              ...opts,
              indices: c.indices as number[][][],
            });
      expectClose(r.estimate, c.estimate, 1e-9, 'estimate');
      expectClose(r.lower, c.lower, 1e-9, 'lower');
      expectClose(r.upper, c.upper, 1e-9, 'upper');
      expect(r.seed).toBeNull();
      expect(r.resamples).toBe(c.indices.length);
    },
  );

  it('is reproducible from its seed and changes with it', () => {
    const x = [3.1, 4.7, 2.2, 5.9, 4.4, 3.8, 6.1, 2.9];
    const r1 = bootstrapCI(x, mean, { seed: 42, resamples: 999 });
    const r2 = bootstrapCI(x, mean, { seed: 42, resamples: 999 });
    const r3 = bootstrapCI(x, mean, { seed: 43, resamples: 999 });
    expect(r1).toEqual(r2);
    expect(r1.seed).toBe(42);
    expect(r3.lower).not.toBe(r1.lower);
  });

  it.each(['percentile', 'bca'] as const)(
    '%s coverage of the mean of a skewed population is near nominal (simulation)',
    (method) => {
      // Exponential(1) data, n = 30, 90% intervals, 400 data sets × 500 resamples.
      const rng = createRng(2026);
      const sets = 400;
      let covered = 0;
      for (let s = 0; s < sets; s++) {
        const x = Array.from({ length: 30 }, () => -Math.log(1 - rng.float()));
        const ci = bootstrapCI(x, mean, { seed: s, resamples: 500, confidence: 0.9, method });
        if (ci.lower <= 1 && 1 <= ci.upper) covered++;
      }
      // Bootstrap intervals undercover a little at n = 30 on skewed data; 0.80–0.96 is 3 binomial SDs
      // (±0.045) around 0.9 widened by that known small-sample shortfall.
      expect(covered / sets).toBeGreaterThan(0.8);
      expect(covered / sets).toBeLessThan(0.96);
    },
  );

  it('stratified resampling keeps each stratum intact', () => {
    const strata = [
      [1, 1, 1],
      [100, 100, 100, 100],
    ];
    const r = stratifiedBootstrapCI(strata, (s) => mean(s[1] as number[]) - mean(s[0] as number[]), {
      seed: 1,
      resamples: 200,
    });
    expect(r.lower).toBe(99);
    expect(r.upper).toBe(99);
  });

  it('degenerate input: point mass is a point interval; coded errors otherwise', () => {
    const r = bootstrapCI([5, 5, 5], mean, { seed: 1, resamples: 100 });
    expect([r.lower, r.upper]).toEqual([5, 5]);
    expectCode(() => bootstrapCI([], mean, { seed: 1 }), 'E_STATS_INPUT');
    expectCode(() => bootstrapCI([1, NaN], mean, { seed: 1 }), 'E_STATS_INPUT');
    expectCode(() => bootstrapCI([1, 2], mean, {} as { seed: number }), 'E_STATS_INPUT');
    // 1/mean is infinite on the resample [0, 0].
    expectCode(() => bootstrapCI([0, 1], (x) => 1 / mean(x), { seed: 3, resamples: 50 }), 'E_STATS_DEGENERATE');
    expectCode(
      () =>
        bootstrapCI([1, 2], mean, {
          indices: [
            [0, 5],
            [1, 1],
          ],
        }),
      'E_STATS_INPUT',
    );
    expectCode(() => pairedBootstrapCI([1, 2], [1], (a, b) => mean(a) - mean(b), { seed: 1 }), 'E_STATS_INPUT');
    // A statistic that only the original ordering attains lies outside every resample: BCa's z0 is undefined.
    const quirky = (x: number[]): number => (x.join() === '1,2,3,4,5,6' ? 1 : 0);
    expectCode(() => bootstrapCI([1, 2, 3, 4, 5, 6], quirky, { seed: 1, resamples: 100 }), 'E_STATS_DEGENERATE');
    expect(bootstrapCI([1, 2, 3, 4, 5, 6], quirky, { seed: 1, resamples: 100, method: 'percentile' }).upper).toBe(0);
  });

  it('property: the CI contains the estimate for the mean (percentile and BCa) and stays within the data range', () => {
    const xs = fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 2, maxLength: 15 });
    fc.assert(
      fc.property(xs, fc.integer({ min: 0, max: 1000 }), (x, seed) => {
        const lo = Math.min(...x);
        const hi = Math.max(...x);
        const p = bootstrapCI(x, mean, { seed, resamples: 300, method: 'percentile', confidence: 0.9 });
        expect(p.lower).toBeGreaterThanOrEqual(lo - 1e-9);
        expect(p.upper).toBeLessThanOrEqual(hi + 1e-9);
        expect(p.lower).toBeLessThanOrEqual(p.upper);
      }),
      { numRuns: 100 },
    );
  });
});
