import { describe, expect, it } from 'vitest';
import { builtinPredictors } from '../../../../benchmarks/methods/predictors/index.js';
import type { PredictorInputs } from '../../../../harness/analysis/predictor-outcome.js';
import { compareWithReference } from '../../../../harness/check/compare.js';
import { createRegistries } from '../../../../harness/core/registries.js';
import { checkOutcome } from '../../../../harness/check/outcome.js';
import type { PredictorSpec } from '../../../../harness/core/claim.js';
import type { TrialRecord } from '../../../../harness/core/trial.js';
import type { ReferenceFile } from '../../../../harness/store/reference.js';

/** A trial of arm `m` whose validation loss decays as 0.5 + e^(−step/30) until step 40, then drops by `drop` at the last eval (step 100). */
function trial(m: string, repeat: number, drop: number, cls: string): TrialRecord {
  const steps = [10, 20, 30, 40, 60, 80, 100];
  const loss = (s: number) => 0.5 + Math.exp(-s / 30) * (1 + 0.01 * repeat) - (s === 100 ? drop : 0);
  return {
    id: `${cls}-${m}-${repeat}`,
    status: 'censored',
    config: {
      workload: { id: 'w', version: 1, variant: 'default' },
      method: { id: m, version: 1, hparams: {} },
      repeat: { purpose: 'eval', index: repeat },
      budget: { steps: 100, seconds: 10 },
      target: { metric: 'validation/loss', value: 0.1, direction: 'lower' },
      numericsClass: cls,
    },
    outcome: {
      stepsToTarget: null,
      finalMetrics: { 'validation/loss': loss(100) },
      bestTargetMetric: loss(100),
      trainSeconds: 1,
      secondsToTarget: null,
    },
    curve: steps.map((step) => ({
      step,
      examples: 0,
      trainSeconds: step / 100,
      metrics: { 'validation/loss': loss(step) },
    })),
  } as unknown as TrialRecord;
}

const reference = (trials: TrialRecord[]): ReferenceFile =>
  ({
    numericsClass: 'ref-class',
    trials: trials.map((t) => ({
      workload: 'w',
      method: t.config.method.id,
      repeat: t.config.repeat.index,
      config: t.config,
      status: t.status,
      outcome: t.outcome,
      curve: t.curve,
      curveDigest: 'x',
    })),
  }) as unknown as ReferenceFile;

const spec: PredictorSpec = {
  task: 'extrapolate-final',
  description: 'd',
  metric: 'validation/loss',
  method: 'parametric-ensemble',
  baseline: 'last-value',
  observedFraction: 0.4,
};
const claim = {
  id: 'c',
  margin: { value: 0.1, units: 'relative' as const },
  testType: 'predictor' as const,
  predictor: spec,
};
const inputs: PredictorInputs = {
  predictors: createRegistries([{ defs: { predictors: builtinPredictors }, origin: 'test' }]).predictors,
  learningRates: () => [],
};
const seeds = (drop: number, cls: string) =>
  [0, 1, 2, 3, 4, 5].flatMap((r) => ['a', 'b'].map((m) => trial(m, r, drop, cls)));

describe('check of a predictor claim', () => {
  it("compares each arm's final metric and each predictor's per-seed error with the reference", () => {
    const c = compareWithReference(
      claim,
      reference(seeds(0, 'ref-class')),
      seeds(0, 'other-class'),
      'other-class',
      inputs,
    );
    expect(c.groups.map((g) => g.method)).toEqual(['a', 'b', 'predictor parametric-ensemble', 'predictor last-value']);
    expect(c.groups[0]!.quantity).toBe('final validation/loss');
    expect(c.groups[3]!.quantity).toBe('last-value error (absolute error of the final validation/loss)');
    expect(c.groups.every((g) => g.steps.verdict !== 'regressed')).toBe(true);
    expect(checkOutcome(c, false).code).toBe(0);
  });

  it("fails when a predictor's errors grow beyond the margin (here the curves end lower than their heads suggest)", () => {
    const c = compareWithReference(
      claim,
      reference(seeds(0, 'ref-class')),
      seeds(0.2, 'other-class'),
      'other-class',
      inputs,
    );
    const lastValue = c.groups.find((g) => g.method === 'predictor last-value')!;
    expect(lastValue.steps.verdict).toBe('regressed');
    const o = checkOutcome(c, false);
    expect(o.code).toBe(1);
    expect(o.failures.join('\n')).toContain('predictor last-value on w, last-value error');
  });
});
