import type { BackendInfo } from '../backends/select.js';
import type { ClaimDefinition, Preset } from '../core/claim.js';
import type { Registries } from '../core/registries.js';
import type { TrialRecord } from '../core/trial.js';
import { armsOf, trialConfig, workloadsFor, type PlannedTrial } from './plan.js';
import type { TuningResult } from '../tuning/result.js';
import {
  chooseFromStudies, describeSearch, planRecheck, planStudies, recheckBound, recheckOf, rechecks, searchSpaceOf, type StudyObjective, type StudyPlan,
} from '../tuning/studies.js';
import { parseWorkloadRef, resolveVariant } from '../core/workload.js';
import { chooseFromGrid } from '../tuning/sweep.js';
import { recordedTuning } from './recorded-tuning.js';

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

/**
 * Plans the tuning the card declares (grid sweep or AlgoPerf external search), the same for every
 * arm; the quick preset reuses a committed standard reference's choice instead (recorded-tuning.ts).
 */
export function planClaimTuning(registries: Registries, claim: ClaimDefinition, preset: Preset, backend: BackendInfo): ClaimTuning | null {
  const t = claim.tuning;
  if (!t) return null;
  const recorded = recordedTuning(claim, preset);
  if (recorded) return { trials: [], rechecks: false, recheck: () => [], recheckPlaceholders: [], choose: () => recorded.result, recordedFrom: recorded.file };
  const workloads = workloadsFor(claim, preset);
  const arms = armsOf(claim);
  if (t.kind === 'search') {
    const recheck = recheckOf(t);
    const plans: StudyPlan[] = workloads.flatMap((w) =>
      arms.map((arm) =>
        planStudies(registries, {
          workload: w, arm, space: searchSpaceOf(registries, arm.method, t.spaces), studies: t.studies, trials: t.trialsPerStudy, backend,
          stopAtTarget: claim.testType === 'time-to-target', recheck,
        }),
      ),
    );
    const objective = (w: string): StudyObjective => {
      if (claim.testType !== 'fixed-budget') return { kind: 'steps' };
      const ref = parseWorkloadRef(w);
      return { kind: 'metric', outcome: claim.outcome ?? 'final', direction: resolveVariant(registries.workloads.get(ref.id), ref.variant).target.direction };
    };
    const byId = (records: TrialRecord[]) => new Map(records.map((r) => [r.id, r]));
    const description =
      claim.testType === 'fixed-budget' ? describeSearch(t, `best by ${claim.outcome ?? 'final'} target metric (fixed budget)`) : describeSearch(t);
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
          return p.recheckTrial({}, Math.floor(i / per), Math.floor((i % per) / (recheck.seeds - 1)), i % (recheck.seeds - 1));
        });
      }),
      choose: (records) => {
        const m = byId(records);
        const parts = plans.map((p) => chooseFromStudies([p], m, objective(p.workload)));
        return { kind: 'search', description, rows: parts.flatMap((x) => x.rows), choices: parts.flatMap((x) => x.choices) };
      },
    };
  }
  const trials: PlannedTrial[] = [];
  for (const w of workloads) {
    for (const arm of arms) {
      for (const value of t.grid[arm.method] ?? []) {
        for (let i = 0; i < t.seeds; i++) trials.push(trialConfig(registries, claim, w, arm, { purpose: 'tune', index: i }, backend, { [t.hparam]: value }));
      }
    }
  }
  return { trials, rechecks: false, recheck: () => [], recheckPlaceholders: [], choose: (records) => chooseFromGrid(t, arms, records, workloads) };
}
