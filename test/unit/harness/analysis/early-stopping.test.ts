import { describe, expect, it } from 'vitest';
import { predictiveEarlyStopping, probabilisticEarlyStopping } from '../../../../harness/analysis/early-stopping.js';

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
    expect(r).toMatchObject({ speedup: 1, regret: 0, stopped: [], fullSteps: 200, usedSteps: 200 });
  });

  it('compares with the best curve run to the end, never with the final value of a curve it stopped', () => {
    // b is stopped at 20 (0.9 > a's 0.8) although it would end at 0.1; c (last value 0.5 at 20) must be judged against
    // a's 0.8, the best it has seen — not b's unseen 0.1 — so c runs to the end and is kept.
    const r = predictiveEarlyStopping(
      [curve('a', () => 0.8), curve('b', (j) => (j < 10 ? 0.9 : 0.1)), curve('c', () => 0.5)],
      lastValue,
      0.25,
    );
    expect(r.stopped).toEqual([{ arm: 'b', step: 20 }]);
    expect(r.best).toBe(0.1);
    expect(r.regret).toBeCloseTo(0.4, 12);
    expect([r.fullSteps, r.usedSteps]).toEqual([300, 220]);
  });

  it('charges a diverged curve the steps it ran and never takes it for the best', () => {
    const diverged = {
      arm: 'd',
      budget: 100,
      diverged: true,
      points: [
        { step: 10, value: 0.01 },
        { step: 30, value: 0.02 },
      ],
    };
    const r = predictiveEarlyStopping([diverged, curve('a', () => 0.8), curve('b', () => 0.9)], lastValue, 0.25);
    // d costs 30 steps and sets no best, so a runs to the end; b is stopped at 20.
    expect(r.stopped).toEqual([{ arm: 'b', step: 20 }]);
    expect([r.fullSteps, r.usedSteps, r.best, r.regret]).toEqual([230, 150, 0.8, 0]);
  });

  it('stops on the predictive probability at the decision points observedFraction + k·checkEvery', () => {
    const seen: number[] = [];
    // P(final < best) = 1 until a head reaches step 40, then 0.01: every curve after the first stops at step 40.
    const prob = (head: Array<{ step: number }>) => {
      seen.push(head[head.length - 1]!.step);
      return head[head.length - 1]!.step >= 40 ? 0.01 : 1;
    };
    const r = probabilisticEarlyStopping([curve('a', () => 0.5), curve('b', () => 0.6), curve('c', () => 0.4)], prob, {
      observedFraction: 0.1,
      checkEvery: 0.15,
      threshold: 0.05,
    });
    // Decision points 10, 25, 40, 55, 70, 85 (% of 100 steps): last evals at steps 10, 20, 40 before the stop.
    expect(seen).toEqual([10, 20, 40, 10, 20, 40]);
    expect(r.stopped).toEqual([
      { arm: 'b', step: 40 },
      { arm: 'c', step: 40 },
    ]);
    expect(r.speedup).toBeCloseTo(300 / 180, 12);
    expect(r.regret).toBeCloseTo(0.1, 12);
  });
});
