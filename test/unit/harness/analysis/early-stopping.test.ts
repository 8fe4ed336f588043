import { describe, expect, it } from 'vitest';
import { predictiveEarlyStopping } from '../../../../harness/analysis/early-stopping.js';

/** The simplest extrapolator: a curve ends where it was last seen. */
const lastValue = { predict: (head: Array<{ value: number }>) => head[head.length - 1]!.value };

/** A curve evaluated every 10 steps up to 100 with value f(step). */
const curve = (arm: string, f: (s: number) => number) => ({
  arm,
  budget: 100,
  points: Array.from({ length: 10 }, (_, j) => ({ step: (j + 1) * 10, value: f(j + 1) })),
});

describe('predictive early stopping', () => {
  it('stops a curve at the first decision point where its extrapolated final is worse than the best final so far', () => {
    const r = predictiveEarlyStopping(
      [curve('a', (j) => 1 - j * 0.05), curve('b', () => 0.9), curve('c', (j) => 1 - j * 0.07)],
      lastValue,
      0.25,
    );
    // a runs to the end (final 0.5); b's last value at step 20 (the first eval ≤ 25) is 0.9 > 0.5: stopped at 20;
    // c at 20 is 0.86 > 0.5: stopped too, although it would end at 0.3 — so the best kept (0.5) misses it by 0.2.
    expect(r.stopped).toEqual([
      { arm: 'b', step: 20 },
      { arm: 'c', step: 20 },
    ]);
    expect(r.speedup).toBeCloseTo(300 / 140, 12);
    expect(r.regret).toBeCloseTo(0.2, 12);
  });

  it('keeps every curve when no extrapolation is worse than the best so far (speed-up 1, no regret)', () => {
    const r = predictiveEarlyStopping([curve('a', () => 1), curve('b', (j) => 0.9 - j * 0.01)], lastValue, 0.25);
    expect(r).toEqual({ speedup: 1, regret: 0, stopped: [] });
  });
});
