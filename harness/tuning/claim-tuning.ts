import type { BackendInfo } from '../backends/select.js';
import type { ClaimDefinition, Preset } from '../core/claim.js';
import type { Registries } from '../core/registries.js';
import type { TrialRecord } from '../core/trial.js';
import { armsOf, trialConfig, workloadsFor, type PlannedTrial } from '../scheduler/plan.js';
import type { TuningResult } from './result.js';
import { chooseFromStudies, describeSearch, planStudies, searchSpaceOf, type StudyObjective, type StudyPlan } from './studies.js';
import { parseWorkloadRef, resolveVariant } from '../core/workload.js';
import { chooseFromGrid } from './sweep.js';

/** A claim's tuning phase: the trials to run, and how to turn their records into choices. */
export interface ClaimTuning {
  trials: PlannedTrial[];
  choose(records: TrialRecord[]): TuningResult;
}

/** Plans the tuning the card declares (grid sweep or AlgoPerf external search), the same for every arm. */
export function planClaimTuning(registries: Registries, claim: ClaimDefinition, preset: Preset, backend: BackendInfo): ClaimTuning | null {
  const t = claim.tuning;
  if (!t) return null;
  const workloads = workloadsFor(claim, preset);
  const arms = armsOf(claim);
  if (t.kind === 'search') {
    const plans: StudyPlan[] = workloads.flatMap((w) =>
      arms.map((arm) =>
        planStudies(registries, { workload: w, arm, space: searchSpaceOf(registries, arm.method, t.spaces), studies: t.studies, trials: t.trialsPerStudy, backend, stopAtTarget: claim.testType === 'time-to-target' }),
      ),
    );
    const objective = (w: string): StudyObjective => {
      if (claim.testType !== 'fixed-budget') return { kind: 'steps' };
      const ref = parseWorkloadRef(w);
      return { kind: 'metric', outcome: claim.outcome ?? 'final', direction: resolveVariant(registries.workloads.get(ref.id), ref.variant).target.direction };
    };
    const fixedBudget = claim.testType === 'fixed-budget';
    return {
      trials: plans.flatMap((p) => p.studies.flat().map((s) => s.trial)),
      choose: (records) => {
        const byId = new Map(records.map((r) => [r.id, r]));
        const parts = plans.map((p) => chooseFromStudies([p], byId, objective(p.workload)));
        const description = fixedBudget
          ? describeSearch(t).replace("each study's fastest trial", `each study's best ${claim.outcome ?? 'final'} target metric (fixed budget)`)
          : describeSearch(t);
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
  return { trials, choose: (records) => chooseFromGrid(t, arms, records, workloads) };
}
