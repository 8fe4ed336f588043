import { describe, expect, it } from 'vitest';
import { initBackend } from '../../harness/backends/select.js';
import { loadRegistries } from '../../harness/builtins.js';
import type { HParams } from '../../harness/core/method.js';
import { ReprobenchError } from '../../harness/errors.js';
import { runTrial } from '../../harness/runner/run-trial.js';
import { makeTrial } from '../../harness/plan/plan.js';
import { hostProvenance } from '../../harness/store/provenance.js';
import { dropout } from '../../benchmarks/methods/dropout.js';
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

// The dropout method (catalogue #21) through the real trial path on char-lm's repeated-pool variant.
describe('dropout trials', () => {
  it('train without leaking, rerun bit-identically, and differ from the same trial without dropout only by the masks', async () => {
    const { ctx, trial } = await setup();
    const hp = { learningRate: 0.003 };
    const d10 = trial('char-lm:repeat-16', 'dropout', { ...hp, dropout: 0.1 }, 20);
    const d0 = trial('char-lm:repeat-16', 'dropout', { ...hp, dropout: 0 }, 20);
    const plain = trial('char-lm:repeat-16', 'cosine-decay', hp, 20);
    const a = await runTrial(d10.id, d10.config, ctx);
    const b = await runTrial(d10.id, d10.config, ctx);
    const zero = await runTrial(d0.id, d0.config, ctx);
    const base = await runTrial(plain.id, plain.config, ctx);
    expect(a.status).toBe('censored');
    expect(b.curve.map((p) => p.metrics)).toEqual(a.curve.map((p) => p.metrics));
    // Rate 0: the same weights, batches and optimizer as cosine-decay, so the same curve bit for bit.
    expect(zero.curve.map((p) => p.metrics)).toEqual(base.curve.map((p) => p.metrics));
    expect(a.outcome.finalMetrics['validation/loss']).not.toBe(base.outcome.finalMetrics['validation/loss']);
    // 20 steps must beat uniform guessing over 27 symbols (log2 27 = 4.75 bits/char).
    expect(a.outcome.finalMetrics['validation/loss']!).toBeLessThan(Math.log2(27) - 0.3);
  });

  it('a model that cannot drop units (the transformer) fails the trial with E_BAD_CONFIG, and so does a bad rate', async () => {
    const { ctx, trial } = await setup();
    const t = trial('char-lm:transformer', 'dropout', { dropout: 0.1 }, 2);
    await expect(runTrial(t.id, t.config, ctx)).rejects.toMatchObject({ code: 'E_BAD_CONFIG' });
    for (const bad of [1, -0.5, 'x']) {
      const options = () =>
        dropout.modelOptions({ ...dropout.hparams, dropout: bad }, { batchSize: 128, seed: '0'.repeat(31) + '1' });
      expect(options).toThrow(ReprobenchError);
    }
    const seed = 'ab'.repeat(16);
    expect(dropout.modelOptions(dropout.hparams, { batchSize: 128, seed })).toEqual({
      dropout: 0.1,
      dropoutSeed: seed,
    });
  });
});
