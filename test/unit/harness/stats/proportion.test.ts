import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { wilsonInterval } from '../../../../harness/stats/proportion.js';
import { expectClose, expectCode, loadFixture } from './fixtures.js';

interface Case {
  successes: number;
  n: number;
  confidence: number;
  interval: [number, number];
}

describe('wilsonInterval', () => {
  it.each(loadFixture<Case>('proportion').map((c) => [`${c.successes}/${c.n} @${c.confidence}`, c] as const))(
    'matches statsmodels proportion_confint(wilson): %s',
    (_n, c) => {
      const [lo, hi] = wilsonInterval(c.successes, c.n, { confidence: c.confidence });
      expectClose(lo, c.interval[0], 1e-9, 'lower');
      expectClose(hi, c.interval[1], 1e-9, 'upper');
    },
  );

  it('rejects impossible counts', () => {
    expectCode(() => wilsonInterval(3, 2), 'E_STATS_INPUT');
    expectCode(() => wilsonInterval(0, 0), 'E_STATS_INPUT');
    expectCode(() => wilsonInterval(1.5, 3), 'E_STATS_INPUT');
    expectCode(() => wilsonInterval(1, 3, { confidence: 1 }), 'E_STATS_INPUT');
  });

  it('property: inside [0,1], contains the rate, symmetric in successes/failures', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 500 }).chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: 0, max: n }))),
        ([n, k]) => {
          const [lo, hi] = wilsonInterval(k, n);
          expect(lo).toBeGreaterThanOrEqual(0);
          expect(hi).toBeLessThanOrEqual(1);
          expect(lo).toBeLessThanOrEqual(k / n + 1e-12);
          expect(hi).toBeGreaterThanOrEqual(k / n - 1e-12);
          const [lo2, hi2] = wilsonInterval(n - k, n);
          expect(lo2).toBeCloseTo(1 - hi, 12);
          expect(hi2).toBeCloseTo(1 - lo, 12);
        },
      ),
    );
  });
});
