import { describe, expect, it } from 'vitest';
import { seedsForTost, seedsForTTest } from '../../../../harness/stats/power.js';
import { pairedTTest } from '../../../../harness/stats/paired-t.js';
import { pairedTost } from '../../../../harness/stats/tost.js';
import { createRng } from '../../../../harness/stats/rng.js';
import { expectCode, loadFixture } from './fixtures.js';

interface Case {
  effect: number;
  sd: number;
  sides: 'one-sided' | 'two-sided';
  paired: number;
  independent: number;
}

describe('power', () => {
  it.each(loadFixture<Case>('power').map((c) => [`d=${c.effect} ${c.sides}`, c] as const))(
    'seedsForTTest is within one seed of statsmodels TTestPower/TTestIndPower: %s',
    (_n, c) => {
      const paired = seedsForTTest({ effect: c.effect, sd: c.sd, sides: c.sides, design: 'paired' });
      const indep = seedsForTTest({ effect: c.effect, sd: c.sd, sides: c.sides, design: 'independent' });
      expect(Math.abs(paired - Math.max(2, c.paired))).toBeLessThanOrEqual(1);
      expect(Math.abs(indep - Math.max(2, c.independent))).toBeLessThanOrEqual(1);
    },
  );

  it('the returned seeds reach the requested power in simulation (paired t and paired TOST)', () => {
    const rng = createRng(11);
    const nT = seedsForTTest({ effect: 0.6, sd: 1, power: 0.8 });
    const nE = seedsForTost({ margin: 0.5, sd: 1, power: 0.8 });
    const sims = 1500;
    let hitsT = 0;
    let hitsE = 0;
    for (let s = 0; s < sims; s++) {
      const d = Array.from({ length: nT }, () => 0.6 + rng.normal());
      if (
        pairedTTest(
          d,
          d.map(() => 0),
          { alternative: 'greater' },
        ).pValue < 0.05
      )
        hitsT++;
      const e = Array.from({ length: nE }, () => rng.normal());
      if (
        pairedTost(
          e,
          e.map(() => 0),
          { margin: 0.5 },
        ).equivalent
      )
        hitsE++;
    }
    // 3 binomial SDs around the target 0.8 (SD ≈ 0.0103 at 1500 runs).
    expect(hitsT / sims).toBeGreaterThan(0.77);
    expect(hitsT / sims).toBeLessThan(0.86);
    expect(hitsE / sims).toBeGreaterThan(0.77);
    expect(hitsE / sims).toBeLessThan(0.87);
  });

  it('refuses impossible requests with coded errors', () => {
    expectCode(() => seedsForTTest({ effect: 0, sd: 1 }), 'E_STATS_DEGENERATE');
    expectCode(() => seedsForTTest({ effect: 1e-6, sd: 1, maxSeeds: 1000 }), 'E_STATS_DEGENERATE');
    expectCode(() => seedsForTost({ margin: 0.1, trueDifference: 0.2, sd: 1 }), 'E_STATS_DEGENERATE');
    expectCode(() => seedsForTTest({ effect: 1, sd: -1 }), 'E_STATS_INPUT');
    expect(seedsForTTest({ effect: 1, sd: 0 })).toBe(2);
  });
});
