import type { BackendInfo } from '../backends/select.js';
import type { ClaimDefinition } from '../core/claim.js';
import type { Registries } from '../core/registries.js';
import type { TrialRecord } from '../core/trial.js';
import { isFinished } from '../store/trial-store.js';
import { planClaimTuning, type ClaimTuning } from './claim-tuning.js';
import { chosenPoints, type TuningResult } from '../tuning/result.js';
import { planEvaluation, type PlannedTrial } from './plan.js';
import type { ResolvedRun } from './resolve-run.js';

/** A claim, its run resolved from the preset (resolveRun, which checked the limits), and the backend. */
export interface PhaseContext extends ResolvedRun {
  registries: Registries;
  claim: ClaimDefinition;
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

/** Whether a trial holds up the phase after it: by default, until it has a finished result. */
export type Settled = (t: PlannedTrial) => boolean;

const finished =
  (stored: Map<string, TrialRecord>): Settled =>
  (t) => {
    const r = stored.get(t.id);
    return r !== undefined && isFinished(r);
  };

/** Every tuning trial planned so far: the first phase, then the re-check. */
export const allTuningTrials = (p: PhasePlan): PlannedTrial[] => [...p.tuningTrials, ...(p.recheckTrials ?? [])];

/**
 * Plans tuning, the re-check once every first-phase tuning trial is finished, and evaluation once
 * every re-check trial is. Each step is a pure function of the stored trials, so every machine that
 * holds them (a shard, `merge`, `slurm`) derives the same plan, with the same trial ids, as one
 * `run` in one process would. `settled` replaces "finished" as what lets the next phase be
 * planned (`run` goes on after a phase whose failed trials it tried; the *Missing lists stay
 * the unfinished ones).
 */
export function planPhases(ctx: PhaseContext, stored: Map<string, TrialRecord>, settled?: Settled): PhasePlan {
  const { registries, claim, preset, repeats, backend } = ctx;
  const done = finished(stored);
  const ready = settled ?? done;
  const tuning = planClaimTuning(registries, claim, ctx, backend);
  const tuningTrials = tuning?.trials ?? [];
  const tuningMissing = tuningTrials.filter((t) => !done(t));
  const hasRecheck = tuning?.rechecks ?? false;
  const pending = {
    tuning,
    tuningTrials,
    tuningMissing,
    hasRecheck,
    sweep: null,
    evaluation: null,
    evaluationMissing: null,
  };
  if (!tuningTrials.every(ready)) return { ...pending, recheckTrials: null, recheckMissing: null };
  const records = (ts: PlannedTrial[]) =>
    ts.map((t) => stored.get(t.id)).filter((r): r is TrialRecord => r !== undefined);
  const recheckTrials = tuning ? tuning.recheck(records(tuningTrials)) : [];
  const recheckMissing = recheckTrials.filter((t) => !done(t));
  if (!recheckTrials.every(ready)) return { ...pending, recheckTrials, recheckMissing };
  const sweep = tuning ? tuning.choose(records([...tuningTrials, ...recheckTrials])) : null;
  const evaluation = planEvaluation(registries, claim, preset, repeats, backend, chosenPoints(sweep));
  return {
    ...pending,
    recheckTrials,
    recheckMissing,
    sweep,
    evaluation,
    evaluationMissing: evaluation.filter((t) => !done(t)),
  };
}
