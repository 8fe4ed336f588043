import type { BackendInfo } from '../backends/select.js';
import type { ArmSpec } from '../core/claim.js';
import type { HParams, SearchDimension } from '../core/method.js';
import type { Registries } from '../core/registries.js';
import type { TrialRecord } from '../core/trial.js';
import type { Direction } from '../core/workload.js';
import { ReprobenchError } from '../errors.js';
import { makeTrial } from '../plan/plan.js';
import type { TuningChoice, TuningRow } from './result.js';
import { parseSearchSpace, sampleSearchSpace } from './search-space.js';
import { chooseFromStudies, NO_RECHECK, type StudyPlan } from './studies.js';
import type { SeedOutcome } from './targets.js';

/** `--tune 2x6`: AlgoPerf external tuning of the reference baseline before its target is set. */
export interface TuneSpec {
  studies: number;
  points: number;
}

/** Reads `2x6` (or `2×6`): studies × points per study. */
export function parseTuneSpec(text: string): TuneSpec {
  const m = /^\s*(\d+)\s*[x×]\s*(\d+)\s*$/.exec(text);
  const studies = m ? Number(m[1]) : NaN;
  const points = m ? Number(m[2]) : NaN;
  if (!(studies >= 1 && points >= 1)) {
    const hint = 'pass --tune 2x6 (AlgoPerf external tuning: 2 studies of 6 Halton points)';
    throw new ReprobenchError('E_BAD_OPTION', `--tune must be studies×points, e.g. 2x6; got "${text}"`, hint);
  }
  return { studies, points };
}

/**
 * The Halton stream of study k when `calibrate` tunes a baseline. Its own namespace, so a change
 * to how claims draw their tuning points never changes a recorded calibration.
 */
export function calibrationStudySeed(workload: string, method: string, study: number): string {
  return `reprobench-calibrate/${workload}/${method}/study-${study}`;
}

/**
 * The baseline's tuning trials: `studies` × `points` Halton points over its search space, each on
 * its own tuning seed (repeat purpose `tune`, so disjoint from the calibration seeds), trained for
 * the generous budget without stopping (no target exists yet).
 */
export function planBaselineTuning(
  registries: Registries,
  o: {
    workload: string;
    arm: ArmSpec;
    space: Record<string, SearchDimension>;
    tune: TuneSpec;
    backend: BackendInfo;
    steps: number;
  },
): StudyPlan {
  const space = parseSearchSpace(o.space, `search space of ${o.arm.method}`);
  const studies = Array.from({ length: o.tune.studies }, (_, k) =>
    sampleSearchSpace(space, o.tune.points, { seed: calibrationStudySeed(o.workload, o.arm.method, k) }).map(
      (point, j) => ({
        point,
        trial: makeTrial(registries, {
          workloadId: o.workload,
          arm: o.arm,
          repeat: { purpose: 'tune', index: k * o.tune.points + j },
          backend: o.backend,
          extra: point,
          stopAtTarget: false,
          budgetSteps: o.steps,
        }),
      }),
    ),
  );
  // One seed per point, as the targets in docs/workloads.md were set (no re-check phase here).
  return {
    workload: o.workload,
    method: o.arm.method,
    studies,
    recheck: NO_RECHECK,
    recheckTrial: () => {
      throw new ReprobenchError(
        'E_BAD_OPTION',
        'calibrate --tune re-checks nothing',
        'the baseline is tuned with one seed per point',
      );
    },
  };
}

export interface BaselineChoice {
  point: HParams;
  choice: TuningChoice;
  rows: TuningRow[];
}

/**
 * AlgoPerf's target-setting tuning: each study's best trial by the metric the target is read from
 * (its best value over the curve, or its final one), the median study's winner chosen.
 */
export function chooseBaselinePoint(
  plan: StudyPlan,
  records: Map<string, TrialRecord>,
  outcome: SeedOutcome,
  direction: Direction,
): BaselineChoice {
  const { rows, choices } = chooseFromStudies([plan], records, { kind: 'metric', outcome, direction });
  const choice = choices[0]!;
  return { point: choice.point, choice, rows };
}
