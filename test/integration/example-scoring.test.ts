import * as tf from '@tensorflow/tfjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { initBackend } from '../../harness/backends/select.js';
import { loadRegistries } from '../../harness/builtins.js';
import type { HParams } from '../../harness/core/method.js';
import { runTrial } from '../../harness/runner/run-trial.js';
import { makeTrial } from '../../harness/plan/plan.js';
import { hostProvenance } from '../../harness/store/provenance.js';
import { TEST_CACHE } from '../helpers/cli.js';

/** One 40-step modular-addition trial (a classification workload with no download); runTrial fails on any leaked tensor. */
async function trial(method: string, hparams: HParams) {
  const registries = await loadRegistries();
  const backend = await initBackend('wasm');
  const t = makeTrial(registries, {
    workloadId: 'modular-addition',
    arm: { method, hparams },
    repeat: { purpose: 'eval', index: 0 },
    backend,
    stopAtTarget: false,
    budgetSteps: 40,
  });
  return runTrial(t.id, t.config, { registries, backend, host: hostProvenance(), cacheDir: TEST_CACHE });
}
const metrics = (r: Awaited<ReturnType<typeof trial>>) => r.curve.map((p) => p.metrics);
const SCORING = { learningRate: 0.01, scoreModels: 2, scoreSteps: 5 };

describe('methods that score examples before training', () => {
  afterEach(() => vi.restoreAllMocks());

  it('el2n-prune runs end to end, records its scoring steps and time, and reruns identically', async () => {
    const a = await trial('el2n-prune', SCORING);
    const b = await trial('el2n-prune', SCORING);
    expect(a.outcome.stepsRun).toBe(40);
    expect(a.outcome.scoring?.steps).toBe(10);
    expect(a.outcome.scoring!.seconds).toBeGreaterThan(0);
    expect(a.outcome.trainSeconds).toBeGreaterThanOrEqual(a.outcome.scoring!.seconds);
    expect(a.curve[0]!.trainSeconds).toBeGreaterThanOrEqual(a.outcome.scoring!.seconds);
    expect(metrics(b)).toEqual(metrics(a));
  });

  it('el2n-prune keeping every row trains exactly as cosine decay; keeping half gives another curve', async () => {
    const all = await trial('el2n-prune', { ...SCORING, keepFraction: 1 });
    const plain = await trial('cosine-decay', { learningRate: 0.01 });
    expect(metrics(all)).toEqual(metrics(plain));
    expect(plain.outcome.scoring).toBeUndefined();
    const half = await trial('el2n-prune', SCORING);
    expect(metrics(half)).not.toEqual(metrics(plain));
    await expect(trial('el2n-prune', { ...SCORING, keepFraction: 0 })).rejects.toMatchObject({ code: 'E_BAD_CONFIG' });
  });

  it('cyclical-curriculum runs end to end without dataSync, records its scoring, and reruns identically', async () => {
    const hp = { learningRate: 0.01, scoreSteps: 5 };
    const free = await trial('cyclical-curriculum', hp);
    const sync = vi.spyOn(tf.Tensor.prototype, 'dataSync').mockImplementation(() => {
      throw new Error('synchronous read-back is unavailable (as on WebGPU in Node)');
    });
    const strict = await trial('cyclical-curriculum', hp);
    expect(sync).not.toHaveBeenCalled();
    expect(strict.outcome.scoring?.steps).toBe(5);
    expect(metrics(strict)).toEqual(metrics(free));
    const easiest = await trial('cyclical-curriculum', { ...hp, curriculumPick: 'easiest' });
    expect(metrics(easiest)).not.toEqual(metrics(free));
    await expect(trial('cyclical-curriculum', { ...hp, curriculumPick: 'hardest' })).rejects.toMatchObject({
      code: 'E_BAD_CONFIG',
    });
  });
});
