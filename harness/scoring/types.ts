/**
 * The plain data AlgoPerf-style scoring works on: submissions → workloads → studies → trials,
 * each trial an eval curve. Nothing here knows about files; importers and the run store build
 * these objects, `scoreSubmissions` reads them.
 */

/** Which way the target metric improves. */
export type Direction = 'higher' | 'lower';

/** A validation target: the first eval with `metrics[metric]` at or beyond `value` counts. */
export interface ResultTarget {
  /** Key into `EvalPoint.metrics`, e.g. `validation/ssim`. */
  metric: string;
  value: number;
  direction: Direction;
}

/** One evaluation on a trial's curve. */
export interface EvalPoint {
  step: number;
  /** Accumulated submission time at this eval: training time, evaluation excluded (AlgoPerf `accumulated_submission_time`). */
  seconds: number;
  /** Metric values; null (or NaN) for a missing or non-finite value, which never meets a target. */
  metrics: Record<string, number | null>;
}

export interface ScoringTrial {
  /** The trial's index within its study (AlgoPerf `trial_<j>`). */
  index: number;
  curve: EvalPoint[];
}

export interface ScoringStudy {
  /** AlgoPerf `study_<k>`. */
  index: number;
  trials: ScoringTrial[];
}

/** Time limits of a workload; an eval past the limit on the scored axis does not count. */
export interface Budget {
  seconds?: number;
  steps?: number;
}

export interface ScoringWorkload {
  target: ResultTarget;
  budget?: Budget;
  studies: ScoringStudy[];
}

/** One submission (method) in the pool; `workloads` is keyed by workload name without framework suffix. */
export interface ScoringSubmission {
  name: string;
  workloads: Record<string, ScoringWorkload>;
}

/** AlgoPerf's two tuning rulesets. */
export type Ruleset = 'external' | 'self';

/** AlgoPerf leaderboard versions reprobench knows the rules of. */
export type AlgoPerfVersion = '0.5' | '0.6';

/** What "time" means: AlgoPerf scores seconds; steps are reprobench's hardware-free primary measure. */
export type TimeAxis = 'seconds' | 'steps';

/**
 * How a study's trial is chosen.
 * - `fastest`: the trial with the smallest time to result (the AlgoPerf rules' wording).
 * - `earliest-eval`: the trial that reaches the target at the smallest eval index, as AlgoPerf's
 *   scoring code does (`get_best_trial_index`); ties go to the faster of the tied trials.
 */
export type TrialSelection = 'fastest' | 'earliest-eval';
