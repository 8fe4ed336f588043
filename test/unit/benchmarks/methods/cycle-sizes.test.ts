import { describe, expect, it } from 'vitest';
import { CycleSizes } from '../../../../benchmarks/methods/cycle-sizes.js';

const take = (c: CycleSizes, n: number) => Array.from({ length: n }, (_, e) => c.at(e));

// Expected values: the authors' get_cycle_sizes(sp, ep, alfa, T) (ChangeDatasize.py in
// github.com/CyclicalCurriculum/Cyclical-Curriculum), transcribed to Python 3 and run with T large enough.
describe('cyclical curriculum epoch shares', () => {
  it("cycles 0.25 → 0.5 → 1 → 0.5 → 0.25 with the authors' defaults (0.25, 1, 0.5)", () => {
    expect(take(new CycleSizes(0.25, 1, 0.5), 11)).toEqual([0.25, 0.5, 1, 0.5, 0.25, 0.5, 1, 0.5, 0.25, 0.5, 1]);
  });

  it('caps at the end share and floors at the start share when the multiplier overshoots', () => {
    const got = take(new CycleSizes(0.3, 0.9, 0.6), 13);
    const want = [0.3, 0.5, 0.8333333333333334, 0.9, 0.54, 0.324, 0.3, 0.5, 0.8333333333333334, 0.9, 0.54, 0.324, 0.3];
    got.forEach((v, i) => expect(v).toBeCloseTo(want[i]!, 12));
    const got2 = take(new CycleSizes(0.1, 1, 0.3), 9);
    const want2 = [0.1, 0.33333333333333337, 1, 0.3, 0.1, 0.33333333333333337, 1, 0.3, 0.1];
    got2.forEach((v, i) => expect(v).toBeCloseTo(want2[i]!, 12));
  });

  it('answers any epoch, in any order, with the same value', () => {
    const c = new CycleSizes(0.25, 1, 0.5);
    expect(c.at(9)).toBe(0.5);
    expect(c.at(2)).toBe(1);
  });

  it('rejects shares or multipliers outside their ranges with a hint', () => {
    for (const [s, e, m] of [
      [0, 1, 0.5],
      [0.5, 0.25, 0.5],
      [0.25, 1.5, 0.5],
      [0.25, 1, 1],
      [0.25, 1, 0],
    ] as const) {
      expect(() => new CycleSizes(s, e, m)).toThrow(
        expect.objectContaining({ code: 'E_BAD_CONFIG', hint: expect.stringContaining('cycleStart') }),
      );
    }
  });
});
