import { describe, expect, it } from 'vitest';
import type { BackendInfo } from '../../../../harness/backends/select.js';
import { loadRegistries } from '../../../../harness/builtins.js';
import { makeTrial } from '../../../../harness/plan/plan.js';
import {
  largeBatchAdapted,
  largeBatchSameEpochs,
  sqrtScaledLearningRate,
} from '../../../../benchmarks/methods/large-batch.js';
import { trainLongerClaim } from '../../../../benchmarks/claims/train-longer.js';
import { scheduledLearningRate } from '../../../../benchmarks/methods/schedules.js';

const backend: BackendInfo = { name: 'wasm', tfjsVersion: '4.22.0', numericsClass: 'wasm-test', reasons: [] };
const STEP = {
  learningRate: 0.05,
  schedule: 'step',
  stepMilestones: '0.2,0.4,0.6',
  stepGamma: 0.1,
  warmupFraction: 0,
  baseBatchSize: 32,
};

describe('large-batch methods (Hoffer et al. 2017)', () => {
  it("scale the small batch's rate by √(large / small), as the authors' lr *= (batch_size / mini_batch_size) ** 0.5", () => {
    // √(512 / 32) = 4 exactly; √(512 / 128) = 2; √(512 / 512) = 1.
    for (const [base, factor] of [
      [32, 4],
      [128, 2],
      [512, 1],
    ] as const) {
      const hp = { ...STEP, baseBatchSize: base };
      for (const step of [0, 199, 200, 450, 999]) {
        const ctx = { step, totalSteps: 1000 };
        expect(sqrtScaledLearningRate(hp, ctx, 512)).toBeCloseTo(scheduledLearningRate(hp, ctx) * factor, 15);
      }
    }
    // The regime: 0.05 × 4 = 0.2, then × 0.1 at each of 20/40/60% of the run's own horizon.
    const lr = (step: number, totalSteps: number) => sqrtScaledLearningRate(STEP, { step, totalSteps }, 512);
    expect(
      [lr(0, 1000), lr(199, 1000), lr(200, 1000), lr(400, 1000), lr(600, 1000)].map((v) => Number(v.toPrecision(6))),
    ).toEqual([0.2, 0.2, 0.02, 0.002, 0.0002]);
    // Without regime adaptation the drops come 16 × sooner in steps (63-step horizon: z ≥ 0.2 from step 13).
    expect(lr(12, 63)).toBeCloseTo(0.2, 12);
    expect(lr(13, 63)).toBeCloseTo(0.02, 12);
  });

  it('refuse a base batch that does not divide the large batch, with a stable code', () => {
    for (const bad of [48, 0, -32, 2.5, 'x']) {
      expect(() =>
        sqrtScaledLearningRate({ ...STEP, baseBatchSize: bad }, { step: 0, totalSteps: 10 }, 512),
      ).toThrowError(
        expect.objectContaining({ code: 'E_BAD_CONFIG', message: expect.stringContaining('baseBatchSize') }),
      );
    }
  });

  it("plan train-longer's arms: the adapted regime keeps batch 32's updates, the same-epochs arm its examples", async () => {
    expect(largeBatchAdapted.batchSize).toBe(512);
    expect(largeBatchSameEpochs.batchSize).toBe(512);
    const registries = await loadRegistries();
    const cfg = (arm: (typeof trainLongerClaim.methods)[number]) =>
      makeTrial(registries, {
        workloadId: 'fashion-mnist-mlp:bn-2k',
        arm,
        repeat: { purpose: 'eval', index: 0 },
        backend,
        stopAtTarget: false,
      }).config;
    const [adapted, small, sameEpochs] = [...trainLongerClaim.methods, ...trainLongerClaim.baselines].map(cfg);
    expect(small).toMatchObject({ batchSize: 32, budget: { steps: 1000 }, stepHint: 1000 });
    expect(adapted).toMatchObject({ batchSize: 512, budget: { steps: 1000 }, stepHint: 1000 });
    expect(sameEpochs).toMatchObject({ batchSize: 512, budget: { steps: 63 }, stepHint: 63 });
    // The same examples within one large step; 16 × the examples for the adapted regime.
    expect(Math.abs(sameEpochs!.budget.steps * 512 - small!.budget.steps * 32)).toBeLessThan(512);
    expect(adapted!.budget.steps * 512).toBe(16 * small!.budget.steps * 32);
    // Every arm runs the same regime; the large batches normalise ghost batches of the small batch's size.
    for (const c of [adapted!, small!, sameEpochs!])
      expect(c.method.hparams).toMatchObject({
        nesterov: false,
        weightDecay: 1e-4,
        schedule: 'step',
        warmupFraction: 0,
      });
    expect(largeBatchAdapted.modelOptions!(adapted!.method.hparams, { batchSize: 512, seed: '0'.repeat(32) })).toEqual({
      ghostBatchSize: 32,
    });
  });
});
