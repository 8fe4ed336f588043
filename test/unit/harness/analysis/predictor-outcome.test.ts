import { describe, expect, it } from 'vitest';
import { judgeClaim } from '../../../../harness/analysis/judge.js';
import {
  predictorOutcome,
  type CurveTrial,
  type LearningRatesOf,
  type PredictorInputs,
} from '../../../../harness/analysis/predictor-outcome.js';
import { annealingLaw, fitStepPowerLaw } from '../../../../benchmarks/methods/predictors/loss-laws.js';
import { lrAreas } from '../../../../benchmarks/methods/predictors/lr-areas.js';
import { parametricEnsemble } from '../../../../benchmarks/methods/predictors/extrapolators.js';
import { builtinPredictors } from '../../../../benchmarks/methods/predictors/index.js';
import { definePredictor } from '../../../../harness/core/predictor.js';
import { createRegistries } from '../../../../harness/core/registries.js';
import { defineClaim, type PredictorSpec } from '../../../../harness/core/claim.js';
import type { TrialConfig } from '../../../../harness/core/trial.js';

const BUDGET = 600;
const EVERY = 50;
const SCHEDULES: Record<string, (i: number) => number> = {
  constant: () => 0.01,
  cosine: (i) => 0.005 * (1 + Math.cos((Math.PI * i) / BUDGET)),
  linear: (i) => 0.01 * (1 - i / BUDGET),
  step: (i) => (i < 300 ? 0.01 : 0.001),
};
const lrsOf: LearningRatesOf = (c) => Array.from({ length: c.budget.steps }, (_, i) => SCHEDULES[c.method.id]!(i));
/** The built-in predictors, plus one of a user's: it plugs in by id like any other. */
const firstValue = definePredictor({
  id: 'first-value',
  task: 'extrapolate-final',
  title: 'the first observed value',
  predict: (head) => head[0]!.value,
});
const inputs: PredictorInputs = {
  predictors: createRegistries([{ defs: { predictors: [...builtinPredictors, firstValue] }, origin: 'test' }])
    .predictors,
  learningRates: lrsOf,
};

/** A trial of `arm` on seed `repeat` whose validation loss follows the law exactly, times (1 + noise) per seed. */
function trial(arm: string, repeat: number, law: number[], status: CurveTrial['status'] = 'censored'): CurveTrial {
  const config = {
    workload: { id: 'w', version: 1, variant: 'default' },
    method: { id: arm, version: 1, hparams: {} },
    repeat: { purpose: 'eval', index: repeat },
    budget: { steps: BUDGET, seconds: 60 },
    stepHint: BUDGET,
    evalEvery: EVERY,
  } as unknown as TrialConfig;
  const { s1, s2 } = lrAreas(lrsOf(config), 0.999);
  const curve = Array.from({ length: BUDGET / EVERY }, (_, j) => (j + 1) * EVERY).map((step) => ({
    step,
    examples: step,
    trainSeconds: 0,
    metrics: {
      'validation/loss':
        annealingLaw.value(law, { s1: s1[step - 1]!, s2: s2[step - 1]! }) * (1 + 0.001 * Math.sin(step + repeat)),
    },
  }));
  return { config, curve, status };
}

const transfer: PredictorSpec = {
  task: 'schedule-transfer',
  description: 'd',
  metric: 'validation/loss',
  method: 'lr-annealing-law',
  baseline: 'step-power-law',
  fit: ['constant', 'cosine'],
  heldOut: ['linear', 'step'],
  skipFraction: 0,
};
const LAW = [2, 0.5, 0.5, 0.3];
const store = (repeats: number): CurveTrial[] =>
  [...Array(repeats).keys()].flatMap((r) => Object.keys(SCHEDULES).map((a) => trial(a, r, LAW)));

describe('predictor outcomes per seed', () => {
  it('schedule transfer: the law fitted on constant + cosine predicts held-out curves of the law; errors are MAPEs averaged over held-out arms', () => {
    const o = predictorOutcome(transfer, store(3), 'w', inputs);
    expect(o.repeats).toEqual([0, 1, 2]);
    expect(o.methodErrors.every((e) => e < 0.002)).toBe(true);
    expect(o.baselineErrors.every((e) => e > 3 * 0.002)).toBe(true);
    // The baseline error recomputed independently for seed 0: fit the power law to the fit arms' points, MAPE per held-out arm, mean.
    const pts = (arm: string) =>
      trial(arm, 0, LAW).curve.map((p) => ({ step: p.step, s1: 0, s2: 0, loss: p.metrics['validation/loss']! }));
    const [l0, a, al] = fitStepPowerLaw([...pts('constant'), ...pts('cosine')]).params as [number, number, number];
    const m = (arm: string) =>
      pts(arm).reduce((s, p) => s + Math.abs((l0 + a * p.step ** -al - p.loss) / p.loss), 0) / pts(arm).length;
    expect(o.baselineErrors[0]).toBeCloseTo((m('linear') + m('step')) / 2, 8);
    expect(o.perCurve.filter((c) => c.repeat === 0).map((c) => c.arm)).toEqual(['linear', 'step']);
    expect(o.fitted[0]!.method).toHaveLength(4);
  });

  it('skipFraction leaves out the evals before it from the error', () => {
    const all = predictorOutcome(transfer, store(1), 'w', inputs);
    const late = predictorOutcome({ ...transfer, skipFraction: 0.5 }, store(1), 'w', inputs);
    expect(late.baselineErrors[0]).not.toBeCloseTo(all.baselineErrors[0]!, 6);
  });

  it('a seed with a diverged or missing arm has no error, with the reason noted; other seeds keep theirs', () => {
    const trials = store(3).filter((t) => !(t.config.repeat.index === 2 && t.config.method.id === 'step'));
    trials.push(trial('step', 2, LAW, 'diverged'));
    const o = predictorOutcome(
      transfer,
      trials.filter((t) => !(t.config.repeat.index === 1 && t.config.method.id === 'cosine')),
      'w',
      inputs,
    );
    expect(o.methodErrors.map(Number.isFinite)).toEqual([true, false, false]);
    expect(o.notes.join(' ')).toMatch(/repeat 1: no usable trial of cosine/);
    expect(o.notes.join(' ')).toMatch(/repeat 2: step diverged/);
  });

  it('extrapolation: errors are absolute errors of the final value from the first part of each curve, averaged over arms', () => {
    const spec: PredictorSpec = {
      task: 'extrapolate-final',
      description: 'd',
      metric: 'validation/loss',
      method: 'parametric-ensemble',
      baseline: 'last-value',
      observedFraction: 0.5,
    };
    const o = predictorOutcome(spec, store(2), 'w', inputs);
    const t = trial('linear', 0, LAW);
    const last = t.curve[t.curve.length - 1]!.metrics['validation/loss']!;
    const head = t.curve
      .filter((p) => p.step <= 300)
      .map((p) => ({ step: p.step, value: p.metrics['validation/loss']! }));
    const lin = o.perCurve.find((c) => c.repeat === 0 && c.arm === 'linear')!;
    expect(lin.baseline).toBeCloseTo(Math.abs(head[head.length - 1]!.value - last), 12);
    expect(lin.method).toBeCloseTo(Math.abs(parametricEnsemble.predict(head, BUDGET) - last), 12);
    const seed0 = o.perCurve.filter((c) => c.repeat === 0);
    expect(o.baselineErrors[0]).toBeCloseTo(seed0.reduce((s, c) => s + c.baseline, 0) / seed0.length, 12);
  });

  it("takes the predictors from the registries: a user's own plugs in; none, or one of another task, is refused", () => {
    const spec: PredictorSpec = {
      task: 'extrapolate-final',
      description: 'd',
      metric: 'validation/loss',
      method: 'first-value',
      baseline: 'last-value',
      observedFraction: 0.5,
    };
    const t = trial('linear', 0, LAW);
    const o = predictorOutcome(spec, [t], 'w', inputs);
    const values = t.curve.map((p) => p.metrics['validation/loss']!);
    expect(o.methodErrors[0]).toBeCloseTo(Math.abs(values[0]! - values[values.length - 1]!), 12);
    expect(() => predictorOutcome(spec, [t], 'w', undefined)).toThrow(expect.objectContaining({ code: 'E_INTERNAL' }));
    expect(() => predictorOutcome({ ...spec, method: 'lr-annealing-law' }, [t], 'w', inputs)).toThrow(
      expect.objectContaining({ code: 'E_BAD_CONFIG' }),
    );
  });

  it('feeds the per-seed errors to the statistics engine as a paired error-ratio comparison', () => {
    const claim = defineClaim({
      id: 'p',
      version: 1,
      title: 't',
      paper: { title: 'p', authors: 'a', year: 2026, url: 'u' },
      quote: 'q',
      claimedEffect: { description: 'd', direction: 'method-better' },
      fidelity: { kind: 'faithful' },
      testType: 'predictor',
      predictor: transfer,
      methods: Object.keys(SCHEDULES).map((method) => ({ method })),
      baselines: [],
      workloads: ['w'],
      margin: { value: 0.1, units: 'relative' },
      repeats: { quick: 2, standard: 6 },
      miniature: 'm',
    });
    const p = predictorOutcome(transfer, store(6), 'w', inputs);
    const j = judgeClaim(claim, [{ workload: 'w', target: null, arms: [], predictor: p }]);
    const c = j.comparisons[0]!;
    expect(c.effectName).toBe('error ratio');
    expect(c.paired).toBe(true);
    expect(c.n).toEqual({ method: 6, baseline: 6 });
    expect(c.estimate).toBeCloseTo(
      p.methodErrors.reduce((a, b) => a + b) / p.baselineErrors.reduce((a, b) => a + b),
      12,
    );
  });

  it('early stopping: per seed the steps with stopping against the full sweep, judged as their ratio (1 / speed-up)', () => {
    const sweepTrial = (arm: string, repeat: number, floor: number): CurveTrial => ({
      config: {
        workload: { id: 'w', version: 1, variant: 'default' },
        method: { id: arm, version: 1, hparams: {} },
        repeat: { purpose: 'eval', index: repeat },
        budget: { steps: 1000, seconds: 60 },
        target: { metric: 'validation/loss', value: 0, direction: 'lower' },
      } as unknown as TrialConfig,
      status: 'censored',
      curve: Array.from({ length: 50 }, (_, j) => (j + 1) * 20).map((step) => ({
        step,
        examples: step,
        trainSeconds: 0,
        metrics: { 'validation/loss': floor + 0.8 * Math.exp(-step / 150) + 0.002 * Math.sin(step * (repeat + 3)) },
      })),
    });
    const floors: Record<string, number> = { a: 0.2, b: 0.6, c: 0.7, d: 0.8 };
    const trials = [0, 1, 2].flatMap((r) => Object.entries(floors).map(([arm, f]) => sweepTrial(arm, r, f)));
    const spec: PredictorSpec = {
      task: 'early-stopping',
      description: 'd',
      metric: 'validation/loss',
      method: 'parametric-ensemble',
      observedFraction: 0.1,
      checkEvery: 0.1,
      threshold: 0.05,
      maxRegret: 0.01,
    };
    const p = predictorOutcome(spec, trials, 'w', inputs);
    expect(p.baseline).toBe('full sweep (no stopping)');
    expect(p.earlyStoppingJudged).toBe(true);
    expect(p.baselineErrors).toEqual([4000, 4000, 4000]);
    for (const [i, e] of p.earlyStopping!.entries()) {
      // Whatever the seed's order, every curve after `a` has run is far worse and is stopped; nothing is lost.
      expect(e.regret).toBe(0);
      expect(p.methodErrors[i]).toBe(e.usedSteps);
      expect(e.speedup).toBeCloseTo(4000 / e.usedSteps!, 12);
      const afterA = e.order!.slice(e.order!.indexOf('a') + 1);
      expect(e.stopped.map((x) => x.arm)).toEqual(expect.arrayContaining(afterA));
    }
    const claim = defineClaim({
      id: 'es',
      version: 1,
      title: 't',
      paper: { title: 'p', authors: 'a', year: 2026, url: 'u' },
      quote: 'q',
      claimedEffect: { description: 'd', direction: 'method-better', magnitude: 0.5 },
      fidelity: { kind: 'faithful' },
      testType: 'predictor',
      predictor: spec,
      methods: Object.keys(floors).map((method) => ({ method })),
      baselines: [],
      workloads: ['w'],
      margin: { value: 0.1, units: 'relative' },
      repeats: { quick: 2, standard: 3 },
      miniature: 'm',
    });
    const j = judgeClaim(claim, [{ workload: 'w', target: null, arms: [], predictor: p }]);
    expect(j.comparisons[0]!.estimate).toBeCloseTo(p.methodErrors.reduce((x, y) => x + y) / 12000, 12);
    expect(j.basis).toMatch(/parametric-ensemble vs full sweep \(no stopping\)/);
  });
});
