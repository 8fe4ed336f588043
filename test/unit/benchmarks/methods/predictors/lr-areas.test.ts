import { describe, expect, it } from 'vitest';
import { lrAreas } from '../../../../../benchmarks/methods/predictors/lr-areas.js';

describe('lrAreas (S1, S2 of the LR-annealing law)', () => {
  it('matches a hand computation on a short stepped schedule', () => {
    // η = 1, 1, 0.5, 0.5, 0.25 with λ = 0.5:
    // m = 0, 0, 0.5, 0.25, 0.375 (0.5·0.25 + 0.25); S2 = 0, 0, 0.5, 0.75, 1.125.
    const { s1, s2 } = lrAreas([1, 1, 0.5, 0.5, 0.25], 0.5);
    expect(s1).toEqual([1, 2, 2.5, 3, 3.25]);
    expect(s2.map((v) => +v.toFixed(12))).toEqual([0, 0, 0.5, 0.75, 1.125]);
  });

  it('has no annealing area under a constant rate; with λ = 0, S2 is the drop so far', () => {
    const c = lrAreas(Array(10).fill(0.01), 0.999);
    expect(c.s2.every((v) => v === 0)).toBe(true);
    expect(c.s1[9]).toBeCloseTo(0.1, 12);
    // λ = 0: m_i = η_{i−1} − η_i, so S2(s) = Σ m_i = η_1 − η_s (the drop so far).
    const lin = [4, 3, 2, 1];
    expect(lrAreas(lin, 0).s2).toEqual([0, 1, 2, 3]);
  });
});
