import { describe, expect, it } from 'vitest';
import { loadRegistries } from '../../../../harness/builtins.js';
import { estimateSeconds, PLANNED_MARGIN, type MeasuredTrial } from '../../../../harness/plan/estimate.js';
import type { PlannedTrial } from '../../../../harness/plan/plan.js';
import { fashionMnistMlp } from '../../../../workloads/fashion-mnist/workload.js';
import { ROOT } from '../../../helpers/cli.js';

// A planned 1000-step fashion-mnist-mlp trial on wasm costs its msPerStepHint × 1000 steps × the planning margin.
const WORKLOAD = 'fashion-mnist-mlp';
const HINTED = (fashionMnistMlp.msPerStepHint!.wasm! / 1000) * 1000 * PLANNED_MARGIN;
const planned = (o: { variant?: string; method?: string; backend?: string } = {}): PlannedTrial =>
  ({
    id: 'x',
    label: 'x',
    config: {
      workload: { id: WORKLOAD, variant: o.variant ?? 'default' },
      method: { id: o.method ?? 'adamw' },
      backend: o.backend ?? 'wasm',
      budget: { steps: 1000 },
    },
  }) as unknown as PlannedTrial;
/** A finished trial that ran `stepsRun` of its 1000 steps in `seconds` (train + eval + init). */
const measured = (
  stepsRun: number,
  seconds: number,
  o: { variant?: string; method?: string; backend?: string; workload?: string } = {},
): MeasuredTrial => ({
  config: {
    workload: { id: o.workload ?? WORKLOAD, variant: o.variant ?? 'default' },
    method: { id: o.method ?? 'adamw' },
    backend: o.backend ?? 'wasm',
    budget: { steps: 1000 },
  },
  outcome: { stepsRun, trainSeconds: seconds * 0.6, evalSeconds: seconds * 0.4, initSeconds: 0 },
});

describe('estimateSeconds', () => {
  it("uses this run's finished trials: their seconds per step over the share of the budget they ran", async () => {
    const registries = await loadRegistries(ROOT);
    // 0.02 s a step, stopped at 500 of 1000 steps: 10 s per planned trial; 4 trials on 2 workers.
    const est = estimateSeconds([planned(), planned(), planned(), planned()], [measured(500, 10)], registries, 2, [
      measured(100, 1),
    ]);
    expect(est.seconds).toBeCloseTo(20, 10);
    expect(est.basis).toEqual(['finished trials']);
  });

  it("before anything ran here: the step-time hint over the share of the budget the reference's trials ran (any backend), never their seconds", async () => {
    const registries = await loadRegistries(ROOT);
    // The reference ran half the budget; its 500 s (a loaded machine, say) do not count.
    const est = estimateSeconds([planned(), planned()], [], registries, 2, [measured(500, 500, { backend: 'blas' })]);
    expect(est.seconds).toBeCloseTo(HINTED * 0.5, 10);
    expect(est.basis).toEqual(["step-time hints and the reference's steps run"]);
  });

  it("narrows to the planned trial's own variant and method where they were measured", async () => {
    const registries = await loadRegistries(ROOT);
    const ref = [
      measured(1000, 1, { variant: 'default', method: 'adamw' }),
      measured(400, 1, { variant: 'deep', method: 'adamw' }),
      measured(200, 1, { variant: 'deep', method: 'adan' }),
    ];
    const one = (t: PlannedTrial) => estimateSeconds([t], [], registries, 1, ref).seconds;
    expect(one(planned({ variant: 'deep', method: 'adan' }))).toBeCloseTo(HINTED * 0.2, 10);
    expect(one(planned({ variant: 'deep', method: 'nadamw' }))).toBeCloseTo(HINTED * 0.3, 10);
    expect(one(planned({ variant: 'wide', method: 'adamw' }))).toBeCloseTo(HINTED * 0.7, 10);
  });

  it("falls back to the workload's step-time hint over the full budget when nothing measured the workload", async () => {
    const registries = await loadRegistries(ROOT);
    const est = estimateSeconds([planned(), planned()], [], registries, 2, [measured(500, 5, { workload: 'char-lm' })]);
    expect(est.seconds).toBeCloseTo(HINTED, 10);
    expect(est.basis).toEqual(['step-time hints']);
  });
});
