import { describe, expect, it } from 'vitest';
import { initBackend } from '../../harness/backends/select.js';
import { loadRegistries } from '../../harness/builtins.js';
import { runTrial } from '../../harness/runner/run-trial.js';
import { makeTrial } from '../../harness/plan/plan.js';
import { hostProvenance } from '../../harness/store/provenance.js';
import { TEST_CACHE } from '../helpers/cli.js';

// The tiny-transformer variant of char-lm through the real trial path (runTrial fails a trial
// that leaks a tensor: a first version kept a mask outside params and did).
describe('char-lm:transformer trials', () => {
  it('train on wasm without leaking, learn, and rerun bit-identically', async () => {
    const registries = await loadRegistries();
    const backend = await initBackend('wasm');
    const ctx = { registries, backend, host: hostProvenance(), cacheDir: TEST_CACHE };
    const t = makeTrial(registries, {
      workloadId: 'char-lm:transformer',
      arm: { method: 'nadamw', hparams: {} },
      repeat: { purpose: 'eval', index: 0 },
      backend,
      stopAtTarget: false,
      budgetSteps: 100,
    });
    expect(t.config.workload.variant).toBe('transformer');
    const a = await runTrial(t.id, t.config, ctx);
    const b = await runTrial(t.id, t.config, ctx);
    expect(a.status).toBe('censored'); // 100 steps: the budget ends long before the 3.38 bits/char target
    const loss = a.curve.map((p) => p.metrics['validation/loss']!);
    // Uniform guessing over 27 symbols is log2(27) = 4.75 bits/char; 100 steps must beat it.
    expect(loss.at(-1)!).toBeLessThan(Math.log2(27) - 0.3);
    expect(b.curve.map((p) => p.metrics)).toEqual(a.curve.map((p) => p.metrics));
  });
});
