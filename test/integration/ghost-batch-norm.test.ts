import * as tf from '@tensorflow/tfjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { initBackend } from '../../harness/backends/select.js';
import { loadRegistries } from '../../harness/builtins.js';
import type { HParams } from '../../harness/core/method.js';
import { runTrial } from '../../harness/runner/run-trial.js';
import { makeTrial } from '../../harness/plan/plan.js';
import { hostProvenance } from '../../harness/store/provenance.js';
import { TEST_CACHE } from '../helpers/cli.js';

async function setup() {
  const registries = await loadRegistries();
  const backend = await initBackend('wasm');
  const ctx = { registries, backend, host: hostProvenance(), cacheDir: TEST_CACHE };
  const trial = (workloadId: string, method: string, hparams: HParams, budgetSteps: number) =>
    makeTrial(registries, {
      workloadId,
      arm: { method, hparams },
      repeat: { purpose: 'eval', index: 0 },
      backend,
      stopAtTarget: false,
      budgetSteps,
    });
  return { ctx, trial };
}

// Fashion-MNIST with batch normalisation (catalogue #52): tiny budgets, seconds on wasm.
describe('ghost batch normalisation trials', () => {
  afterEach(() => vi.restoreAllMocks());

  it('a ghost-BN trial runs, with dataSync forbidden, and twice gives bit-identical curves', async () => {
    const { ctx, trial } = await setup();
    const t = trial('fashion-mnist-mlp:bn', 'ghost-batch-norm', { ghostBatchSize: 32, learningRate: 0.1 }, 30);
    expect(t.config.method.hparams.ghostBatchSize).toBe(32);
    const a = await runTrial(t.id, t.config, ctx);
    const sync = vi.spyOn(tf.Tensor.prototype, 'dataSync').mockImplementation(() => {
      throw new Error('synchronous read-back is unavailable (as on WebGPU in Node)');
    });
    const b = await runTrial(t.id, t.config, ctx);
    expect(sync).not.toHaveBeenCalled();
    expect(a.curve).toHaveLength(2);
    expect(b.curve.map((p) => p.metrics)).toEqual(a.curve.map((p) => p.metrics));
    // It learned something, and evaluation (running statistics) gives a sane accuracy.
    expect(a.curve[1]!.metrics['validation/accuracy']).toBeGreaterThan(0.5);
  });

  it('the ghost size is part of the trial: other sizes, and full-batch BN (sgd-nesterov), train differently', async () => {
    const { ctx, trial } = await setup();
    const hp = { learningRate: 0.1 };
    const g32 = trial('fashion-mnist-mlp:bn', 'ghost-batch-norm', { ...hp, ghostBatchSize: 32 }, 10);
    const g64 = trial('fashion-mnist-mlp:bn', 'ghost-batch-norm', { ...hp, ghostBatchSize: 64 }, 10);
    const g128 = trial('fashion-mnist-mlp:bn', 'ghost-batch-norm', { ...hp, ghostBatchSize: 128 }, 10);
    const full = trial('fashion-mnist-mlp:bn', 'sgd-nesterov', hp, 10);
    expect(new Set([g32.id, g64.id, g128.id, full.id]).size).toBe(4);
    const [r32, r64, r128, rFull] = [
      await runTrial(g32.id, g32.config, ctx),
      await runTrial(g64.id, g64.config, ctx),
      await runTrial(g128.id, g128.config, ctx),
      await runTrial(full.id, full.config, ctx),
    ];
    const loss = (r: typeof r32) => r.outcome.finalMetrics['validation/loss'];
    expect(loss(r32)).not.toBe(loss(r64));
    // Ghost size = batch size (128) is ordinary batch normalisation: the same trial as the baseline's.
    expect(r128.curve.map((p) => p.metrics)).toEqual(rFull.curve.map((p) => p.metrics));
  });

  it('the large-batch variant trains at batch 1024', async () => {
    const { ctx, trial } = await setup();
    const t = trial('fashion-mnist-mlp:bn-large', 'ghost-batch-norm', { ghostBatchSize: 32 }, 3);
    expect(t.config.batchSize).toBe(1024);
    const r = await runTrial(t.id, t.config, ctx);
    expect(r.outcome.stepsRun).toBe(3);
    expect(r.curve[0]!.examples).toBe(3 * 1024);
  });

  it('fails with E_BAD_CONFIG on a workload without batch normalisation, or a ghost size that does not divide the batch', async () => {
    const { ctx, trial } = await setup();
    const ok = trial('fashion-mnist-mlp:bn', 'ghost-batch-norm', { ghostBatchSize: 64 }, 2);
    const okPlain = trial('fashion-mnist-mlp', 'sgd-nesterov', {}, 1);
    // Each builds and keeps its data's validation tensors, which are no leak.
    await runTrial(ok.id, ok.config, ctx);
    await runTrial(okPlain.id, okPlain.config, ctx);
    const before = tf.memory().numTensors;
    const plain = trial('fashion-mnist-mlp', 'ghost-batch-norm', {}, 2);
    await expect(runTrial(plain.id, plain.config, ctx)).rejects.toMatchObject({ code: 'E_BAD_CONFIG' });
    const odd = trial('fashion-mnist-mlp:bn', 'ghost-batch-norm', { ghostBatchSize: 48 }, 2);
    await expect(runTrial(odd.id, odd.config, ctx)).rejects.toMatchObject({ code: 'E_BAD_CONFIG' });
    // The failed trials freed what they had built.
    expect(tf.memory().numTensors).toBe(before);
  });
});
