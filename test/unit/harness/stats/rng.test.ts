import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../harness/stats/rng.js';
import { expectCode } from './fixtures.js';

describe('createRng', () => {
  it('is deterministic per seed and differs across seeds', () => {
    const a = createRng(7);
    const b = createRng(7);
    const c = createRng(8);
    const sa = Array.from({ length: 20 }, () => a.float());
    expect(Array.from({ length: 20 }, () => b.float())).toEqual(sa);
    expect(Array.from({ length: 20 }, () => c.float())).not.toEqual(sa);
  });

  it('draws integers in range with roughly uniform frequencies and normals with mean 0, variance 1', () => {
    const r = createRng(3);
    const counts = new Array<number>(5).fill(0);
    for (let i = 0; i < 50_000; i++) {
      const k = r.int(5);
      expect(k).toBeGreaterThanOrEqual(0);
      expect(k).toBeLessThan(5);
      counts[k] = (counts[k] as number) + 1;
    }
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(500);
    let s = 0;
    let s2 = 0;
    const N = 50_000;
    for (let i = 0; i < N; i++) {
      const z = r.normal();
      s += z;
      s2 += z * z;
    }
    expect(Math.abs(s / N)).toBeLessThan(0.02);
    expect(Math.abs(s2 / N - 1)).toBeLessThan(0.03);
  });

  it('rejects non-integer seeds', () => {
    expectCode(() => createRng(1.5), 'E_STATS_INPUT');
    expectCode(() => createRng(NaN), 'E_STATS_INPUT');
  });
});
