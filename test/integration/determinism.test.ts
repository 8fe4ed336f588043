import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { initBackend, type BackendName } from '../../harness/backends/select.js';
import { loadRegistries } from '../../harness/builtins.js';
import { resolveVariant } from '../../harness/core/workload.js';
import { workloadData } from '../../harness/runner/data-cache.js';
import { runTrial } from '../../harness/runner/run-trial.js';
import { trialSeeds } from '../../harness/runner/seeds.js';
import { train } from '../../harness/runner/train-loop.js';
import { makeTrial } from '../../harness/plan/plan.js';
import { hostProvenance } from '../../harness/store/provenance.js';
import { TEST_CACHE } from '../helpers/cli.js';

async function twice(backendName: BackendName, method: string) {
  const registries = await loadRegistries();
  const backend = await initBackend(backendName);
  if (tf.getBackend() !== backendName) await tf.setBackend(backendName);
  const trial = makeTrial(registries, {
    workloadId: 'teacher-student',
    arm: { method },
    repeat: { purpose: 'eval', index: 0 },
    backend,
    stopAtTarget: false,
    budgetSteps: 120,
  });
  const ctx = { registries, backend, host: hostProvenance(), cacheDir: TEST_CACHE };
  const a = await runTrial(trial.id, trial.config, ctx);
  const b = await runTrial(trial.id, trial.config, ctx);
  return [a, b] as const;
}

describe('bit-reproducible trials', () => {
  for (const backend of ['wasm', 'cpu'] as const) {
    for (const method of ['adan', 'nadamw']) {
      it(`the same ${method} trial twice on ${backend} gives bit-identical eval curves`, async () => {
        const [a, b] = await twice(backend, method);
        expect(a.curve.length).toBe(6);
        expect(a.curve.map((p) => p.metrics)).toEqual(b.curve.map((p) => p.metrics));
        expect(a.outcome.stepsToTarget).toBe(b.outcome.stepsToTarget);
        // And the run really trained: the loss moved.
        const losses = a.curve.map((p) => p.metrics['validation/loss']!);
        expect(losses[losses.length - 1]).toBeLessThan(losses[0]!);
      });
    }
  }

  it('cpu and wasm are different numerics classes', async () => {
    const [w] = await twice('wasm', 'adan');
    const [c] = await twice('cpu', 'adan');
    expect(w.config.numericsClass).not.toBe(c.config.numericsClass);
    expect(w.id).not.toBe(c.id);
  });
});

describe('no tensor leak', () => {
  it('keeps the tensor count constant from step to step', async () => {
    const registries = await loadRegistries();
    const backend = await initBackend('wasm');
    if (tf.getBackend() !== 'wasm') await tf.setBackend('wasm');
    const workload = registries.workloads.get('teacher-student');
    const trial = makeTrial(registries, {
      workloadId: 'teacher-student',
      arm: { method: 'adan' },
      repeat: { purpose: 'eval', index: 1 },
      backend,
      stopAtTarget: false,
      budgetSteps: 60,
    });
    const data = await workloadData(workload, 'default', TEST_CACHE);
    const before = tf.memory().numTensors;
    const counts: number[] = [];
    await train({
      config: trial.config,
      seeds: trialSeeds(trial.config.workload, 'adan', trial.config.repeat),
      workload,
      method: registries.methods.get('adan'),
      data,
      options: resolveVariant(workload).options,
      onStep: () => counts.push(tf.memory().numTensors),
    });
    expect(counts).toHaveLength(60);
    // After the first step created the optimizer's slots, nothing accumulates (evals included).
    expect(new Set(counts.slice(1)).size).toBe(1);
    expect(tf.memory().numTensors).toBe(before);
  });
});
