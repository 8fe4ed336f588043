import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { kaplanMeier, restrictedMean } from '../../../../harness/stats/survival.js';
import { expectClose, expectCode, loadFixture } from './fixtures.js';

interface Case {
  name: string;
  times: number[];
  events: boolean[];
  kmTimes: number[];
  survival: number[];
  standardError: number[];
  lower: number[];
  upper: number[];
  median: number | null;
  medianCI: [number | null, number | null];
  horizon: number;
  restrictedMean: number;
}

describe('kaplanMeier', () => {
  const cases = loadFixture<Case>('survival');
  it.each(cases.map((c) => [c.name, c] as const))('matches statsmodels SurvfuncRight: %s', (_n, c) => {
    const km = kaplanMeier(c.times, c.events);
    expect(km.times).toEqual(c.kmTimes);
    expect(km.survival.length).toBe(c.survival.length);
    km.survival.forEach((s, i) => {
      expectClose(s, c.survival[i] as number, 1e-9, `S[${i}]`);
      expectClose(km.standardError[i] as number, c.standardError[i] as number, 1e-9, `se[${i}]`);
      expectClose(km.lower[i] as number, c.lower[i] as number, 1e-9, `lower[${i}]`);
      expectClose(km.upper[i] as number, c.upper[i] as number, 1e-9, `upper[${i}]`);
    });
    expect(km.median).toBe(c.median);
    expect(km.medianCI).toEqual(c.medianCI);
    expectClose(restrictedMean(km, c.horizon), c.restrictedMean, 1e-12, 'restricted mean');
  });

  it('all censored: flat curve, no median, restricted mean = budget', () => {
    const km = kaplanMeier([5, 5, 5], [false, false, false]);
    expect(km.survival).toEqual([]);
    expect(km.median).toBeNull();
    expect(km.censored).toBe(3);
    expect(restrictedMean(km, 5)).toBe(5);
  });

  it('rejects empty, negative or NaN times and bad horizons', () => {
    expectCode(() => kaplanMeier([], []), 'E_STATS_INPUT');
    expectCode(() => kaplanMeier([-1], [true]), 'E_STATS_INPUT');
    expectCode(() => kaplanMeier([NaN], [true]), 'E_STATS_INPUT');
    expectCode(() => kaplanMeier([1, 2], [true]), 'E_STATS_INPUT');
    expectCode(() => restrictedMean(kaplanMeier([1], [true]), 0), 'E_STATS_INPUT');
  });

  it('property: S is non-increasing in [0,1], the CI brackets S, uncensored median = sample median', () => {
    const data = fc.array(fc.tuple(fc.integer({ min: 1, max: 50 }), fc.boolean()), { minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(data, (rows) => {
        const km = kaplanMeier(
          rows.map((r) => r[0]),
          rows.map((r) => r[1]),
        );
        let prev = 1;
        km.survival.forEach((s, i) => {
          expect(s).toBeLessThanOrEqual(prev + 1e-15);
          expect(s).toBeGreaterThanOrEqual(0);
          expect(km.lower[i]).toBeLessThanOrEqual(s + 1e-12);
          expect(km.upper[i]).toBeGreaterThanOrEqual(s - 1e-12);
          prev = s;
        });
        const horizon = Math.max(...rows.map((r) => r[0]));
        const rm = restrictedMean(km, horizon);
        expect(rm).toBeGreaterThanOrEqual(0);
        expect(rm).toBeLessThanOrEqual(horizon);
        const t = rows.map((r) => r[0]).sort((x, y) => x - y);
        const uncensored = kaplanMeier(
          t,
          t.map(() => true),
        );
        const n = t.length;
        const sampleMedian = n % 2 ? t[(n - 1) / 2] : ((t[n / 2 - 1] as number) + (t[n / 2] as number)) / 2;
        expect(uncensored.median).toBe(sampleMedian);
      }),
      { numRuns: 200 },
    );
  });
});
