import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { benchmarkClaims } from '../../../../benchmarks/claims/index.js';
import { builtinMethods } from '../../../../benchmarks/methods/index.js';
import type { BackendInfo } from '../../../../harness/backends/select.js';
import { createRegistries } from '../../../../harness/core/registries.js';
import { TrialConfigSchema, trialId } from '../../../../harness/core/trial.js';
import { makeTrial, planEvaluation } from '../../../../harness/plan/plan.js';
import { readReference } from '../../../../harness/store/reference.js';
import { chosenPoints } from '../../../../harness/tuning/result.js';
import { builtinWorkloads } from '../../../../workloads/index.js';
import { ROOT } from '../../../helpers/cli.js';

const backend: BackendInfo = { name: 'wasm', tfjsVersion: '4.22.0', numericsClass: 'wasm-tfjs4.22.0-k4', reasons: [] };
const registries = createRegistries([
  { defs: { workloads: builtinWorkloads, methods: builtinMethods, claims: benchmarkClaims }, origin: 'test' },
]);
const refDir = join(ROOT, 'reference-results');
const wasmRefs = readdirSync(refDir).flatMap((claim) =>
  readdirSync(join(refDir, claim))
    .filter((f) => f.startsWith('wasm-'))
    .map((f) => join(refDir, claim, f)),
);

describe('the opt-in gradient-norm trace leaves stored trial ids as they were', () => {
  it('every stored wasm reference trial config reads back through the schema to its stored id', () => {
    expect(wasmRefs.length).toBeGreaterThan(10);
    for (const file of wasmRefs) {
      for (const t of readReference(file).trials) {
        const parsed = TrialConfigSchema.parse(t.config);
        expect('recordGradNorm' in parsed).toBe(false);
        expect(trialId(parsed)).toBe(t.trialId);
      }
    }
  });

  it.each(['linear-decay', 'weight-distance-log'])('today’s plan of %s is its stored reference’s trials', (id) => {
    const ref = readReference(join(refDir, id, 'wasm-tfjs4.22.0-k4.json'));
    const plan = planEvaluation(
      registries,
      registries.claims.get(id),
      'standard',
      ref.repeats,
      backend,
      chosenPoints(ref.tuning),
    );
    expect(plan.map((p) => p.id).sort()).toEqual(ref.trials.map((t) => t.trialId).sort());
  });

  it('an arm that asks for it gets recordGradNorm: true in its config, and so another id', () => {
    const spec = {
      workloadId: 'char-lm',
      repeat: { purpose: 'eval' as const, index: 0 },
      backend,
      stopAtTarget: false,
    };
    const off = makeTrial(registries, { ...spec, arm: { method: 'linear-decay' } });
    const on = makeTrial(registries, { ...spec, arm: { method: 'linear-decay', recordGradNorm: true } });
    expect('recordGradNorm' in off.config).toBe(false);
    expect(on.config.recordGradNorm).toBe(true);
    expect(on.id).not.toBe(off.id);
    const { recordGradNorm: _dropped, ...rest } = on.config;
    expect(trialId(rest)).toBe(off.id);
  });

  it('is refused, with a coded error, for an external trainer that cannot report it', () => {
    const spec = {
      workloadId: 'fashion-mnist-mlp',
      repeat: { purpose: 'eval' as const, index: 0 },
      backend,
      stopAtTarget: false,
    };
    expect(() => makeTrial(registries, { ...spec, arm: { method: 'nadamw-pytorch', recordGradNorm: true } })).toThrow(
      expect.objectContaining({ code: 'E_BAD_CONFIG', message: expect.stringMatching(/external trainer/) as string }),
    );
  });
});
