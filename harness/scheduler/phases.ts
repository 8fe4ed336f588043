import type { BackendInfo } from '../backends/select.js';
import type { ClaimDefinition, Preset } from '../core/claim.js';
import type { Registries } from '../core/registries.js';
import type { TrialRecord } from '../core/trial.js';
import { isFinished } from '../store/trial-store.js';
import { planClaimTuning, type ClaimTuning } from '../tuning/claim-tuning.js';
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

/** A claim's two phases as far as the stored trials let them be planned. */
export interface PhasePlan {
  tuning: ClaimTuning | null;
  tuningTrials: PlannedTrial[];
  /** Tuning trials without a finished result yet. */
  tuningMissing: PlannedTrial[];
  /** What tuning chose; null when the claim tunes nothing or tuning is incomplete. */
  sweep: TuningResult | null;
  /**
   * The evaluation trials; null while tuning is incomplete, since their hyperparameters (and so
   * their ids) are what tuning chooses.
   */
  evaluation: PlannedTrial[] | null;
  /** Evaluation trials without a finished result yet (all of them while `evaluation` is null). */
  evaluationMissing: PlannedTrial[] | null;
}

const finished = (stored: Map<string, TrialRecord>) => (t: PlannedTrial) => {
  const r = stored.get(t.id);
  return r !== undefined && isFinished(r);
};

/**
 * Plans tuning, and evaluation once every tuning trial is finished. The choice is a pure function
 * of the tuning trials, so every machine that holds them (a shard, `merge`, `slurm`) derives the
 * same evaluation plan, with the same trial ids, as one `run` in one process would.
 */
export function planPhases(ctx: PhaseContext, stored: Map<string, TrialRecord>): PhasePlan {
  const { registries, claim, preset, repeats, backend } = ctx;
  checkClaimPlan(claim, preset, repeats);
  const done = finished(stored);
  const tuning = planClaimTuning(registries, claim, preset, backend);
  const tuningTrials = tuning?.trials ?? [];
  const tuningMissing = tuningTrials.filter((t) => !done(t));
  if (tuningMissing.length > 0) return { tuning, tuningTrials, tuningMissing, sweep: null, evaluation: null, evaluationMissing: null };
  const sweep = tuning ? tuning.choose(tuningTrials.map((t) => stored.get(t.id)!)) : null;
  const evaluation = planEvaluation(registries, claim, preset, repeats, backend, chosenPoints(sweep));
  return { tuning, tuningTrials, tuningMissing, sweep, evaluation, evaluationMissing: evaluation.filter((t) => !done(t)) };
}
