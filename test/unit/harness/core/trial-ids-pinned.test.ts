import { describe, expect, it } from 'vitest';
import type { BackendInfo } from '../../../../harness/backends/select.js';
import { loadRegistries } from '../../../../harness/builtins.js';
import { makeTrial } from '../../../../harness/plan/plan.js';

const backend: BackendInfo = { name: 'blas', tfjsVersion: '4.22.0', numericsClass: 'blas-test', reasons: [] };

describe('trial ids of existing workloads and methods', () => {
  // Computed before batch normalisation, model options and the ghost-batch-norm method were added
  // (commit ea72541): adding variants, methods or optional hooks must not move any existing trial.
  // Recomputed once for version 2 of fashion-mnist-mlp and char-lm (recalibrated targets and
  // budgets, fine evals): a version bump moves its trials on purpose. teacher-student stayed at 1.
  it.each([
    ['fashion-mnist-mlp', 'sgd-nesterov', 'f764b004e57efe79'],
    ['fashion-mnist-mlp', 'adamw', '128db88b6fc794d6'],
    ['char-lm:budget-10', 'rex', '62d40743d7fbb1dc'],
    ['teacher-student', 'adan', 'f4533ceba081bfb1'],
  ])('%s × %s keeps id %s', async (workloadId, method, id) => {
    const registries = await loadRegistries();
    const t = makeTrial(registries, {
      workloadId,
      arm: { method, hparams: {} },
      repeat: { purpose: 'eval', index: 0 },
      backend,
      stopAtTarget: true,
    });
    expect(t.id).toBe(id);
  });
});
