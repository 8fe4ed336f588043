import type { HParams } from '../core/method.js';
import type { TrialRecord } from '../core/trial.js';
import { isFinished } from '../store/trial-store.js';
import { workloadRefOf } from '../core/workload.js';
import { plannedSeconds } from './estimate.js';
import { planEvaluation, type PlannedTrial } from './plan.js';
import { planPhases, type PhaseContext } from './phases.js';
import { partition } from './shard.js';

export interface PlannedTrialEntry {
  /** The trial id; null for evaluation trials while tuning is incomplete (their id depends on the tuned point). */
  id: string | null;
  phase: 'tuning' | 'evaluation';
  label: string;
  workload: string;
  method: string;
  repeat: { purpose: string; index: number };
  hparams: HParams;
  /** Seconds from the workload's msPerStepHint over the full budget: the same on every machine, so shards balance on it. */
  estimatedSeconds: number;
  /** A finished result is stored in the run directory. */
  done: boolean;
  /** The shard (1-based) that runs it with `--shard k/<shards>`; null without `--shards` or while unplanned. */
  shard: number | null;
}

/** `reprobench plan <claim> --json`. */
export interface PlanListing {
  claim: { id: string; version: number };
  preset: string;
  repeats: number;
  backend: string;
  numericsClass: string;
  shards: number | null;
  phases: {
    tuning: { trials: number; done: number };
    /** `planned` is false while tuning is incomplete: ids are then null. */
    evaluation: { trials: number; done: number; planned: boolean };
  };
  /** Per shard (with `--shards`): trials and estimated seconds of each phase. */
  shardTotals: Array<{ shard: number; tuning: { trials: number; estimatedSeconds: number }; evaluation: { trials: number; estimatedSeconds: number } | null }> | null;
  estimatedSeconds: number;
  trials: PlannedTrialEntry[];
}

export function listPlan(ctx: PhaseContext, stored: Map<string, TrialRecord>, shards: number | null): PlanListing {
  const plan = planPhases(ctx, stored);
  const cost = (t: PlannedTrial) => plannedSeconds(t, ctx.registries);
  const shardOf = (trials: PlannedTrial[]): Map<string, number> => {
    const m = new Map<string, number>();
    if (shards) partition(trials, shards, cost).forEach((s, k) => s.forEach((t) => m.set(t.id, k + 1)));
    return m;
  };
  const done = (t: PlannedTrial) => {
    const r = stored.get(t.id);
    return r !== undefined && isFinished(r);
  };
  const entry = (t: PlannedTrial, phase: 'tuning' | 'evaluation', known: boolean, shardMap: Map<string, number>): PlannedTrialEntry => ({
    id: known ? t.id : null,
    phase,
    label: t.label,
    workload: workloadRefOf(t.config.workload),
    method: t.config.method.id,
    repeat: t.config.repeat,
    hparams: t.config.method.hparams,
    estimatedSeconds: Math.round(cost(t) * 100) / 100,
    done: known && done(t),
    shard: known ? shardMap.get(t.id) ?? null : null,
  });
  // Before tuning is complete, the evaluation trials are listed with the card's hyperparameters and no id.
  const evaluation = plan.evaluation ?? planEvaluation(ctx.registries, ctx.claim, ctx.preset, ctx.repeats, ctx.backend, {});
  const tuneShards = shardOf(plan.tuningTrials);
  const evalShards = plan.evaluation ? shardOf(plan.evaluation) : new Map<string, number>();
  const trials = [...plan.tuningTrials.map((t) => entry(t, 'tuning', true, tuneShards)), ...evaluation.map((t) => entry(t, 'evaluation', plan.evaluation !== null, evalShards))];
  const sum = (xs: PlannedTrialEntry[]) => Math.round(xs.reduce((a, t) => a + t.estimatedSeconds, 0) * 100) / 100;
  return {
    claim: { id: ctx.claim.id, version: ctx.claim.version },
    preset: ctx.preset,
    repeats: ctx.repeats,
    backend: ctx.backend.name,
    numericsClass: ctx.backend.numericsClass,
    shards,
    phases: {
      tuning: { trials: plan.tuningTrials.length, done: plan.tuningTrials.length - plan.tuningMissing.length },
      evaluation: { trials: evaluation.length, done: plan.evaluation ? evaluation.length - plan.evaluationMissing!.length : 0, planned: plan.evaluation !== null },
    },
    shardTotals: shards
      ? Array.from({ length: shards }, (_, k) => {
          const mine = (phase: string) => trials.filter((t) => t.phase === phase && t.shard === k + 1);
          return {
            shard: k + 1,
            tuning: { trials: mine('tuning').length, estimatedSeconds: sum(mine('tuning')) },
            evaluation: plan.evaluation ? { trials: mine('evaluation').length, estimatedSeconds: sum(mine('evaluation')) } : null,
          };
        })
      : null,
    estimatedSeconds: sum(trials),
    trials,
  };
}
