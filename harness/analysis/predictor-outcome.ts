import { predictorBaseline, type PredictorSpec } from '../core/claim.js';
import { isCommandMethod, type MethodDefinition } from '../core/method.js';
import type { TrialConfig, TrialRecord } from '../core/trial.js';
import { workloadRefOf } from '../core/workload.js';
import { ReprobenchError } from '../errors.js';
import type {
  ExtrapolatorDefinition,
  PredictorDefinition,
  ScheduleCurve,
  SchedulePredictorDefinition,
} from '../core/predictor.js';
import type { Registries } from '../core/registries.js';
import { mean } from '../stats/descriptives.js';
import { predictiveEarlyStopping, type EarlyStoppingResult } from './early-stopping.js';
import { sweepSpeedup } from './sweep-speedup.js';

/** The learning rate of every update of a trial (index = the train loop's 0-based step), from its method's schedule. */
export type LearningRatesOf = (config: TrialConfig) => number[];

/** What a predictor claim's analysis reads from the registries: the predictors by id, and each trial's learning rates. */
export interface PredictorInputs {
  predictors: { get(id: string): PredictorDefinition };
  learningRates: LearningRatesOf;
}

/** The predictor inputs of a set of registries (built-in and the user's predictors and methods). */
export function predictorInputsFrom(r: Pick<Registries, 'methods' | 'predictors'>): PredictorInputs {
  return { predictors: r.predictors, learningRates: learningRatesFrom((id) => r.methods.get(id)) };
}

/** Mean absolute percentage error, as a fraction (0.01 = 1%). */
export function mape(predicted: readonly number[], observed: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < observed.length; i++) s += Math.abs((predicted[i]! - observed[i]!) / observed[i]!);
  return s / observed.length;
}

/** @throws ReprobenchError E_BAD_CONFIG when the id names a predictor of another task */
function predictorOf<T extends PredictorDefinition['task']>(
  inputs: PredictorInputs,
  id: string,
  task: T,
): Extract<PredictorDefinition, { task: T }> {
  const p = inputs.predictors.get(id);
  if (p.task !== task)
    throw new ReprobenchError(
      'E_BAD_CONFIG',
      `predictor "${id}" is a ${p.task} predictor, not ${task}`,
      `name a ${task} predictor`,
    );
  return p as Extract<PredictorDefinition, { task: T }>;
}

/** What a predictor needs of a trial: a fresh record and a reference-file trial both have it. */
export type CurveTrial = Pick<TrialRecord, 'config' | 'curve' | 'status'>;

/** Per-seed errors of the card's predictor and of its baseline on one workload (DESIGN § Statistics, predictor). */
export interface PredictorOutcome {
  method: string;
  baseline: string;
  /** What one error is, in words. */
  errorName: string;
  repeats: number[];
  /** The predictor's error per repeat; NaN where the seed gives none (see `notes`). */
  methodErrors: number[];
  baselineErrors: number[];
  /** The errors per repeat and arm, so a report can show which curves are hard to predict. */
  perCurve: Array<{ repeat: number; arm: string; method: number; baseline: number }>;
  /** The fitted parameters per repeat (schedule-transfer only). */
  fitted: Array<{ repeat: number; method: number[]; baseline: number[] }>;
  /** Seeds without an error, and why. */
  notes: string[];
  /**
   * extrapolate-final on a lower-is-better metric only: predictive early stopping with the card's
   * predictor over each seed's curves (in the card's arm order), a secondary number the verdict does not use.
   */
  earlyStopping?: Array<{ repeat: number } & EarlyStoppingResult>;
  /** true where early stopping is what the claim judges (task `early-stopping`), not a secondary number. */
  earlyStoppingJudged?: true;
}

const finitePoints = (t: CurveTrial, metric: string): Array<{ step: number; value: number }> =>
  t.curve.flatMap((p) => {
    const v = p.metrics[metric];
    return v != null && Number.isFinite(v) && p.step > 0 ? [{ step: p.step, value: v }] : [];
  });

/** The errors of both predictors on one seed's curves, by arm; a string says why there are none. */
function seedErrors(
  spec: PredictorSpec,
  byArm: Map<string, CurveTrial>,
  inputs: PredictorInputs,
):
  | {
      perArm: Array<{ arm: string; method: number; baseline: number }>;
      fitted?: { method: number[]; baseline: number[] };
    }
  | string {
  const unusable = (a: string): boolean =>
    byArm.get(a)!.status === 'diverged' || finitePoints(byArm.get(a)!, spec.metric).length === 0;
  if (spec.task === 'early-stopping')
    throw new ReprobenchError('E_INTERNAL', 'an early-stopping seed has no per-curve errors', 'call sweepSpeedup');
  if (spec.task === 'extrapolate-final') {
    // Every curve is a separate extrapolation: a diverged one has no error (NaN) and is left out of
    // the seed's mean, not the seed.
    const arms = [...byArm.keys()].sort();
    if (arms.every(unusable)) return `no arm has a finite ${spec.metric}`;
    const pair = {
      method: predictorOf(inputs, spec.method, spec.task),
      baseline: predictorOf(inputs, spec.baseline, spec.task),
    };
    return {
      perArm: arms.map((a) =>
        unusable(a) ? { arm: a, method: NaN, baseline: NaN } : extrapolationError(spec, pair, a, byArm.get(a)!),
      ),
    };
  }
  const needed = [...spec.fit, ...spec.heldOut];
  const absent = needed.filter((a) => !byArm.has(a));
  if (absent.length) return `no usable trial of ${absent.join(', ')}`;
  const bad = needed.filter(unusable);
  if (bad.length) return `${bad.join(', ')} diverged or has no finite ${spec.metric}`;
  const curve = (arm: string): ScheduleCurve => ({
    arm,
    lrs: inputs.learningRates(byArm.get(arm)!.config),
    points: finitePoints(byArm.get(arm)!, spec.metric),
  });
  const fitCurves = spec.fit.map(curve);
  const fitted = (id: string): ReturnType<SchedulePredictorDefinition['fit']> =>
    predictorOf(inputs, id, spec.task).fit(fitCurves);
  const m = fitted(spec.method);
  const b = fitted(spec.baseline);
  const perArm = spec.heldOut.map((arm) => {
    const c = curve(arm);
    const from = spec.skipFraction * byArm.get(arm)!.config.budget.steps;
    const keep = c.points.map((p, i) => (p.step >= from ? i : -1)).filter((i) => i >= 0);
    const obs = keep.map((i) => c.points[i]!.value);
    const pm = m.predict(c);
    const pb = b.predict(c);
    return {
      arm,
      method: mape(
        keep.map((i) => pm[i]!),
        obs,
      ),
      baseline: mape(
        keep.map((i) => pb[i]!),
        obs,
      ),
    };
  });
  return { perArm, fitted: { method: m.params, baseline: b.params } };
}

/** Extrapolation: a curve's final value predicted from its head; the absolute error of each predictor. */
function extrapolationError(
  spec: Extract<PredictorSpec, { task: 'extrapolate-final' }>,
  pair: { method: ExtrapolatorDefinition; baseline: ExtrapolatorDefinition },
  arm: string,
  t: CurveTrial,
): { arm: string; method: number; baseline: number } {
  const pts = finitePoints(t, spec.metric);
  const last = pts[pts.length - 1]!;
  const head = pts.filter((p) => p.step <= spec.observedFraction * t.config.budget.steps);
  if (head.length === 0) return { arm, method: NaN, baseline: NaN };
  const err = (p: ExtrapolatorDefinition): number => Math.abs(p.predict(head, last.step) - last.value);
  return { arm, method: err(pair.method), baseline: err(pair.baseline) };
}

/**
 * Per seed (repeat), the error of the card's predictor and of its baseline on that seed's curves
 * of `workload`: the arms' evaluation trials with the same repeat index are one seed (common
 * random numbers), so the two errors are paired. `inputs` come from the registries (predictorInputsFrom).
 * @throws ReprobenchError E_INTERNAL without `inputs`
 */
export function predictorOutcome(
  spec: PredictorSpec,
  trials: CurveTrial[],
  workload: string,
  inputs: PredictorInputs | undefined,
  armOrder?: string[],
): PredictorOutcome {
  if (!inputs)
    throw new ReprobenchError(
      'E_INTERNAL',
      `the ${spec.task} predictor ${spec.method} (vs ${predictorBaseline(spec)}) needs the registries`,
      'pass predictorInputsFrom(registries) to the analysis',
    );
  const mine = trials.filter(
    (t) =>
      workloadRefOf(t.config.workload) === workload &&
      t.config.repeat.purpose === 'eval' &&
      t.status !== 'failed' &&
      t.status !== 'timeout',
  );
  const repeats = [...new Set(mine.map((t) => t.config.repeat.index))].sort((a, b) => a - b);
  const out: PredictorOutcome = {
    method: spec.method,
    baseline: predictorBaseline(spec),
    errorName:
      spec.task === 'schedule-transfer'
        ? `MAPE of ${spec.metric} over the held-out curves (fraction)`
        : spec.task === 'early-stopping'
          ? `training steps of the sweep (a regret over ${spec.maxRegret * 100}% charges the full sweep)`
          : `absolute error of the final ${spec.metric}`,
    repeats,
    methodErrors: [],
    baselineErrors: [],
    perCurve: [],
    fitted: [],
    notes: [],
    ...(spec.task === 'early-stopping' ? { earlyStoppingJudged: true as const } : {}),
  };
  for (const r of repeats) {
    const byArm = new Map(mine.filter((t) => t.config.repeat.index === r).map((t) => [t.config.method.id, t] as const));
    if (spec.task === 'early-stopping') {
      const s = sweepSpeedup(spec, byArm, predictorOf(inputs, spec.method, 'extrapolate-final'), `${workload}\0${r}`);
      out.methodErrors.push(s.usedSteps);
      out.baselineErrors.push(s.fullSteps);
      out.perCurve.push(...s.perArm.map((a) => ({ repeat: r, ...a })));
      (out.earlyStopping ??= []).push({ repeat: r, ...s.result });
      if (s.note) out.notes.push(`repeat ${r}: ${s.note}`);
      continue;
    }
    const e = seedErrors(spec, byArm, inputs);
    if (typeof e === 'string') {
      out.methodErrors.push(NaN);
      out.baselineErrors.push(NaN);
      out.notes.push(`repeat ${r}: ${e}`);
      continue;
    }
    const ok = e.perArm.filter((a) => Number.isFinite(a.method) && Number.isFinite(a.baseline));
    if (ok.length < e.perArm.length)
      out.notes.push(`repeat ${r}: ${e.perArm.length - ok.length} curve(s) without an error left out`);
    out.methodErrors.push(ok.length ? mean(ok.map((a) => a.method)) : NaN);
    out.baselineErrors.push(ok.length ? mean(ok.map((a) => a.baseline)) : NaN);
    out.perCurve.push(...e.perArm.map((a) => ({ repeat: r, ...a })));
    if (e.fitted) out.fitted.push({ repeat: r, ...e.fitted });
    if (spec.task === 'extrapolate-final' && armOrder && mine[0]?.config.target.direction === 'lower') {
      const curves = armOrder
        .filter(
          (a) =>
            byArm.has(a) && byArm.get(a)!.status !== 'diverged' && finitePoints(byArm.get(a)!, spec.metric).length > 0,
        )
        .map((a) => ({
          arm: a,
          points: finitePoints(byArm.get(a)!, spec.metric),
          budget: byArm.get(a)!.config.budget.steps,
        }));
      (out.earlyStopping ??= []).push({
        repeat: r,
        ...predictiveEarlyStopping(curves, predictorOf(inputs, spec.method, spec.task), spec.observedFraction),
      });
    }
  }
  return out;
}

/** The learning rates of a trial from its method's `learningRate(hp, ctx)`, one per budgeted update. */
export function learningRatesFrom(methodOf: (id: string) => MethodDefinition): LearningRatesOf {
  return (config) => {
    const m = methodOf(config.method.id);
    if (isCommandMethod(m)) {
      throw new ReprobenchError(
        'E_BAD_CONFIG',
        `method "${config.method.id}" has no learning-rate function, so a schedule-transfer predictor cannot read its schedule`,
        'use built-in (tfjs) methods as the arms of a schedule-transfer predictor claim',
      );
    }
    return Array.from({ length: config.budget.steps }, (_, step) =>
      m.learningRate(config.method.hparams, { step, totalSteps: config.stepHint }),
    );
  };
}
