import type { EvalPoint, ResultTarget, TimeAxis } from './types.js';

/** When (if ever) a trial first met its target. */
export interface TimeToResult {
  /**
   * `reached`: met within the budget; `not-reached`: no eval met it; `after-budget`: the first
   * eval that met it lies past the budget, which AlgoPerf's runner would not have run.
   */
  status: 'reached' | 'not-reached' | 'after-budget';
  /** Time on the scored axis at the first eval meeting the target; Infinity unless `reached`. */
  value: number;
  /** Index into the curve of the first eval meeting the target (also set for `after-budget`). */
  evalIndex: number | null;
  step: number | null;
  seconds: number | null;
}

/** True when a metric value meets the target; null, NaN and ±Infinity never do. */
export function meetsTarget(value: number | null | undefined, target: ResultTarget): boolean {
  if (value === null || value === undefined || !Number.isFinite(value)) return false;
  return target.direction === 'higher' ? value >= target.value : value <= target.value;
}

/**
 * Time to result as AlgoPerf defines it: the accumulated submission time (or step, on the
 * `steps` axis) at the first eval whose validation metric meets the target; never → Infinity.
 * Evals are taken in curve order, as logged.
 *
 * AlgoPerf's scoring code (mlcommons/submissions_algorithms 12c8e4ea,
 * scoring/performance_profile.py `get_best_trial_index`) does not re-check the budget, because
 * its runner stops a trial at `max_allowed_runtime`; reprobench checks it when a budget is given,
 * so results from other runners obey the same rule. On the v0.5/v0.6 logs no first hit lies
 * past the budget (docs/algoperf.md), so the check changes no published number.
 */
export function timeToResult(
  curve: readonly EvalPoint[],
  target: ResultTarget,
  opts: { axis?: TimeAxis; budget?: number } = {},
): TimeToResult {
  const axis = opts.axis ?? 'seconds';
  const i = curve.findIndex((p) => meetsTarget(p.metrics[target.metric], target));
  if (i < 0) return { status: 'not-reached', value: Infinity, evalIndex: null, step: null, seconds: null };
  const p = curve[i]!;
  const value = axis === 'seconds' ? p.seconds : p.step;
  if (opts.budget !== undefined && value > opts.budget)
    return { status: 'after-budget', value: Infinity, evalIndex: i, step: p.step, seconds: p.seconds };
  return { status: 'reached', value, evalIndex: i, step: p.step, seconds: p.seconds };
}
