import { describe, expect, it } from 'vitest';
import { compareWithReference } from '../../../../harness/check/compare.js';
import { checkOutcome } from '../../../../harness/check/outcome.js';
import type { TrialRecord } from '../../../../harness/core/trial.js';
import { curveDigest, type ReferenceFile } from '../../../../harness/store/reference.js';

const CLASS = 'wasm-tfjs4.22.0-k4';
const TORCH = 'torch 1.13.0a0; OpenBLAS Haswell; ATen AVX2';

/** An external-trainer trial that reached the target at `steps`, as the trainer reported `framework`. */
function trial(repeat: number, steps: number, framework: string | null): TrialRecord {
  return {
    id: `t-${repeat}`,
    status: 'reached',
    config: {
      workload: { id: 'w', version: 1, variant: 'default' },
      method: { id: 'm-pytorch', version: 1, hparams: {} },
      repeat: { purpose: 'eval', index: repeat },
      budget: { steps: 1000, seconds: 10 },
      target: { metric: 'validation/loss', value: 1, direction: 'lower' },
    },
    outcome: {
      stepsToTarget: steps,
      finalMetrics: { 'validation/loss': 0.9 },
      bestTargetMetric: 0.9,
      trainSeconds: 1,
      secondsToTarget: 1,
    },
    curve: [{ step: steps, examples: 0, trainSeconds: 1, metrics: { 'validation/loss': 0.9 + steps * 1e-6 } }],
    provenance: { external: { framework } },
  } as unknown as TrialRecord;
}

const reference = (trials: TrialRecord[], framework: string | null | undefined): ReferenceFile =>
  ({
    numericsClass: CLASS,
    trials: trials.map((t) => ({
      workload: 'w',
      method: 'm-pytorch',
      repeat: t.config.repeat.index,
      config: t.config,
      status: t.status,
      outcome: t.outcome,
      curve: t.curve,
      curveDigest: curveDigest(t.curve),
      ...(framework === undefined ? {} : { framework }),
    })),
  }) as unknown as ReferenceFile;

const claim = { id: 'c', margin: { value: 0.1, units: 'relative' as const }, testType: 'time-to-target' as const };
const steps = [500, 510, 490, 505, 495, 500];
const refTrials = steps.map((s, i) => trial(i, s, TORCH));

describe("check and an external trainer's own numerics", () => {
  it('the same trainer numerics: every trial must be bit-identical, one changed step fails', () => {
    const same = compareWithReference(
      claim,
      reference(refTrials, TORCH),
      steps.map((s, i) => trial(i, s, TORCH)),
      CLASS,
    );
    expect(same.trials.every((t) => t.result === 'identical')).toBe(true);
    expect(checkOutcome(same, false).code).toBe(0);
    const moved = compareWithReference(
      claim,
      reference(refTrials, TORCH),
      steps.map((s, i) => trial(i, i === 2 ? s + 10 : s, TORCH)),
      CLASS,
    );
    expect(moved.trials[2]!.result).toBe('differs');
    expect(checkOutcome(moved, false).code).toBe(1);
  });

  it('another PyTorch build or BLAS kernel: compared statistically, a small change passes, a regression fails', () => {
    const other = 'torch 2.11.0; OpenBLAS SkylakeX; ATen AVX512';
    const near = compareWithReference(
      claim,
      reference(refTrials, TORCH),
      steps.map((s, i) => trial(i, s + (i % 2 ? 5 : -5), other)),
      CLASS,
    );
    expect(near.trials.every((t) => t.result === 'other-class')).toBe(true);
    expect(near.trials[0]!.detail).toContain(`reference ${TORCH}, now ${other}`);
    expect(near.groups[0]!.sameClass).toBe(false);
    expect(checkOutcome(near, false).code).toBe(0);
    const slow = compareWithReference(
      claim,
      reference(refTrials, TORCH),
      steps.map((s, i) => trial(i, s * 2, other)),
      CLASS,
    );
    expect(slow.groups[0]!.steps.verdict).toBe('regressed');
    expect(checkOutcome(slow, false).code).toBe(1);
  });

  it('a reference made before trainers reported their numerics is compared bit for bit', () => {
    const old = compareWithReference(
      claim,
      reference(refTrials, undefined),
      steps.map((s, i) => trial(i, s + 1, 'torch 2.11.0')),
      CLASS,
    );
    expect(old.trials.every((t) => t.result === 'differs')).toBe(true);
    expect(checkOutcome(old, false).code).toBe(1);
  });
});
