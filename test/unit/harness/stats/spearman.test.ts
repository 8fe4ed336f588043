import { describe, expect, it } from 'vitest';
import { spearman } from '../../../../harness/stats/spearman.js';
import type { Alternative } from '../../../../harness/stats/validate.js';
import { expectClose, expectCode, loadFixture } from './fixtures.js';

interface Case {
  name: string;
  x: number[];
  y: number[];
  alternative: Alternative;
  rho: number;
  statistic: number | string;
  pValue: number;
}

describe('spearman', () => {
  const cases = loadFixture<Case>('spearman');
  it.each(cases.map((c) => [`${c.name} ${c.alternative}`, c] as const))('matches scipy spearmanr: %s', (_n, c) => {
    const r = spearman(c.x, c.y, { alternative: c.alternative });
    expectClose(r.rho, c.rho, 1e-12, 'rho');
    if (typeof c.statistic === 'string') expect(r.statistic).toBe(c.statistic === 'Infinity' ? Infinity : -Infinity);
    else expectClose(r.statistic, c.statistic, 1e-9, 'statistic');
    expectClose(r.pValue, c.pValue, 1e-6, 'pValue');
    expect(r.n).toBe(c.x.length);
  });

  it('is unchanged by any monotone transform of either sample and flips sign with one reversed', () => {
    const x = [0.3, 1.2, 0.7, 2.2, 1.9, 0.1];
    const y = [5, 9, 4, 12, 8, 6];
    const base = spearman(x, y).rho;
    expect(
      spearman(
        x.map(Math.exp),
        y.map((v) => v ** 3),
      ).rho,
    ).toBeCloseTo(base, 12);
    expect(
      spearman(
        x,
        y.map((v) => -v),
      ).rho,
    ).toBeCloseTo(-base, 12);
  });

  it('rejects fewer than 3 pairs, unequal lengths, non-finite values and a constant sample', () => {
    expectCode(() => spearman([1, 2], [2, 1]), 'E_STATS_INPUT');
    expectCode(() => spearman([1, 2, 3], [1, 2]), 'E_STATS_INPUT');
    expectCode(() => spearman([1, NaN, 3], [1, 2, 3]), 'E_STATS_INPUT');
    expectCode(() => spearman([4, 4, 4], [1, 2, 3]), 'E_STATS_INPUT');
  });
});
