import type { BackendInfo } from '../backends/select.js';
import type { ClaimDefinition, Preset } from '../core/claim.js';
import type { Registries } from '../core/registries.js';
import type { TrialRecord } from '../core/trial.js';
import { isFinished } from '../store/trial-store.js';
import { planClaimTuning, type ClaimTuning } from './claim-tuning.js';
import { chosenPoints, type TuningResult } from '../tuning/result.js';
import { planEvaluation, type PlannedTrial } from './plan.js';
import { checkClaimPlan } from './plan-size.js';

export interface PhaseContext {
  registries: Registries;
  claim: ClaimDefinition;
  preset: Preset;
  repeats: number;
  backend: BackendInfo;
}

/** A claim's phases (tuning, the tuning re-check, evaluation) as far as the stored trials let them be planned. */
export interface PhasePlan {
  tuning: ClaimTuning | null;
  /** The first tuning phase. */
  tuningTrials: PlannedTrial[];
  /** Tuning trials without a finished result yet. */
  tuningMissing: PlannedTrial[];
  /** Whether the claim has a re-check phase (search tuning that re-runs its best points on more seeds). */
  hasRecheck: boolean;
  /** The re-check trials; null while the first tuning phase is incomplete (they are its best points); [] without a re-check. */
  recheckTrials: PlannedTrial[] | null;
  /** Re-check trials without a finished result yet; null while `recheckTrials` is. */
  recheckMissing: PlannedTrial[] | null;
  /** What tuning chose; null when the claim tunes nothing or tuning is incomplete. */
  sweep: TuningResult | null;
  /**
   * The evaluation trials; null while tuning (both phases) is incomplete, since their
   * hyperparameters (and so their ids) are what tuning chooses.
   */
  evaluation: PlannedTrial[] | null;
  /** Evaluation trials without a finished result yet (all of them while `evaluation` is null). */
  evaluationMissing: PlannedTrial[] | null;
}

const finished = (stored: Map<string, TrialRecord>) => (t: PlannedTrial) => {
  const r = stored.get(t.id);
  return r !== undefined && isFinished(r);
};

/** Every tuning trial planned so far: the first phase, then the re-check. */
export const allTuningTrials = (p: PhasePlan): PlannedTrial[] => [...p.tuningTrials, ...(p.recheckTrials ?? [])];

/**
 * Plans tuning, the re-check once every first-phase tuning trial is finished, and evaluation once
 * every re-check trial is. Each step is a pure function of the stored trials, so every machine that
 * holds them (a shard, `merge`, `slurm`) derives the same plan, with the same trial ids, as one
 * `run` in one process would.
 */
export function planPhases(ctx: PhaseContext, stored: Map<string, TrialRecord>): PhasePlan {
  const { registries, claim, preset, repeats, backend } = ctx;
  checkClaimPlan(claim, preset, repeats);
  const done = finished(stored);
  const tuning = planClaimTuning(registries, claim, preset, backend);
  const tuningTrials = tuning?.trials ?? [];
  const tuningMissing = tuningTrials.filter((t) => !done(t));
  const hasRecheck = tuning?.rechecks ?? false;
  const pending = { tuning, tuningTrials, tuningMissing, hasRecheck, sweep: null, evaluation: null, evaluationMissing: null };
  if (tuningMissing.length > 0) return { ...pending, recheckTrials: null, recheckMissing: null };
  const records = (ts: PlannedTrial[]) => ts.map((t) => stored.get(t.id)!);
  const recheckTrials = tuning ? tuning.recheck(records(tuningTrials)) : [];
  const recheckMissing = recheckTrials.filter((t) => !done(t));
  if (recheckMissing.length > 0) return { ...pending, recheckTrials, recheckMissing };
  const sweep = tuning ? tuning.choose(records([...tuningTrials, ...recheckTrials])) : null;
  const evaluation = planEvaluation(registries, claim, preset, repeats, backend, chosenPoints(sweep));
  return { ...pending, recheckTrials, recheckMissing, sweep, evaluation, evaluationMissing: evaluation.filter((t) => !done(t)) };
}
