import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { HParams } from '../../../../harness/core/method.js';
import {
  infiniteLearningRate,
  infiniteSchedule,
  repeatedCosine,
  repeatedCosineLearningRate,
} from '../../../../benchmarks/methods/continual-schedules.js';

/** Every step's rate from a Python transcription of the authors' code: scripts/fixtures/infinite_schedule.py. */
const fixture = JSON.parse(
  readFileSync(new URL('../../../fixtures/infinite-schedule.json', import.meta.url), 'utf8'),
) as {
  hparams: { lr: number };
  runs: Array<{ taskSteps: number; infinite: number[]; cosine: number[] }>;
};

const worst = (got: number[], want: number[]) =>
  Math.max(...got.map((g, i) => Math.abs(g - want[i]!) / Math.max(Math.abs(want[i]!), 1e-12)));

describe('continual pre-training schedules (Janson et al.)', () => {
  it('match the transcription of the authors’ infinite_lr and repeated cosine at every step, three tasks (1e-12)', () => {
    for (const run of fixture.runs) {
      const hp = (m: typeof infiniteSchedule | typeof repeatedCosine) => ({
        ...m.hparams,
        learningRate: fixture.hparams.lr,
        taskSteps: run.taskSteps,
      });
      const steps = run.infinite.length;
      const inf = Array.from({ length: steps }, (_, step) =>
        infiniteLearningRate(hp(infiniteSchedule), { step, totalSteps: steps }),
      );
      const cos = Array.from({ length: steps }, (_, step) =>
        repeatedCosineLearningRate(hp(repeatedCosine), { step, totalSteps: steps }),
      );
      expect(worst(inf, run.infinite), `infinite, T = ${run.taskSteps}`).toBeLessThan(1e-12);
      expect(worst(cos, run.cosine), `cosine, T = ${run.taskSteps}`).toBeLessThan(1e-12);
    }
  });

  it('re-warms the cosine at every task and never the infinite schedule (closed-form points)', () => {
    const lr = 3e-3;
    const inf = { ...infiniteSchedule.hparams, learningRate: lr, taskSteps: 1000 };
    const cos = { ...repeatedCosine.hparams, learningRate: lr, taskSteps: 1000 };
    const at = (f: typeof infiniteLearningRate, hp: HParams, step: number) => f(hp, { step, totalSteps: 2000 });
    expect(at(infiniteLearningRate, inf, 50)).toBeCloseTo(lr, 15);
    expect(at(infiniteLearningRate, inf, 400)).toBeCloseTo(0.5 * lr, 15);
    expect(at(infiniteLearningRate, inf, 1000 + 800)).toBeCloseTo(0.5 * lr, 15);
    expect(at(infiniteLearningRate, inf, 1999)).toBeCloseTo(0.5 * lr * Math.exp((-Math.log(5) * 199) / 200), 15);
    // Task 1 starts at the constant rate, the cosine back at zero and then at the peak after 5% warmup.
    expect(at(infiniteLearningRate, inf, 1000)).toBeCloseTo(0.5 * lr, 15);
    expect(at(repeatedCosineLearningRate, cos, 1000)).toBe(0);
    expect(at(repeatedCosineLearningRate, cos, 1050)).toBeCloseTo(lr, 15);
    expect(() => infiniteLearningRate({ ...inf, taskSteps: 0 }, { step: 0, totalSteps: 1 })).toThrow(/taskSteps/);
  });
});
