import { timeToResult, type TimeToResult } from './time-to-result.js';
import type { ScoringStudy, ScoringWorkload, TimeAxis, TrialSelection } from './types.js';

/** The time a study contributes, and which trial gave it. */
export interface StudyTime {
  study: number;
  /** The chosen trial's index; null when no trial reached the target. */
  trial: number | null;
  /** Infinity when no trial reached the target. */
  value: number;
  /** Every trial's time to result, in the study's order. */
  trials: Array<{ trial: number; result: TimeToResult }>;
}

/** A workload's time for one submission: the median over its studies. */
export interface WorkloadTime {
  value: number;
  studies: StudyTime[];
}

export interface TimeOptions {
  axis?: TimeAxis;
  trialSelection?: TrialSelection;
}

/**
 * Median as numpy computes it: the middle value, or the mean of the two middle values; an
 * Infinity among them makes the median infinite. Empty → Infinity (nothing was run).
 */
export function medianWithInfinity(xs: readonly number[]): number {
  if (xs.length === 0) return Infinity;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * The study's time: the best of its trials (see `TrialSelection`); Infinity when none reached
 * the target. Ties go to the lower trial index, so the choice is deterministic.
 */
export function studyTime(
  study: ScoringStudy,
  workload: Pick<ScoringWorkload, 'target' | 'budget'>,
  opts: TimeOptions = {},
): StudyTime {
  const axis = opts.axis ?? 'seconds';
  const budget = workload.budget?.[axis];
  const trials = [...study.trials]
    .sort((a, b) => a.index - b.index)
    .map((t) => ({
      trial: t.index,
      result: timeToResult(t.curve, workload.target, budget === undefined ? { axis } : { axis, budget }),
    }));
  const reached = trials.filter((t) => t.result.status === 'reached');
  if (reached.length === 0) return { study: study.index, trial: null, value: Infinity, trials };
  const key = (t: (typeof reached)[number]): [number, number] =>
    opts.trialSelection === 'earliest-eval' ? [t.result.evalIndex!, t.result.value] : [t.result.value, 0];
  let best = reached[0]!;
  for (const t of reached.slice(1)) {
    const [a0, a1] = key(t);
    const [b0, b1] = key(best);
    if (a0 < b0 || (a0 === b0 && a1 < b1)) best = t;
  }
  return { study: study.index, trial: best.trial, value: best.result.value, trials };
}

/**
 * A workload's time (both rulesets): the median over studies of each study's time, infinite
 * studies included. For external tuning a study holds the tuning trials; for self-tuning each
 * study holds the single run of the one configuration, so this is the median over repeats.
 * AlgoPerf's scoring code treats both rulesets with this same function
 * (scoring/performance_profile.py `get_workloads_time_to_target`; the self-tuning flag only
 * silences its trial-count check).
 */
export function workloadTime(workload: ScoringWorkload, opts: TimeOptions = {}): WorkloadTime {
  const studies = [...workload.studies].sort((a, b) => a.index - b.index).map((s) => studyTime(s, workload, opts));
  return { value: medianWithInfinity(studies.map((s) => s.value)), studies };
}
