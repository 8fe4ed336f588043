import { describe, expect, it } from 'vitest';
import { initBackend } from '../../harness/backends/select.js';
import { loadRegistries } from '../../harness/builtins.js';
import { resolveVariant, WEIGHT_DISTANCE_METRIC } from '../../harness/core/workload.js';
import type { TfjsMethodDefinition } from '../../harness/core/method.js';
import { workloadData } from '../../harness/runner/data-cache.js';
import { trialSeeds } from '../../harness/runner/seeds.js';
import { train } from '../../harness/runner/train-loop.js';
import { makeTrial } from '../../harness/plan/plan.js';
import { TEST_CACHE } from '../helpers/cli.js';

/** Plain SGD (no momentum, no decay), constant rate: one step moves the weights by exactly lr × the first gradient. */
const PLAIN = { momentum: 0, weightDecay: 0, schedule: 'constant', warmupFraction: 0 };

async function run(learningRate: number, steps: number, record: boolean) {
  const registries = await loadRegistries();
  const backend = await initBackend('wasm');
  const t = makeTrial(registries, {
    workloadId: 'fashion-mnist-mlp:bn-distance',
    arm: { method: 'sgd-nesterov', hparams: { ...PLAIN, learningRate } },
    repeat: { purpose: 'eval', index: 0 },
    backend,
    stopAtTarget: false,
    budgetSteps: steps,
  });
  const workload = registries.workloads.get('fashion-mnist-mlp');
  const options = { ...resolveVariant(workload, 'bn-distance').options, recordWeightDistance: record };
  const method = registries.methods.get('sgd-nesterov') as TfjsMethodDefinition;
  const data = await workloadData(workload, 'bn-distance', TEST_CACHE);
  return train({
    config: t.config,
    seeds: trialSeeds(t.config.workload, 'sgd-nesterov', t.config.repeat),
    workload,
    method,
    data,
    options,
  });
}

describe('the weight-distance curve metric (#52)', () => {
  it('is the displacement of the weights: one plain SGD step at twice the rate moves them exactly twice as far', async () => {
    const [a, b] = [await run(0.01, 1, true), await run(0.02, 1, true)];
    const d1 = a.curve[0]!.metrics[WEIGHT_DISTANCE_METRIC]!;
    const d2 = b.curve[0]!.metrics[WEIGHT_DISTANCE_METRIC]!;
    expect(d1).toBeGreaterThan(0);
    expect(d2 / d1).toBeCloseTo(2, 5);
  });

  it('is recorded at every eval only when the variant asks, and changes nothing else in the curve', async () => {
    const [on, off] = [await run(0.05, 50, true), await run(0.05, 50, false)];
    expect(on.curve.map((p) => p.step)).toEqual([25, 50]);
    expect(on.curve.every((p) => (p.metrics[WEIGHT_DISTANCE_METRIC] ?? 0) > 0)).toBe(true);
    expect(off.curve.every((p) => !(WEIGHT_DISTANCE_METRIC in p.metrics))).toBe(true);
    const strip = (m: Record<string, number | null>) =>
      Object.fromEntries(Object.entries(m).filter(([k]) => k !== WEIGHT_DISTANCE_METRIC));
    expect(on.curve.map((p) => strip(p.metrics))).toEqual(off.curve.map((p) => p.metrics));
    // It grows along training.
    expect(on.curve[1]!.metrics[WEIGHT_DISTANCE_METRIC]!).toBeGreaterThan(
      on.curve[0]!.metrics[WEIGHT_DISTANCE_METRIC]!,
    );
  });
});
