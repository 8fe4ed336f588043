import type { PredictorSpec } from '../core/claim.js';
import { isCommandMethod, type MethodDefinition } from '../core/method.js';
import type { TrialConfig, TrialRecord } from '../core/trial.js';
import { workloadRefOf } from '../core/workload.js';
import { ReprobenchError } from '../errors.js';
import { mean } from '../stats/descriptives.js';
import { predictiveEarlyStopping, type EarlyStoppingResult } from './predictors/early-stopping.js';
import { EXTRAPOLATORS } from './predictors/extrapolators.js';
import { mape, SCHEDULE_PREDICTORS, type ScheduleCurve } from './predictors/schedule-transfer.js';

/** The learning rate of every update of a trial (index = the train loop's 0-based step), from its method's schedule. */
export type LearningRatesOf = (config: TrialConfig) => number[];

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
}

/** Predictor ids a task accepts (for validation messages). */
export function predictorIds(task: PredictorSpec['task']): string[] {
  return Object.keys(task === 'schedule-transfer' ? SCHEDULE_PREDICTORS : EXTRAPOLATORS);
}

const finitePoints = (t: CurveTrial, metric: string): Array<{ step: number; value: number }> =>
  t.curve.flatMap((p) => {
    const v = p.metrics[metric];
    return v != null && Number.isFinite(v) && p.step > 0 ? [{ step: p.step, value: v }] : [];
  });

/** The errors of both predictors on one seed's curves, by arm; a string says why there are none. */
function seedErrors(spec: PredictorSpec, byArm: Map<string, CurveTrial>, lrOf: LearningRatesOf | undefined): { perArm: Array<{ arm: string; method: number; baseline: number }>; fitted?: { method: number[]; baseline: number[] } } | string {
  const unusable = (a: string): boolean => byArm.get(a)!.status === 'diverged' || finitePoints(byArm.get(a)!, spec.metric).length === 0;
  if (spec.task === 'extrapolate-final') {
    // Every curve is a separate extrapolation: a diverged one has no error (NaN) and is left out of
    // the seed's mean, not the seed.
    const arms = [...byArm.keys()].sort();
    if (arms.every(unusable)) return `no arm has a finite ${spec.metric}`;
    return { perArm: arms.map((a) => (unusable(a) ? { arm: a, method: NaN, baseline: NaN } : extrapolationError(spec, a, byArm.get(a)!))) };
  }
  const needed = [...spec.fit, ...spec.heldOut];
  const absent = needed.filter((a) => !byArm.has(a));
  if (absent.length) return `no usable trial of ${absent.join(', ')}`;
  const bad = needed.filter(unusable);
  if (bad.length) return `${bad.join(', ')} diverged or has no finite ${spec.metric}`;
  if (!lrOf) throw new ReprobenchError('E_INTERNAL', 'a schedule-transfer predictor needs the learning rates of each trial', 'pass the registries\' learning-rate function to the analysis');
  const curve = (arm: string): ScheduleCurve => ({ arm, lrs: lrOf(byArm.get(arm)!.config), points: finitePoints(byArm.get(arm)!, spec.metric) });
  const fitCurves = spec.fit.map(curve);
  const m = SCHEDULE_PREDICTORS[spec.method]!.fit(fitCurves);
  const b = SCHEDULE_PREDICTORS[spec.baseline]!.fit(fitCurves);
  const perArm = spec.heldOut.map((arm) => {
    const c = curve(arm);
    const from = spec.skipFraction * byArm.get(arm)!.config.budget.steps;
    const keep = c.points.map((p, i) => (p.step >= from ? i : -1)).filter((i) => i >= 0);
    const obs = keep.map((i) => c.points[i]!.value);
    const pm = m.predict(c);
    const pb = b.predict(c);
    return { arm, method: mape(keep.map((i) => pm[i]!), obs), baseline: mape(keep.map((i) => pb[i]!), obs) };
  });
  return { perArm, fitted: { method: m.params, baseline: b.params } };
}

/** Extrapolation: a curve's final value predicted from its head; the absolute error of each predictor. */
function extrapolationError(spec: Extract<PredictorSpec, { task: 'extrapolate-final' }>, arm: string, t: CurveTrial): { arm: string; method: number; baseline: number } {
  const pts = finitePoints(t, spec.metric);
  const last = pts[pts.length - 1]!;
  const head = pts.filter((p) => p.step <= spec.observedFraction * t.config.budget.steps);
  if (head.length === 0) return { arm, method: NaN, baseline: NaN };
  const err = (id: string): number => Math.abs(EXTRAPOLATORS[id]!.predict(head, last.step) - last.value);
  return { arm, method: err(spec.method), baseline: err(spec.baseline) };
}


/**
 * Per seed (repeat), the error of the card's predictor and of its baseline on that seed's curves
 * of `workload`: the arms' evaluation trials with the same repeat index are one seed (common
 * random numbers), so the two errors are paired.
 */
export function predictorOutcome(spec: PredictorSpec, trials: CurveTrial[], workload: string, lrOf?: LearningRatesOf, armOrder?: string[]): PredictorOutcome {
  const mine = trials.filter((t) => workloadRefOf(t.config.workload) === workload && t.config.repeat.purpose === 'eval' && t.status !== 'failed' && t.status !== 'timeout');
  const repeats = [...new Set(mine.map((t) => t.config.repeat.index))].sort((a, b) => a - b);
  const out: PredictorOutcome = {
    method: spec.method,
    baseline: spec.baseline,
    errorName: spec.task === 'schedule-transfer' ? `MAPE of ${spec.metric} over the held-out curves (fraction)` : `absolute error of the final ${spec.metric}`,
    repeats, methodErrors: [], baselineErrors: [], perCurve: [], fitted: [], notes: [],
  };
  for (const r of repeats) {
    const byArm = new Map(mine.filter((t) => t.config.repeat.index === r).map((t) => [t.config.method.id, t] as const));
    const e = seedErrors(spec, byArm, lrOf);
    if (typeof e === 'string') {
      out.methodErrors.push(NaN);
      out.baselineErrors.push(NaN);
      out.notes.push(`repeat ${r}: ${e}`);
      continue;
    }
    const ok = e.perArm.filter((a) => Number.isFinite(a.method) && Number.isFinite(a.baseline));
    if (ok.length < e.perArm.length) out.notes.push(`repeat ${r}: ${e.perArm.length - ok.length} curve(s) without an error left out`);
    out.methodErrors.push(ok.length ? mean(ok.map((a) => a.method)) : NaN);
    out.baselineErrors.push(ok.length ? mean(ok.map((a) => a.baseline)) : NaN);
    out.perCurve.push(...e.perArm.map((a) => ({ repeat: r, ...a })));
    if (e.fitted) out.fitted.push({ repeat: r, ...e.fitted });
    if (spec.task === 'extrapolate-final' && armOrder && mine[0]?.config.target.direction === 'lower') {
      const curves = armOrder
        .filter((a) => byArm.has(a) && byArm.get(a)!.status !== 'diverged' && finitePoints(byArm.get(a)!, spec.metric).length > 0)
        .map((a) => ({ arm: a, points: finitePoints(byArm.get(a)!, spec.metric), budget: byArm.get(a)!.config.budget.steps }));
      (out.earlyStopping ??= []).push({ repeat: r, ...predictiveEarlyStopping(curves, spec.method, spec.observedFraction) });
    }
  }
  return out;
}

/** The learning rates of a trial from its method's `learningRate(hp, ctx)`, one per budgeted update. */
export function learningRatesFrom(methodOf: (id: string) => MethodDefinition): LearningRatesOf {
  return (config) => {
    const m = methodOf(config.method.id);
    if (isCommandMethod(m)) {
      throw new ReprobenchError('E_BAD_CONFIG', `method "${config.method.id}" has no learning-rate function, so a schedule-transfer predictor cannot read its schedule`, 'use built-in (tfjs) methods as the arms of a schedule-transfer predictor claim');
    }
    return Array.from({ length: config.budget.steps }, (_, step) => m.learningRate(config.method.hparams, { step, totalSteps: config.stepHint }));
  };
}
