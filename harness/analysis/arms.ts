import type { CurveStatistic } from '../core/claim.js';
import type { HParams } from '../core/method.js';
import type { Target, TrialRecord } from '../core/trial.js';
import { workloadRefOf } from '../core/workload.js';
import { curveStatistic } from './curve-statistic.js';
import { trialResolution } from './time-resolution.js';

/** The evaluation repeats of one method on one workload, reduced to what verdicts need. */
export interface ArmRepeats {
  method: string;
  workload: string;
  /** The tuned point the trials ran with (null when the claim tunes nothing). */
  tuned: HParams | null;
  repeats: number[];
  /** Steps to target, or the steps run when the target was not reached (censored/diverged). */
  steps: number[];
  /** Training seconds to target, or at the end of the trial. */
  seconds: number[];
  /** True where the target was reached. */
  events: boolean[];
  diverged: boolean[];
  /** Trials that failed or timed out: not outcomes, listed so nothing is silently dropped. */
  missing: Array<{ repeat: number; status: string; reason: string }>;
  finalMetric: Array<number | null>;
  /** Best value of the target metric over the curve (fixed-budget claims with `outcome: 'best'`). */
  bestMetric: Array<number | null>;
  /**
   * Time-to-target trials (they stop at the target) only: per repeat, steps between the eval that
   * met the target and the one before (null where it was not reached or is not known).
   */
  resolutionSteps?: Array<number | null>;
  /** Phenomenon claims: the card's statistic per repeat (null where the curve gives none). */
  statistic?: Array<number | null>;
  budgetSteps: number;
}

export function armRepeats(
  trials: TrialRecord[],
  method: string,
  workload: string,
  tuned: HParams | null = null,
  statistic?: CurveStatistic,
): ArmRepeats {
  const mine = trials
    .filter(
      (t) =>
        t.config.method.id === method &&
        workloadRefOf(t.config.workload) === workload &&
        t.config.repeat.purpose === 'eval',
    )
    .sort((a, b) => a.config.repeat.index - b.config.repeat.index);
  const arm: ArmRepeats = {
    method,
    workload,
    tuned,
    repeats: [],
    steps: [],
    seconds: [],
    events: [],
    diverged: [],
    missing: [],
    finalMetric: [],
    bestMetric: [],
    ...(mine[0]?.config.stopAtTarget ? { resolutionSteps: [] } : {}),
    ...(statistic ? { statistic: [] } : {}),
    budgetSteps: mine[0]?.config.budget.steps ?? 0,
  };
  for (const t of mine) {
    if (t.status === 'failed' || t.status === 'timeout') {
      arm.missing.push({ repeat: t.config.repeat.index, status: t.status, reason: t.outcome.reason });
      continue;
    }
    const reached = t.status === 'reached';
    arm.repeats.push(t.config.repeat.index);
    arm.steps.push(reached ? t.outcome.stepsToTarget! : t.config.budget.steps);
    arm.seconds.push(reached ? t.outcome.secondsToTarget! : t.outcome.trainSeconds);
    arm.events.push(reached);
    arm.diverged.push(t.status === 'diverged');
    const m = t.outcome.finalMetrics[t.config.target.metric];
    arm.finalMetric.push(m ?? null);
    arm.bestMetric.push(t.outcome.bestTargetMetric);
    arm.resolutionSteps?.push(trialResolution(t));
    if (statistic)
      arm.statistic!.push(
        t.status === 'diverged' ? null : curveStatistic(statistic, t.curve, t.config.budget.steps).value,
      );
  }
  return arm;
}

export function targetOf(trials: TrialRecord[], workload: string): Target | undefined {
  return trials.find((t) => workloadRefOf(t.config.workload) === workload)?.config.target;
}
