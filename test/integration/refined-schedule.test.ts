import { describe, expect, it } from 'vitest';
import { refinedMultipliers } from '../../benchmarks/methods/refined-schedule.js';
import { initBackend } from '../../harness/backends/select.js';
import { loadRegistries } from '../../harness/builtins.js';
import type { ArmSpec } from '../../harness/core/claim.js';
import type { TfjsMethodDefinition } from '../../harness/core/method.js';
import { resolveVariant } from '../../harness/core/workload.js';
import { makeTrial } from '../../harness/plan/plan.js';
import { workloadData } from '../../harness/runner/data-cache.js';
import { trainTrial } from '../../harness/runner/pilot-run.js';
import { trialSeeds } from '../../harness/runner/seeds.js';
import { train } from '../../harness/runner/train-loop.js';
import { TEST_CACHE } from '../helpers/cli.js';

const WORKLOAD = 'polynomial-regression:budget-25';
const HP = { learningRate: 0.06, warmupFraction: 0.02 };

async function setup(arm: ArmSpec) {
  const registries = await loadRegistries();
  const backend = await initBackend('wasm');
  const t = makeTrial(registries, {
    workloadId: WORKLOAD,
    arm,
    repeat: { purpose: 'eval', index: 1 },
    backend,
    stopAtTarget: false,
  });
  const workload = registries.workloads.get('polynomial-regression');
  const method = registries.methods.get(arm.method) as TfjsMethodDefinition;
  return {
    config: t.config,
    seeds: trialSeeds(t.config.workload, arm.method, t.config.repeat),
    workload,
    method,
    data: await workloadData(workload, 'budget-25', TEST_CACHE),
    options: resolveVariant(workload, 'budget-25').options,
  };
}

describe('the gradient-norm trace and schedule refinement on a real training run', () => {
  it('records one norm per step and the mean per eval when asked, and changes nothing else in the curve', async () => {
    const on = await trainTrial(await setup({ method: 'linear-decay', hparams: HP, recordGradNorm: true }));
    const off = await trainTrial(await setup({ method: 'linear-decay', hparams: HP }));
    expect(off.gradNorms).toBeUndefined();
    expect(on.gradNorms!.l2).toHaveLength(on.outcome.stepsRun);
    expect(on.gradNorms!.l2.every((g) => g > 0 && Number.isFinite(g))).toBe(true);
    const first = on.curve[0]!;
    const mean = on.gradNorms!.l2.slice(0, first.step).reduce((a, b) => a + b, 0) / first.step;
    expect(first.metrics['train/grad-norm']).toBeCloseTo(mean, 12);
    const strip = (m: Record<string, number | null>) =>
      Object.fromEntries(Object.entries(m).filter(([k]) => k !== 'train/grad-norm'));
    expect(on.curve.map((p) => strip(p.metrics))).toEqual(off.curve.map((p) => p.metrics));
  });

  it("runs the linear-decay pilot from the trial's seeds, then the refined schedule from the same initialisation", async () => {
    const refined = await trainTrial(await setup({ method: 'refined-schedule', hparams: HP }));
    // By hand: the linear-decay trial of the same repeat, its L1 trace refined, then a fresh run at those rates.
    const linearInputs = await setup({ method: 'linear-decay', hparams: HP });
    const pilot = await train({ ...linearInputs, recordGradNorm: true });
    const rates = refinedMultipliers(pilot.gradNorms!.l1, 0.1, 1).map((m) => HP.learningRate * m);
    const byHand = await train({ ...linearInputs, learningRate: (s) => rates[Math.min(s, rates.length - 1)]! });
    expect(refined.curve.map((p) => p.metrics)).toEqual(byHand.curve.map((p) => p.metrics));
    expect(refined.outcome.scoring).toEqual({ steps: pilot.outcome.stepsRun, seconds: expect.any(Number) as number });
    expect(refined.outcome.trainSeconds).toBeGreaterThan(refined.outcome.scoring!.seconds);
    expect(refined.curve[0]!.trainSeconds).toBeGreaterThan(refined.outcome.scoring!.seconds);
    const d = refined.outcome.derivedSchedule!;
    expect(d.lInfFromPilot).toBeGreaterThan(0);
    const linear = (t: number) => (rates.length - 1 - t) / (rates.length - 1);
    expect(d.lInfFromLinear).toBeCloseTo(
      Math.max(...rates.map((r, t) => Math.abs(r / HP.learningRate - linear(t)))),
      12,
    );
    // A pilot method trained without its pilot is refused, not silently run at the pilot's rates.
    await expect(train(await setup({ method: 'refined-schedule', hparams: HP }))).rejects.toThrow(/trainTrial/);
  });
});
