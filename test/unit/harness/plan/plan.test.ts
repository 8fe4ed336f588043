import { describe, expect, it } from 'vitest';
import { builtinMethods } from '../../../../benchmarks/methods/index.js';
import { teacherStudent } from '../../../../workloads/synthetic/teacher-student.js';
import type { BackendInfo } from '../../../../harness/backends/select.js';
import { defineClaim } from '../../../../harness/core/claim.js';
import { createRegistries } from '../../../../harness/core/registries.js';
import { checkClaimReferences } from '../../../../harness/core/validate.js';
import { defineWorkload } from '../../../../harness/core/workload.js';
import { makeTrial, planEvaluation } from '../../../../harness/plan/plan.js';
import { planClaimTuning } from '../../../../harness/plan/claim-tuning.js';
import { resolveRun } from '../../../../harness/plan/resolve-run.js';

const backend: BackendInfo = { name: 'wasm', tfjsVersion: '4.22.0', numericsClass: 'wasm-tfjs4.22.0-k1', reasons: [] };
const withVariant = defineWorkload({
  ...teacherStudent,
  id: 'ts-variants',
  variants: { big: { description: 'larger batch', batchSize: 128, target: { value: 0.09 }, budget: { steps: 300 } } },
});
const claim = defineClaim({
  id: 'c',
  version: 1,
  title: 't',
  paper: { title: 'p', authors: 'a', year: 2026, url: 'u' },
  quote: 'q',
  claimedEffect: { description: 'd', direction: 'method-better' },
  fidelity: { kind: 'faithful' },
  testType: 'time-to-target',
  methods: [{ method: 'adan', hparams: { schedule: 'cosine' } }],
  baselines: [{ method: 'adamw' }],
  workloads: ['ts-variants', 'ts-variants:big'],
  margin: { value: 0.1, units: 'relative' },
  repeats: { quick: 2, standard: 4 },
  tuning: {
    hparam: 'learningRate',
    grid: { adan: [1e-3, 1e-2], adamw: [1e-3, 1e-2] },
    seeds: 2,
    objective: 'median-steps-to-target',
  },
  miniature: 'm',
});
const registries = createRegistries([
  { defs: { workloads: [withVariant], methods: builtinMethods, claims: [claim] }, origin: 'test' },
]);

describe('planning', () => {
  it("applies a variant's overrides and keeps it in the trial identity", () => {
    const plain = makeTrial(registries, {
      workloadId: 'ts-variants',
      arm: { method: 'adan' },
      repeat: { purpose: 'eval', index: 0 },
      backend,
      stopAtTarget: true,
    });
    const big = makeTrial(registries, {
      workloadId: 'ts-variants:big',
      arm: { method: 'adan' },
      repeat: { purpose: 'eval', index: 0 },
      backend,
      stopAtTarget: true,
    });
    expect(big.config.workload).toEqual({ id: 'ts-variants', version: 1, variant: 'big' });
    expect(big.config.batchSize).toBe(128);
    expect(big.config.target).toEqual({ metric: 'validation/loss', value: 0.09, direction: 'lower' });
    expect(big.config.budget.steps).toBe(300);
    expect(plain.config.budget.steps).toBe(600);
    expect(big.id).not.toBe(plain.id);
  });

  it('plans the same tuning budget for every arm, then evaluation with the chosen values', () => {
    const tuning = planClaimTuning(registries, claim, resolveRun(claim, 'quick'), backend)!.trials;
    expect(tuning).toHaveLength(2 /* workloads */ * 2 /* arms */ * 2 /* grid */ * 2 /* seeds */);
    expect(new Set(tuning.map((t) => t.config.repeat.purpose))).toEqual(new Set(['tune']));
    const evals = planEvaluation(registries, claim, 'standard', 4, backend, {
      'ts-variants/adan': { learningRate: 1e-2 },
      'ts-variants/adamw': { learningRate: 1e-3 },
    });
    expect(evals).toHaveLength(2 * 2 * 4);
    const adan = evals.find((t) => t.config.method.id === 'adan' && t.config.workload.variant === 'default')!;
    expect(adan.config.method.hparams).toMatchObject({ learningRate: 1e-2, schedule: 'cosine', beta1: 0.98 });
  });

  it('a method whose budget is in examples runs workload batch / its batch as many steps, schedule horizon too', () => {
    const adamw = builtinMethods.find((m) => m.id === 'adamw')!;
    const big = { ...adamw, id: 'adamw-big', batchSize: 1024 };
    const epochs = { ...big, id: 'adamw-epochs', budgetUnit: 'examples' as const };
    const r = createRegistries([
      { defs: { workloads: [withVariant], methods: [adamw, big, epochs], claims: [] }, origin: 'test' },
    ]);
    const plan = (method: string, workloadId: string, budgetSteps?: number) =>
      makeTrial(r, {
        workloadId,
        arm: { method },
        repeat: { purpose: 'eval', index: 0 },
        backend,
        stopAtTarget: false,
        ...(budgetSteps ? { budgetSteps } : {}),
      }).config;
    const small = plan('adamw', 'ts-variants:big');
    expect(plan('adamw-big', 'ts-variants:big')).toMatchObject({
      batchSize: 1024,
      budget: small.budget,
      stepHint: small.stepHint,
    });
    // 300 steps of 128 rows = 37.5 steps of 1024: rounded to 38; the seconds guard stays.
    expect(plan('adamw-epochs', 'ts-variants:big')).toMatchObject({
      batchSize: 1024,
      budget: { steps: 38, seconds: small.budget.seconds },
      stepHint: 38,
    });
    // A stretched budget (tuning, calibration) is stretched in examples too.
    expect(plan('adamw-epochs', 'ts-variants:big', 800)).toMatchObject({ budget: { steps: 100 }, stepHint: 100 });
    // At the workload's own batch size there is nothing to scale.
    const same = { ...adamw, id: 'adamw-same', budgetUnit: 'examples' as const };
    const r2 = createRegistries([{ defs: { workloads: [withVariant], methods: [same], claims: [] }, origin: 'test' }]);
    const sameCfg = makeTrial(r2, {
      workloadId: 'ts-variants:big',
      arm: { method: 'adamw-same' },
      repeat: { purpose: 'eval', index: 0 },
      backend,
      stopAtTarget: false,
    }).config;
    expect(sameCfg.budget).toEqual(small.budget);
  });

  it('refuses a claim naming an unknown variant, with the known ones', () => {
    const bad = createRegistries([
      {
        defs: {
          workloads: [withVariant],
          methods: builtinMethods,
          claims: [{ ...claim, workloads: ['ts-variants:bigg'] }],
        },
        origin: 'test',
      },
    ]);
    expect(() => checkClaimReferences(bad)).toThrowError(/unknown variant of ts-variants "bigg"/);
  });
});
