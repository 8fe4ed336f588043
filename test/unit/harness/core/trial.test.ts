import { describe, expect, it } from 'vitest';
import { canonicalJson, trialId, type TrialConfig } from '../../../../harness/core/trial.js';

const base: TrialConfig = {
  workload: { id: 'teacher-student', version: 1, variant: 'default' },
  method: { id: 'adan', version: 1, hparams: { learningRate: 0.001, beta1: 0.98 } },
  repeat: { purpose: 'eval', index: 0 },
  backend: 'wasm',
  numericsClass: 'wasm-tfjs4.22.0-k1',
  batchSize: 32,
  budget: { steps: 600, seconds: 120 },
  evalEvery: 20,
  stepHint: 600,
  target: { metric: 'validation/loss', value: 0.0873, direction: 'lower' },
  stopAtTarget: true,
};

describe('trial identity', () => {
  it('does not depend on key order', () => {
    const reordered = { ...base, method: { hparams: { beta1: 0.98, learningRate: 0.001 }, version: 1, id: 'adan' } };
    expect(canonicalJson(reordered)).toBe(canonicalJson(base));
    expect(trialId(reordered)).toBe(trialId(base));
    expect(trialId(base)).toMatch(/^[0-9a-f]{16}$/);
  });

  it('changes with every part of the configuration', () => {
    const variants: TrialConfig[] = [
      { ...base, method: { ...base.method, hparams: { ...base.method.hparams, learningRate: 0.002 } } },
      { ...base, method: { ...base.method, version: 2 } },
      { ...base, workload: { ...base.workload, version: 2 } },
      { ...base, repeat: { purpose: 'eval', index: 1 } },
      { ...base, repeat: { purpose: 'tune', index: 0 } },
      { ...base, backend: 'cpu', numericsClass: 'cpu-tfjs4.22.0-k1' },
      { ...base, numericsClass: 'wasm-tfjs4.22.0-k2' },
      { ...base, budget: { steps: 601, seconds: 120 } },
    ];
    const ids = new Set([trialId(base), ...variants.map(trialId)]);
    expect(ids.size).toBe(variants.length + 1);
  });
});
