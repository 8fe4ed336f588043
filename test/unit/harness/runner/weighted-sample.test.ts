import { describe, expect, it } from 'vitest';
import { Rng } from '../../../../harness/rng.js';
import { weightedSampleWithoutReplacement } from '../../../../harness/runner/weighted-sample.js';

/** P(i is among 2 successive draws ∝ w without replacement) = w_i/W + Σ_{j≠i} (w_j/W)·(w_i/(W − w_j)). */
function inclusionOfTwo(w: number[]): number[] {
  const W = w.reduce((a, b) => a + b, 0);
  return w.map((wi, i) => wi / W + w.reduce((s, wj, j) => (j === i ? s : s + (wj / W) * (wi / (W - wj))), 0));
}

describe('weighted sampling without replacement', () => {
  it('includes each index as often as successive renormalised draws would (exact formula, 20,000 draws)', () => {
    const w = [1, 2, 3, 4];
    const rng = new Rng('0123456789abcdef0123456789abcdef');
    const counts = [0, 0, 0, 0];
    const firsts = [0, 0, 0, 0];
    const N = 20_000;
    for (let t = 0; t < N; t++) {
      const s = weightedSampleWithoutReplacement(w, 2, rng);
      expect(s.length).toBe(2);
      expect(s[0]).not.toBe(s[1]);
      counts[s[0]!]!++;
      counts[s[1]!]!++;
      firsts[s[0]!]!++;
    }
    const expected = inclusionOfTwo(w); // [0.1786, 0.3833, 0.5952, 0.8429]
    // Binomial SD ≤ 0.0036 at N = 20,000: allow 4 SD.
    counts.forEach((c, i) => expect(Math.abs(c / N - expected[i]!)).toBeLessThan(0.015));
    // The first draw is ∝ w.
    firsts.forEach((c, i) => expect(Math.abs(c / N - w[i]! / 10)).toBeLessThan(0.015));
  });

  it('draws a zero weight only when nothing else is left, and is reproducible from its seed', () => {
    const seed = 'fedcba9876543210fedcba9876543210';
    expect([...weightedSampleWithoutReplacement([0, 1, 1], 2, new Rng(seed))].sort()).toEqual([1, 2]);
    expect([...weightedSampleWithoutReplacement([0, 1, 1], 3, new Rng(seed))].sort()).toEqual([0, 1, 2]);
    const a = weightedSampleWithoutReplacement([5, 1, 2, 8, 3], 3, new Rng(seed));
    expect([...weightedSampleWithoutReplacement([5, 1, 2, 8, 3], 3, new Rng(seed))]).toEqual([...a]);
  });
});
