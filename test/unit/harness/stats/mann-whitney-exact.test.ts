import { describe, expect, it } from 'vitest';
import { mannWhitneyExactSf } from '../../../../harness/stats/mann-whitney-exact.js';
import { expectCode } from './fixtures.js';

/** Brute force: enumerate all C(m+n, m) label arrangements and count U >= k. */
function bruteSf(k: number, m: number, n: number): number {
  let hit = 0;
  let total = 0;
  const N = m + n;
  for (let mask = 0; mask < 1 << N; mask++) {
    let bits = 0;
    for (let i = 0; i < N; i++) if (mask & (1 << i)) bits++;
    if (bits !== m) continue;
    total++;
    let u = 0;
    let ysBelow = 0;
    for (let i = 0; i < N; i++) {
      if (mask & (1 << i)) u += ysBelow;
      else ysBelow++;
    }
    if (u >= k) hit++;
  }
  return hit / total;
}

describe('mannWhitneyExactSf', () => {
  it('matches brute-force enumeration for all k at small sizes', () => {
    for (const [m, n] of [
      [1, 1],
      [2, 2],
      [3, 5],
      [4, 4],
      [5, 3],
      [2, 9],
    ] as const) {
      for (let k = 0; k <= m * n + 1; k++) expect(mannWhitneyExactSf(k, m, n)).toBeCloseTo(bruteSf(k, m, n), 14);
    }
  });
  it('stays finite for counts beyond double range and refuses oversized work', () => {
    const p = mannWhitneyExactSf(20000, 200, 200);
    expect(p).toBeGreaterThan(0.4);
    expect(p).toBeLessThan(0.6);
    expectCode(() => mannWhitneyExactSf(1, 400, 400), 'E_STATS_INPUT');
  });
});
