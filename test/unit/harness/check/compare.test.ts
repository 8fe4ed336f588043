import { describe, expect, it } from 'vitest';
import { diffConfig } from '../../../../harness/check/config-diff.js';
import { firstCurveDifference } from '../../../../harness/check/compare.js';
import type { CurvePoint } from '../../../../harness/core/trial.js';

const pt = (step: number, acc: number, loss: number): CurvePoint => ({
  step,
  examples: step * 10,
  trainSeconds: step / 100,
  metrics: { 'validation/accuracy': acc, 'validation/loss': loss },
});

describe('comparing with a reference', () => {
  it('finds the first step and metric where curves part, ignoring timings', () => {
    const ref = [pt(25, 0.5, 1.2), pt(50, 0.6, 1.0), pt(75, 0.7, 0.9)];
    expect(
      firstCurveDifference(
        ref,
        ref.map((p) => ({ ...p, trainSeconds: 99 })),
      ),
    ).toBeNull();
    expect(firstCurveDifference(ref, [pt(25, 0.5, 1.2), pt(50, 0.6, 1.0000001), pt(75, 0.71, 0.9)])).toEqual({
      step: 50,
      metric: 'validation/loss',
      reference: 1.0,
      current: 1.0000001,
    });
    expect(firstCurveDifference(ref, ref.slice(0, 2))).toMatchObject({ step: 75, metric: '(no eval at this step)' });
    expect(firstCurveDifference(ref.slice(0, 2), ref)).toMatchObject({
      step: 75,
      metric: '(eval not in the reference)',
    });
  });

  it('lists changed configuration fields by path', () => {
    const a = { method: { id: 'adan', version: 1, hparams: { beta1: 0.98, lr: 0.01 } }, batchSize: 32 };
    const b = { method: { id: 'adan', version: 2, hparams: { beta1: 0.97, lr: 0.01, extra: true } }, batchSize: 32 };
    expect(diffConfig(a, b)).toEqual([
      { path: 'method.hparams.beta1', reference: 0.98, current: 0.97 },
      { path: 'method.hparams.extra', reference: undefined, current: true },
      { path: 'method.version', reference: 1, current: 2 },
    ]);
    expect(diffConfig(a, structuredClone(a))).toEqual([]);
  });
});
