import type { TrialRecord } from '../core/trial.js';
import { isFinished } from '../store/trial-store.js';
import { plannedSeconds } from '../plan/estimate.js';
import type { PlannedTrial } from '../plan/plan.js';
import { planPhases, type PhaseContext, type PhasePlan } from '../plan/phases.js';
import { partition } from '../plan/shard.js';

/** Which shards (1-based) of an n-way split still have work, per phase. */
export interface ShardStatus {
  plan: PhasePlan;
  hasTuning: boolean;
  hasRecheck: boolean;
  /** Tuning shards with a trial not yet finished. */
  tuning: number[];
  /** Re-check shards with a trial not yet finished; every shard while the first tuning phase is incomplete; none without a re-check. */
  recheck: number[];
  /** Evaluation shards with a trial not yet finished; every shard while tuning is incomplete. */
  evaluation: number[];
}

export function shardStatus(ctx: PhaseContext, stored: Map<string, TrialRecord>, count: number): ShardStatus {
  const plan = planPhases(ctx, stored);
  const cost = (t: PlannedTrial) => plannedSeconds(t, ctx.registries);
  const unfinished = (trials: PlannedTrial[]) =>
    partition(trials, count, cost).flatMap((share, k) => (share.some((t) => !isFinishedIn(stored, t)) ? [k + 1] : []));
  const all = Array.from({ length: count }, (_, k) => k + 1);
  return {
    plan,
    hasTuning: plan.tuning !== null,
    hasRecheck: plan.hasRecheck,
    tuning: unfinished(plan.tuningTrials),
    recheck: !plan.hasRecheck ? [] : plan.recheckTrials ? unfinished(plan.recheckTrials) : all,
    evaluation: plan.evaluation ? unfinished(plan.evaluation) : all,
  };
}

function isFinishedIn(stored: Map<string, TrialRecord>, t: PlannedTrial): boolean {
  const r = stored.get(t.id);
  return r !== undefined && isFinished(r);
}

/** Slurm's array syntax for a set of indices: `1-4`, `2,5-7`. */
export function arraySpec(indices: number[]): string {
  const s = [...new Set(indices)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < s.length;) {
    let j = i;
    while (j + 1 < s.length && s[j + 1] === s[j]! + 1) j++;
    parts.push(i === j ? `${s[i]}` : `${s[i]}-${s[j]}`);
    i = j + 1;
  }
  return parts.join(',');
}
