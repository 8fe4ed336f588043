import type { HParams } from '../core/method.js';
import type { TrialRecord } from '../core/trial.js';
import { isFinished } from '../store/trial-store.js';
import { workloadRefOf } from '../core/workload.js';
import { plannedSeconds } from './estimate.js';
import { planEvaluation, type PlannedTrial } from './plan.js';
import { planPhases, type PhaseContext } from './phases.js';
import { partition } from './shard.js';

export interface PlannedTrialEntry {
  /** The trial id; null for re-check and evaluation trials while the phase before is incomplete (their id depends on its result). */
  id: string | null;
  phase: 'tuning' | 'recheck' | 'evaluation';
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
    /**
     * The tuning re-check (null when the claim has none). While the first tuning phase is
     * incomplete, `planned` is false, `trials` is the most there can be and ids are null.
     */
    recheck: { trials: number; done: number; planned: boolean } | null;
    /** `planned` is false while tuning is incomplete: ids are then null. */
    evaluation: { trials: number; done: number; planned: boolean };
  };
  /** Per shard (with `--shards`): trials and estimated seconds of each phase (null: not planned yet, or no re-check). */
  shardTotals: Array<{
    shard: number;
    tuning: { trials: number; estimatedSeconds: number };
    recheck: { trials: number; estimatedSeconds: number } | null;
    evaluation: { trials: number; estimatedSeconds: number } | null;
  }> | null;
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
  const entry = (
    t: PlannedTrial,
    phase: PlannedTrialEntry['phase'],
    known: boolean,
    shardMap: Map<string, number>,
  ): PlannedTrialEntry => ({
    id: known ? t.id : null,
    phase,
    label: t.label,
    workload: workloadRefOf(t.config.workload),
    method: t.config.method.id,
    repeat: t.config.repeat,
    hparams: t.config.method.hparams,
    estimatedSeconds: Math.round(cost(t) * 100) / 100,
    done: known && done(t),
    shard: known ? (shardMap.get(t.id) ?? null) : null,
  });
  // Before the phase before is complete, re-check and evaluation trials are listed with the card's hyperparameters and no id.
  const recheck = plan.recheckTrials ?? plan.tuning?.recheckPlaceholders ?? [];
  const evaluation =
    plan.evaluation ?? planEvaluation(ctx.registries, ctx.claim, ctx.preset, ctx.repeats, ctx.backend, {});
  const tuneShards = shardOf(plan.tuningTrials);
  const recheckShards = plan.recheckTrials ? shardOf(plan.recheckTrials) : new Map<string, number>();
  const evalShards = plan.evaluation ? shardOf(plan.evaluation) : new Map<string, number>();
  const trials = [
    ...plan.tuningTrials.map((t) => entry(t, 'tuning', true, tuneShards)),
    ...recheck.map((t) => entry(t, 'recheck', plan.recheckTrials !== null, recheckShards)),
    ...evaluation.map((t) => entry(t, 'evaluation', plan.evaluation !== null, evalShards)),
  ];
  const sum = (xs: PlannedTrialEntry[]) => Math.round(xs.reduce((a, t) => a + t.estimatedSeconds, 0) * 100) / 100;
  const totals = (phase: PlannedTrialEntry['phase'], k: number) => {
    const mine = trials.filter((t) => t.phase === phase && t.shard === k);
    return { trials: mine.length, estimatedSeconds: sum(mine) };
  };
  return {
    claim: { id: ctx.claim.id, version: ctx.claim.version },
    preset: ctx.preset,
    repeats: ctx.repeats,
    backend: ctx.backend.name,
    numericsClass: ctx.backend.numericsClass,
    shards,
    phases: {
      tuning: { trials: plan.tuningTrials.length, done: plan.tuningTrials.length - plan.tuningMissing.length },
      recheck: plan.hasRecheck
        ? {
            trials: recheck.length,
            done: plan.recheckTrials ? recheck.length - plan.recheckMissing!.length : 0,
            planned: plan.recheckTrials !== null,
          }
        : null,
      evaluation: {
        trials: evaluation.length,
        done: plan.evaluation ? evaluation.length - plan.evaluationMissing!.length : 0,
        planned: plan.evaluation !== null,
      },
    },
    shardTotals: shards
      ? Array.from({ length: shards }, (_, k) => ({
          shard: k + 1,
          tuning: totals('tuning', k + 1),
          recheck: plan.hasRecheck && plan.recheckTrials ? totals('recheck', k + 1) : null,
          evaluation: plan.evaluation ? totals('evaluation', k + 1) : null,
        }))
      : null,
    estimatedSeconds: sum(trials),
    trials,
  };
}
