import type { BackendInfo } from '../backends/select.js';
import type { ClaimDefinition } from '../core/claim.js';
import type { Registries } from '../core/registries.js';
import type { TrialRecord } from '../core/trial.js';
import { armsOf, trialConfig, type PlannedTrial } from './plan.js';
import type { ResolvedRun } from './resolve-run.js';
import type { TuningResult } from '../tuning/result.js';
import {
  chooseFromStudies,
  describeSearch,
  planRecheck,
  planStudies,
  recheckBound,
  recheckOf,
  rechecks,
  searchSpaceOf,
  type StudyObjective,
  type StudyPlan,
} from '../tuning/studies.js';
import { parseWorkloadRef, resolveVariant } from '../core/workload.js';
import { chooseFromGrid } from '../tuning/sweep.js';

/**
 * A claim's tuning: the first phase's trials, the re-check trials they call for (the second
 * phase, known once the first is finished), and how to turn their records into choices.
 */
export interface ClaimTuning {
  trials: PlannedTrial[];
  /** Whether the card has a second phase (search tuning whose re-check runs more than one seed). */
  rechecks: boolean;
  /** The re-check trials the first phase's records call for ([] without a second phase). */
  recheck(records: TrialRecord[]): PlannedTrial[];
  /**
   * Stand-ins for the most re-check trials there can be (their points are the card's defaults,
   * so their ids are not the real ones): counts and time estimates before the first phase is done.
   */
  recheckPlaceholders: PlannedTrial[];
  choose(records: TrialRecord[]): TuningResult;
  /** Set when nothing is tuned because the quick preset reuses a committed reference's choice: that file. */
  recordedFrom?: string;
}

/** Tuning that runs nothing: its points were chosen before (a committed reference's). */
function reused(result: TuningResult, recordedFrom?: string): ClaimTuning {
  return {
    trials: [],
    rechecks: false,
    recheck: () => [],
    recheckPlaceholders: [],
    choose: () => result,
    ...(recordedFrom ? { recordedFrom } : {}),
  };
}

/**
 * Plans the tuning the card declares (grid sweep or AlgoPerf external search), the same for every
 * arm, unless the run reuses chosen points (resolve-run.ts: the quick preset's recorded tuning, or
 * the reference `check` compares with).
 */
export function planClaimTuning(
  registries: Registries,
  claim: ClaimDefinition,
  run: ResolvedRun,
  backend: BackendInfo,
): ClaimTuning | null {
  const t = claim.tuning;
  if (run.tuning?.kind === 'reference') return run.tuning.result ? reused(run.tuning.result) : null;
  if (!t || !run.tuning) return null;
  if (run.tuning.kind === 'recorded') return reused(run.tuning.recorded.result, run.tuning.recorded.file);
  const workloads = run.workloads;
  const arms = armsOf(claim);
  if (t.kind === 'search') {
    const recheck = recheckOf(t);
    const plans: StudyPlan[] = workloads.flatMap((w) =>
      arms.map((arm) =>
        planStudies(registries, {
          workload: w,
          arm,
          space: searchSpaceOf(registries, arm.method, t.spaces),
          studies: t.studies,
          trials: t.trialsPerStudy,
          backend,
          stopAtTarget: claim.testType === 'time-to-target',
          recheck,
        }),
      ),
    );
    const objective = (w: string): StudyObjective => {
      if (claim.testType !== 'fixed-budget') return { kind: 'steps' };
      const ref = parseWorkloadRef(w);
      return {
        kind: 'metric',
        outcome: claim.outcome ?? 'final',
        direction: resolveVariant(registries.workloads.get(ref.id), ref.variant).target.direction,
      };
    };
    const byId = (records: TrialRecord[]) => new Map(records.map((r) => [r.id, r]));
    const description =
      claim.testType === 'fixed-budget'
        ? describeSearch(t, `best by ${claim.outcome ?? 'final'} target metric (fixed budget)`)
        : describeSearch(t);
    return {
      trials: plans.flatMap((p) => p.studies.flat().map((s) => s.trial)),
      rechecks: rechecks(recheck),
      recheck: (records) => {
        const m = byId(records);
        return plans.flatMap((p) => planRecheck(p, m, objective(p.workload)));
      },
      recheckPlaceholders: plans.flatMap((p) => {
        const top = Math.min(recheck.top, p.studies[0]?.length ?? 0);
        return Array.from({ length: recheckBound(p) }, (_, i) => {
          const per = top * (recheck.seeds - 1);
          return p.recheckTrial(
            {},
            Math.floor(i / per),
            Math.floor((i % per) / (recheck.seeds - 1)),
            i % (recheck.seeds - 1),
          );
        });
      }),
      choose: (records) => {
        const m = byId(records);
        const parts = plans.map((p) => chooseFromStudies([p], m, objective(p.workload)));
        return {
          kind: 'search',
          description,
          rows: parts.flatMap((x) => x.rows),
          choices: parts.flatMap((x) => x.choices),
        };
      },
    };
  }
  const trials: PlannedTrial[] = [];
  for (const w of workloads) {
    for (const arm of arms) {
      for (const value of t.grid[arm.method] ?? []) {
        for (let i = 0; i < t.seeds; i++)
          trials.push(
            trialConfig(registries, claim, w, arm, { purpose: 'tune', index: i }, backend, { [t.hparam]: value }),
          );
      }
    }
  }
  return {
    trials,
    rechecks: false,
    recheck: () => [],
    recheckPlaceholders: [],
    choose: (records) => chooseFromGrid(t, arms, records, workloads),
  };
}
