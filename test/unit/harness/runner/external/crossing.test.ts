import { describe, expect, it } from 'vitest';
import type { CurvePoint } from '../../../../../harness/core/trial.js';
import { CoarseCrossing } from '../../../../../harness/runner/external/crossing.js';

const at = (step: number, acc: number): CurvePoint => ({
  step,
  examples: step * 128,
  trainSeconds: step / 100,
  metrics: { 'validation/accuracy': acc },
});

/** Feeds a fine curve (every 5 steps) through the rule; returns the step it reports, or null. */
function crossingOf(accs: Array<[number, number]>, coarse = 25, last = 100, target = 0.88): number | null {
  const rule = new CoarseCrossing(coarse, last);
  for (const [step, acc] of accs) {
    const hit = rule.observe(at(step, acc), acc >= target);
    if (hit) return hit.step;
  }
  return null;
}

/**
 * The reference is the in-process rule written out directly: the first coarse eval (every 25 steps
 * or the last step) that meets the target, then the first fine eval in the interval before it.
 */
function replayRule(accs: Array<[number, number]>, coarse = 25, last = 100, target = 0.88): number | null {
  const c = accs.find(([s, a]) => (s % coarse === 0 || s === last) && a >= target);
  if (!c) return null;
  const from = c[0] - (c[0] % coarse === 0 ? coarse : c[0] % coarse);
  return accs.find(([s, a]) => s > from && s <= c[0] && a >= target)![0];
}

describe("an external trainer's steps to target by the in-process rule", () => {
  it('a fine up-crossing that falls back before the coarse eval does not count', () => {
    // Met at 10 (fine), missed at 25 (coarse), met again from 35: the replay finds 35 (interval 25–50].
    const accs: Array<[number, number]> = [
      [5, 0.8],
      [10, 0.881],
      [15, 0.879],
      [20, 0.87],
      [25, 0.875],
      [30, 0.87],
      [35, 0.882],
      [40, 0.879],
      [45, 0.883],
      [50, 0.885],
    ];
    expect(crossingOf(accs)).toBe(35);
    expect(replayRule(accs)).toBe(35);
  });

  it('a crossing exactly on the coarse grid, and one confirmed only at the last step off the grid', () => {
    expect(
      crossingOf([
        [5, 0.1],
        [10, 0.1],
        [15, 0.1],
        [20, 0.1],
        [25, 0.9],
      ]),
    ).toBe(25);
    const tail: Array<[number, number]> = [
      [85, 0.5],
      [90, 0.5],
      [95, 0.89],
      [100, 0.5],
      [105, 0.9],
    ];
    expect(crossingOf(tail, 25, 105)).toBe(105);
    expect(replayRule(tail, 25, 105)).toBe(105);
  });

  it('never met on the grid: no crossing', () => {
    expect(
      crossingOf([
        [5, 0.9],
        [10, 0.9],
        [15, 0.5],
        [20, 0.5],
        [25, 0.5],
      ]),
    ).toBeNull();
  });

  it('agrees with the replay rule on random curves', () => {
    let s = 12345;
    const rand = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let k = 0; k < 500; k++) {
      const accs: Array<[number, number]> = [];
      let acc = 0.8;
      for (let step = 5; step <= 100; step += 5) accs.push([step, (acc += (rand() - 0.4) * 0.01)]);
      expect(crossingOf(accs)).toBe(replayRule(accs));
    }
  });
});
