/** The observed head of a curve: finite values at steps ≥ 1. */
export type CurveHead = Array<{ step: number; value: number }>;

/** One training curve with the learning rate of every update that produced it. */
export interface ScheduleCurve {
  arm: string;
  /** Rate of update i + 1 at index i, for at least as many updates as the last point's step. */
  lrs: number[];
  points: Array<{ step: number; value: number }>;
}

/** A fitted loss-curve model: predicts a curve's values at its points from its schedule. */
export interface FittedSchedulePredictor {
  params: number[];
  predict(curve: ScheduleCurve): number[];
}

/** Predicts a curve's final value from its head (a predictor claim's task `extrapolate-final`). */
export interface ExtrapolatorDefinition {
  id: string;
  task: 'extrapolate-final';
  title: string;
  predict(head: CurveHead, finalStep: number): number;
  /**
   * The predictive probability that the curve's value at `finalStep` is below `value` (a
   * posterior's P(y_final < value)); needed by the `early-stopping` task. @default absent
   */
  probabilityBelow?(head: CurveHead, finalStep: number, value: number): number;
}

/** Fits the curves of some schedules and predicts the curves of others (task `schedule-transfer`). */
export interface SchedulePredictorDefinition {
  id: string;
  task: 'schedule-transfer';
  title: string;
  fit(curves: ScheduleCurve[]): FittedSchedulePredictor;
}

/**
 * A predictor a predictor claim names (`predictor.method` and `predictor.baseline`): the method
 * under test or its baseline. Registered by id like workloads and methods (built-ins in
 * benchmarks/methods/predictors/, a user's in `reprobench.config.*` under `predictors`).
 */
export type PredictorDefinition = ExtrapolatorDefinition | SchedulePredictorDefinition;

/** Declares a predictor (identity function with types). */
export function definePredictor<P extends PredictorDefinition>(def: P): P {
  return def;
}
