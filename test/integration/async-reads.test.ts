import * as tf from '@tensorflow/tfjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { initBackend } from '../../harness/backends/select.js';
import { loadRegistries } from '../../harness/builtins.js';
import type { HParams } from '../../harness/core/method.js';
import { runTrial } from '../../harness/runner/run-trial.js';
import { makeTrial } from '../../harness/plan/plan.js';
import { hostProvenance } from '../../harness/store/provenance.js';
import { TEST_CACHE } from '../helpers/cli.js';

/** Runs one teacher-student trial freely, then again with dataSync throwing; returns both and the spy. */
async function withAndWithoutDataSync(method: string, hparams: HParams, budgetSteps: number) {
  const registries = await loadRegistries();
  const backend = await initBackend('wasm');
  const trial = makeTrial(registries, {
    workloadId: 'teacher-student',
    arm: { method, hparams },
    repeat: { purpose: 'eval', index: 0 },
    backend,
    stopAtTarget: false,
    budgetSteps,
  });
  const ctx = { registries, backend, host: hostProvenance(), cacheDir: TEST_CACHE };
  const free = await runTrial(trial.id, trial.config, ctx);
  const sync = vi.spyOn(tf.Tensor.prototype, 'dataSync').mockImplementation(() => {
    throw new Error('synchronous read-back is unavailable (as on WebGPU in Node)');
  });
  const strict = await runTrial(trial.id, trial.config, ctx);
  return { free, strict, sync };
}

// tfjs's WebGPU backend cannot read back synchronously in Node (its readSync needs OffscreenCanvas):
// a trial must never call dataSync. Measured on an H200 (docs/engine.md § WebGPU); here the same
// constraint is imposed on wasm, where the results must also equal those of a normal run.
describe('trials read tensors asynchronously', () => {
  afterEach(() => vi.restoreAllMocks());

  it('a trial runs with dataSync forbidden and gives the same curve', async () => {
    const { free, strict, sync } = await withAndWithoutDataSync('adan', {}, 60);
    expect(sync).not.toHaveBeenCalled();
    expect(strict.status).toBe(free.status);
    expect(strict.curve.map((p) => p.metrics)).toEqual(free.curve.map((p) => p.metrics));
    expect(strict.curve).toHaveLength(3);
  });

  it('high-loss batch selection scores its pools without dataSync', async () => {
    const { free, strict, sync } = await withAndWithoutDataSync(
      'high-loss-batches',
      { selectPool: 4, selectFraction: 0.5 },
      40,
    );
    expect(sync).not.toHaveBeenCalled();
    expect(strict.status).toBe(free.status);
    expect(strict.curve.map((p) => p.metrics)).toEqual(free.curve.map((p) => p.metrics));
  });

  it('AutoLRS snapshots, probes and restores without dataSync', async () => {
    const { free, strict, sync } = await withAndWithoutDataSync(
      'autolrs',
      { learningRate: 0.01, stageSteps: 10, probeSteps: 3, candidates: 3 },
      40,
    );
    expect(sync).not.toHaveBeenCalled();
    expect(strict.outcome.stepsRun).toBe(40);
    expect(strict.curve.map((p) => p.metrics)).toEqual(free.curve.map((p) => p.metrics));
  });
});
