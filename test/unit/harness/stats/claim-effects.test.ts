import { describe, expect, it } from 'vitest';
import { analyseComparison } from '../../../../harness/stats/claim-effects.js';
import type { ComparisonInput } from '../../../../harness/stats/claim-input.js';
import { welchTTest } from '../../../../harness/stats/welch.js';
import { logRankTest } from '../../../../harness/stats/logrank.js';
import { normSf } from '../../../../harness/stats/distributions.js';
import { expectCode } from './fixtures.js';

const ctx = { alpha: 0.05, seed: 1, resamples: 500 };

describe('analyseComparison', () => {
  it('time-to-target: log-rank z oriented so that a faster method is positive; equivalence bounds on the ratio', () => {
    const c: ComparisonInput = {
      method: { id: 'm', repeats: [0, 1, 2, 3], values: [50, 60, 55, 65] },
      baseline: { id: 'b', repeats: [0, 1, 2, 3], values: [100, 90, 110, 200], events: [true, true, true, false] },
      workload: 'w',
      testType: 'time-to-target',
      lowerIsBetter: true,
      budget: 200,
      margin: 0.25,
      marginUnits: 'relative',
    };
    const a = analyseComparison(c, ctx);
    const lr = logRankTest([
      { times: [50, 60, 55, 65], events: [true, true, true, true] },
      { times: [100, 90, 110, 200], events: [true, true, true, false] },
    ]);
    expect(a.test.statistic).toBeCloseTo(lr.z, 12);
    expect(a.test.pValue).toBeCloseTo(normSf(lr.z), 12);
    expect(a.test.pValue + a.test.pValueOpposite).toBeCloseTo(1, 12);
    expect(a.equivalenceBounds).toEqual([0.8, 1.25]);
    expect(a.equivalenceCi[0]).toBeGreaterThanOrEqual(a.ci[0]);
    expect(a.pilot?.design).toBe('paired');
  });

  it('fixed-budget unpaired uses Welch, and the pilot SD pools the arms', () => {
    const c: ComparisonInput = {
      method: { id: 'm', repeats: [0, 1, 2], values: [0.9, 0.92, 0.91] },
      baseline: { id: 'b', repeats: [3, 4, 5], values: [0.85, 0.86, 0.88] },
      workload: 'w',
      testType: 'fixed-budget',
      lowerIsBetter: false,
      margin: 0.01,
      marginUnits: 'absolute',
    };
    const a = analyseComparison(c, ctx);
    expect(a.paired).toBe(false);
    expect(a.test.pValue).toBeCloseTo(
      welchTTest([0.9, 0.92, 0.91], [0.85, 0.86, 0.88], { alternative: 'greater' }).pValue,
      12,
    );
    expect(a.pilot?.design).toBe('independent');
  });

  it('refuses phenomenon null regions unbounded on the claimed side and zero baseline errors', () => {
    expectCode(
      () =>
        analyseComparison(
          {
            method: { id: 'm', repeats: [0, 1], values: [1, 2] },
            workload: 'w',
            testType: 'phenomenon',
            lowerIsBetter: false,
            margin: 1,
            marginUnits: 'absolute',
            nullRegion: [0, null],
          },
          ctx,
        ),
      'E_STATS_INPUT',
    );
    expectCode(
      () =>
        analyseComparison(
          {
            method: { id: 'm', repeats: [0, 1], values: [1, 2] },
            baseline: { id: 'b', repeats: [0, 1], values: [0, 0] },
            workload: 'w',
            testType: 'predictor',
            lowerIsBetter: true,
            margin: 0.1,
            marginUnits: 'relative',
          },
          ctx,
        ),
      'E_STATS_INPUT',
    );
  });
});
