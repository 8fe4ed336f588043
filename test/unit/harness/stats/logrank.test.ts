import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { logRankTest, type CensoredSample } from '../../../../harness/stats/logrank.js';
import { expectClose, expectCode, loadFixture } from './fixtures.js';

interface Case {
  name: string;
  groups: CensoredSample[];
  statistic: number;
  df: number;
  pValue: number;
}

describe('logRankTest', () => {
  const cases = loadFixture<Case>('logrank');
  it.each(cases.map((c) => [c.name, c] as const))('matches statsmodels survdiff: %s', (_n, c) => {
    const r = logRankTest(c.groups);
    expectClose(r.statistic, c.statistic, 1e-9, 'statistic');
    expect(r.df).toBe(c.df);
    expectClose(r.pValue, c.pValue, 1e-6, 'pValue');
  });

  it('two groups: z² equals the chi-square and z is positive when group 0 is faster', () => {
    const r = logRankTest([
      { times: [1, 2, 3, 4, 5], events: [true, true, true, true, true] },
      { times: [3, 6, 7, 8, 9], events: [true, true, true, false, true] },
    ]);
    expect(r.z * r.z).toBeCloseTo(r.statistic, 12);
    expect(r.z).toBeGreaterThan(0);
    expect(r.observed).toEqual([5, 4]);
    expect(r.expected[0] as number).toBeLessThan(5);
  });

  it('rejects fewer than two groups and malformed groups', () => {
    expectCode(() => logRankTest([{ times: [1], events: [true] }]), 'E_STATS_INPUT');
    expectCode(
      () =>
        logRankTest([
          { times: [], events: [] },
          { times: [1], events: [true] },
        ]),
      'E_STATS_INPUT',
    );
    expectCode(
      () =>
        logRankTest([
          { times: [1, 2], events: [true] },
          { times: [1], events: [true] },
        ]),
      'E_STATS_INPUT',
    );
  });

  it('property: p in [0,1], group order does not change the chi-square, identical groups give 0', () => {
    const group = fc.array(fc.tuple(fc.integer({ min: 1, max: 20 }), fc.boolean()), { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(group, group, (g1, g2) => {
        const a = { times: g1.map((r) => r[0]), events: g1.map((r) => r[1]) };
        const b = { times: g2.map((r) => r[0]), events: g2.map((r) => r[1]) };
        const r = logRankTest([a, b]);
        expect(r.pValue).toBeGreaterThanOrEqual(0);
        expect(r.pValue).toBeLessThanOrEqual(1);
        expect(logRankTest([b, a]).statistic).toBeCloseTo(r.statistic, 9);
        expect(logRankTest([a, a]).statistic).toBeCloseTo(0, 12);
      }),
      { numRuns: 200 },
    );
  });
});
