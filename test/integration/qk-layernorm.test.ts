import { describe, expect, it } from 'vitest';
import { initBackend } from '../../harness/backends/select.js';
import { loadRegistries } from '../../harness/builtins.js';
import type { HParams } from '../../harness/core/method.js';
import { runTrial } from '../../harness/runner/run-trial.js';
import { makeTrial } from '../../harness/plan/plan.js';
import { hostProvenance } from '../../harness/store/provenance.js';
import { TEST_CACHE } from '../helpers/cli.js';

// The qk-layernorm method (catalogue #78) through the real trial path on char-lm's short Transformer variant.
describe('qk-layernorm trials', () => {
  it('train without leaking, rerun bit-identically and differ from the same trial without it; the MLP refuses it', async () => {
    const registries = await loadRegistries();
    const backend = await initBackend('wasm');
    const ctx = { registries, backend, host: hostProvenance(), cacheDir: TEST_CACHE };
    const trial = (workloadId: string, method: string, hparams: HParams) =>
      makeTrial(registries, {
        workloadId,
        arm: { method, hparams },
        repeat: { purpose: 'eval', index: 0 },
        backend,
        stopAtTarget: false,
        budgetSteps: 20,
      });
    const hp = { learningRate: 0.01 };
    const qk = trial('char-lm:transformer-400', 'qk-layernorm', hp);
    const plain = trial('char-lm:transformer-400', 'cosine-decay', hp);
    const a = await runTrial(qk.id, qk.config, ctx);
    const b = await runTrial(qk.id, qk.config, ctx);
    const base = await runTrial(plain.id, plain.config, ctx);
    expect(b.curve.map((p) => p.metrics)).toEqual(a.curve.map((p) => p.metrics));
    expect(a.outcome.finalMetrics['validation/loss']).not.toBe(base.outcome.finalMetrics['validation/loss']);
    expect(a.outcome.finalMetrics['validation/loss']!).toBeLessThan(Math.log2(27));
    const mlp = trial('char-lm', 'qk-layernorm', hp);
    await expect(runTrial(mlp.id, mlp.config, ctx)).rejects.toMatchObject({ code: 'E_BAD_CONFIG' });
  });
});
