import { describe, expect, it } from 'vitest';
import { medianRatioCI, probabilityOfSuperiority } from '../../../../harness/stats/effect-size.js';
import { mannWhitneyU } from '../../../../harness/stats/mann-whitney.js';
import { expectCode } from './fixtures.js';

describe('probabilityOfSuperiority', () => {
  it('equals U/(nm) and brackets it with a bootstrap CI', () => {
    const a = [3.1, 4.2, 5.5, 2.2, 6.1, 4.4, 5.0];
    const b = [2.0, 3.3, 1.8, 2.9, 4.1, 2.5];
    const r = probabilityOfSuperiority(a, b, { seed: 1, resamples: 1000, method: 'percentile' });
    expect(r.estimate).toBeCloseTo(mannWhitneyU(a, b).statistic / (a.length * b.length), 12);
    expect(r.lower).toBeLessThanOrEqual(r.estimate);
    expect(r.upper).toBeGreaterThanOrEqual(r.estimate);
    expect(r.upper).toBeLessThanOrEqual(1);
  });
  it('is a point interval at complete separation', () => {
    const r = probabilityOfSuperiority([5, 6, 7], [1, 2], { seed: 1, resamples: 200 });
    expect([r.estimate, r.lower, r.upper]).toEqual([1, 1, 1]);
  });
});

describe('medianRatioCI', () => {
  it('paired and unpaired speedups of medians with CIs', () => {
    const base = [1000, 1200, 1100, 1300, 1150, 1250];
    const meth = [500, 640, 560, 600, 580, 620];
    for (const paired of [true, false]) {
      const r = medianRatioCI(base, meth, { seed: 2, resamples: 1000, paired, method: 'percentile' });
      expect(r.estimate).toBeCloseTo(1175 / 590, 12);
      expect(r.lower).toBeLessThan(r.estimate);
      expect(r.upper).toBeGreaterThan(r.estimate);
    }
  });
  it('rejects non-positive values and unequal paired arms', () => {
    expectCode(() => medianRatioCI([1, 0], [1, 2], { seed: 1 }), 'E_STATS_INPUT');
    expectCode(() => medianRatioCI([1, 2, 3], [1, 2], { seed: 1, paired: true }), 'E_STATS_INPUT');
  });
});
