import { describe, expect, it } from 'vitest';
import { autolrs, autoLrsPlanner, autoLrsSettings, candidateRates } from '../../../../benchmarks/methods/autolrs.js';
import type { StageContext } from '../../../../harness/runner/stages.js';

const settings = (over: Record<string, number> = {}) => autoLrsSettings({ ...autolrs.hparams, ...over });

/** A stage context whose probes return a loss curve chosen per learning rate, and that records the calls. */
function fakeContext(curveFor: (lr: number) => number[], step = 0) {
  const calls: Array<{ lr: number; steps: number }> = [];
  const ctx: StageContext = {
    step,
    stage: 0,
    budgetSteps: 1000,
    probe: async (lr, steps) => {
      calls.push({ lr, steps });
      return { losses: curveFor(lr).slice(0, steps), truncated: false };
    },
  };
  return { ctx, calls };
}
const expCurve = (a: number, b: number, c: number) => Array.from({ length: 10 }, (_, t) => a * Math.exp(-b * t) + c);

describe('AutoLRS (simplified)', () => {
  it('candidates are a factor apart around the centre, ascending, clamped to the range, without duplicates', () => {
    expect(candidateRates(0.01, settings())).toEqual([0.005, 0.01, 0.02]);
    const four = candidateRates(0.01, settings({ candidates: 4 }));
    expect(four.map((r) => r / 0.01)).toEqual([2 ** -1.5, 2 ** -0.5, 2 ** 0.5, 2 ** 1.5]);
    expect(candidateRates(0.08, settings())).toEqual([0.04, 0.08, 0.1]);
    expect(candidateRates(0.2, settings())).toEqual([0.1]);
    expect(candidateRates(0.01, settings({ candidates: 1 }))).toEqual([0.01]);
  });

  it('picks the candidate with the lowest forecast at τ, never a diverged one, and centres the next stage on it', async () => {
    const planner = autoLrsPlanner({ ...autolrs.hparams, learningRate: 0.01 });
    // Forecasts at τ = 150 are the asymptotes c: 0.5 (η/2), 0.3 (η), and 2η diverges.
    const curves = new Map([
      [0.005, expCurve(1, 0.3, 0.5)],
      [0.01, expCurve(1, 0.3, 0.3)],
      [0.02, [...expCurve(1, 0.3, 0.1).slice(0, 4), NaN]],
    ]);
    const first = fakeContext((lr) => curves.get(lr)!);
    expect(await planner.plan(first.ctx)).toEqual({ learningRate: 0.01, steps: 150 });
    expect(first.calls).toEqual([0.005, 0.01, 0.02].map((lr) => ({ lr, steps: 10 })));
    // Next stage: η/2 now forecasts lowest (the curve that is still falling fastest at the end).
    const second = fakeContext((lr) => (lr === 0.005 ? expCurve(1, 0.05, 0.2) : expCurve(1, 0.3, 0.3)));
    expect(await planner.plan(second.ctx)).toEqual({ learningRate: 0.005, steps: 150 });
    expect(second.calls.map((c) => c.lr)).toEqual([0.005, 0.01, 0.02]);
    const third = fakeContext(() => expCurve(1, 0.3, 0.3));
    await planner.plan(third.ctx);
    expect(third.calls.map((c) => c.lr)).toEqual([0.0025, 0.005, 0.01]);
  });

  it('on a tie, or when every candidate diverges, takes the smallest rate', async () => {
    const tie = autoLrsPlanner({ ...autolrs.hparams, learningRate: 0.01 });
    expect((await tie.plan(fakeContext(() => expCurve(1, 0.3, 0.3)).ctx)).learningRate).toBe(0.005);
    const dead = autoLrsPlanner({ ...autolrs.hparams, learningRate: 0.01 });
    expect((await dead.plan(fakeContext(() => [1, NaN]).ctx)).learningRate).toBe(0.005);
  });

  it('with one candidate it probes nothing: a constant rate in stages', async () => {
    const planner = autoLrsPlanner({ ...autolrs.hparams, learningRate: 0.003, candidates: 1 });
    const f = fakeContext(() => expCurve(1, 0.3, 0.3));
    expect(await planner.plan(f.ctx)).toEqual({ learningRate: 0.003, steps: 150 });
    expect(f.calls).toEqual([]);
  });

  it('rejects unusable settings with E_BAD_CONFIG and a hint', () => {
    const bads: Array<Record<string, number>> = [
      { probeSteps: 2 },
      { stageSteps: 0 },
      { candidates: 0 },
      { candidateFactor: 1 },
      { minLearningRate: 0 },
      { stageSteps: 1.5 },
    ];
    for (const bad of bads) {
      expect(() => settings(bad), JSON.stringify(bad)).toThrow(
        expect.objectContaining({ code: 'E_BAD_CONFIG', hint: expect.stringContaining('probeSteps') }),
      );
    }
  });
});
