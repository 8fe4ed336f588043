import { describe, expect, it } from 'vitest';
import { compareWithReference } from '../../../../harness/check/compare.js';
import { checkOutcome } from '../../../../harness/check/outcome.js';
import type { TrialRecord } from '../../../../harness/core/trial.js';
import type { ReferenceFile } from '../../../../harness/store/reference.js';

/** A finished trial that ran to its budget with this final validation loss and a two-point curve. */
function trial(repeat: number, finalLoss: number, stepsToTarget: number | null, cls: string): TrialRecord {
  return {
    id: `${cls}-${repeat}`,
    status: stepsToTarget === null ? 'censored' : 'reached',
    config: {
      workload: { id: 'w', version: 1, variant: 'default' },
      method: { id: 'm', version: 1, hparams: {} },
      repeat: { purpose: 'eval', index: repeat },
      budget: { steps: 100, seconds: 10 },
      target: { metric: 'validation/loss', value: 1, direction: 'lower' },
      numericsClass: cls,
    },
    outcome: {
      stepsToTarget,
      finalMetrics: { 'validation/loss': finalLoss },
      bestTargetMetric: finalLoss,
      trainSeconds: 1,
      secondsToTarget: null,
    },
    curve: [
      { step: 50, examples: 0, trainSeconds: 0.5, metrics: { 'train/loss': 0.01, 'validation/loss': finalLoss + 1 } },
      { step: 100, examples: 0, trainSeconds: 1, metrics: { 'train/loss': 0.01, 'validation/loss': finalLoss } },
    ],
  } as unknown as TrialRecord;
}

const reference = (trials: TrialRecord[]): ReferenceFile =>
  ({
    numericsClass: 'ref-class',
    trials: trials.map((t) => ({
      workload: 'w',
      method: 'm',
      repeat: t.config.repeat.index,
      config: t.config,
      status: t.status,
      outcome: t.outcome,
      curve: t.curve,
      curveDigest: 'x',
    })),
  }) as unknown as ReferenceFile;

const ref = [0.5, 0.52, 0.49, 0.51, 0.5, 0.53].map((l, i) => trial(i, l, 50, 'ref-class'));
// Same steps to target, but every final loss 0.3 worse: a regression only a fixed-budget claim sees.
const worse = [0.8, 0.82, 0.79, 0.81, 0.8, 0.83].map((l, i) => trial(i, l, 50, 'other-class'));

describe('check across numerics classes compares what the claim is judged on', () => {
  it('time-to-target claims: steps to target (unchanged here, so consistent)', () => {
    const c = compareWithReference(
      { id: 'c', margin: { value: 0.1, units: 'relative' }, testType: 'time-to-target' },
      reference(ref),
      worse,
      'other-class',
    );
    expect(c.groups[0]!.quantity).toBe('steps to target');
    expect(c.groups[0]!.steps.verdict).not.toBe('regressed');
  });

  it('fixed-budget claims: the final target metric in its direction, so a worse final loss is a regression that fails check', () => {
    const claim = {
      id: 'c',
      margin: { value: 0.05, units: 'relative' as const },
      testType: 'fixed-budget' as const,
      outcome: 'final' as const,
    };
    const c = compareWithReference(claim, reference(ref), worse, 'other-class');
    expect(c.groups[0]!.quantity).toBe('final validation/loss');
    expect(c.groups[0]!.steps.verdict).toBe('regressed');
    const o = checkOutcome(c, false);
    expect(o.code).toBe(1);
    expect(o.failures[0]).toContain('final validation/loss vs reference');
  });

  it('phenomenon claims: the card statistic read off both curves', () => {
    const claim = {
      id: 'c',
      margin: { value: 0.1, units: 'relative' as const },
      testType: 'phenomenon' as const,
      phenomenon: {
        description: 'd',
        statistic: { kind: 'final-minus-best' as const, metric: 'validation/loss', direction: 'lower' as const },
        nullRegion: [0.02, null] as [number, null],
        claimedSide: 'below' as const,
      },
    };
    const c = compareWithReference(claim, reference(ref), worse, 'other-class');
    expect(c.groups[0]!.quantity).toBe('the card statistic');
    // Both curves end at their best: the statistic is 0 on every seed, on both sides.
    expect(c.groups[0]!.steps.verdict).not.toBe('regressed');
  });
});
