import type { Preset } from '../core/claim.js';
import { ReprobenchError } from '../errors.js';
import { isFinished, readTrials } from '../store/trial-store.js';
import { writeShardFile, type ShardFile } from '../store/shard-file.js';
import { plannedSeconds } from '../plan/estimate.js';
import type { PlannedTrial } from '../plan/plan.js';
import { planPhases, type PhaseContext } from '../plan/phases.js';
import { resolveRun } from '../plan/resolve-run.js';
import { openSession, runPhase, type ClaimSession, type SessionOptions } from './session.js';
import { shardShare, shardText, type ShardSpec } from '../plan/shard.js';
import { claimRunDir } from '../store/run-dir.js';
import { usableCacheDir } from '../store/fs-errors.js';

/** `tuning`, `recheck` or `evaluation` runs that phase's share; `all` runs each in turn, each once the one before is complete. */
export type ShardPhase = 'tuning' | 'recheck' | 'evaluation' | 'all';

export interface RunShardOptions extends SessionOptions {
  preset: Preset;
  seeds?: number;
  shard: ShardSpec;
  phase: ShardPhase;
  command: string;
}

export interface ShardPhaseResult {
  phase: 'tuning' | 'recheck' | 'evaluation';
  /** Trials in the whole phase. */
  planned: number;
  /** This shard's trials. */
  share: string[];
  ran: number;
  /** Shard trials still without a finished result (failed or timed out): rerun the shard. */
  unfinished: string[];
}

export interface RunShardResult {
  phases: ShardPhaseResult[];
  session: ClaimSession;
}

/** Trials other processes (shards sharing the directory) finished since the session opened. */
function refreshStored(s: ClaimSession): void {
  for (const [id, r] of readTrials(s.pool.runDir)) {
    const mine = s.stored.get(id);
    if (!mine || (!isFinished(mine) && isFinished(r))) s.stored.set(id, r);
  }
}

/**
 * `reprobench run <claim> --shard i/n`: this shard's share of each phase (see docs/scale-out).
 * Tuning is sharded like any trial set. The re-check needs the first tuning phase's best points,
 * and evaluation what tuning chose, so each starts only when every trial of the phase before is
 * finished in the run directory (a directory the shards share, or one the shards' trials were
 * merged into); each shard then recomputes the plan from those trials — the same on every
 * machine — and runs its share.
 * @throws ReprobenchError E_TUNING_INCOMPLETE when evaluation is asked for before tuning is complete
 */
export async function runShard(o: RunShardOptions): Promise<RunShardResult> {
  const s = await openSession(o);
  const { registries, claim, backend } = s;
  const run = resolveRun(claim, o.preset, o.seeds);
  const { repeats } = run;
  claimRunDir(o.runDir, claim.id);
  usableCacheDir(o.cacheDir);
  const ctx: PhaseContext = { registries, claim, backend, ...run };
  const cost = (t: PlannedTrial) => plannedSeconds(t, registries);
  const phases: ShardPhaseResult[] = [];

  const runShare = async (phase: ShardPhaseResult['phase'], trials: PlannedTrial[]): Promise<void> => {
    const share = shardShare(trials, o.shard, cost);
    const file: ShardFile = {
      schemaVersion: 1,
      claim: { id: claim.id, version: claim.version },
      preset: o.preset,
      repeats,
      backend: backend.name,
      numericsClass: backend.numericsClass,
      configFile: registries.configFile,
      phase,
      shard: { index: o.shard.index, count: o.shard.count },
      trials: share.map((t) => t.id),
      unfinished: share.map((t) => t.id),
      status: 'running',
      command: o.command,
      startedAt: new Date().toISOString(),
      finishedAt: null,
    };
    writeShardFile(o.runDir, file);
    const { ran } = await runPhase(
      s,
      `${phase === 'recheck' ? 'tuning re-check' : phase}, shard ${shardText(o.shard)}`,
      share,
    );
    const unfinished = share.filter((t) => !isFinished(s.stored.get(t.id)!)).map((t) => t.id);
    writeShardFile(o.runDir, {
      ...file,
      unfinished,
      status: unfinished.length ? 'incomplete' : 'complete',
      finishedAt: new Date().toISOString(),
    });
    phases.push({ phase, planned: trials.length, share: file.trials, ran, unfinished });
  };

  const incomplete = (missing: number, of: number, what: string, before: 'tuning' | 'recheck'): ReprobenchError => {
    s.reporter.stop();
    const name = before === 'tuning' ? 'tuning' : 'tuning re-check';
    return new ReprobenchError(
      'E_TUNING_INCOMPLETE',
      `the ${what} depend on what tuning finds, and ${missing} of the ${of} ${name} trials have no finished result in ${o.runDir}`,
      `run the ${before} phase of every shard first (\`reprobench run ${claim.id} --shard i/${o.shard.count} --phase ${before}\` for each i, ` +
        'into a shared run directory or merged into this one with `reprobench merge`), then this command again',
    );
  };
  if (o.phase === 'tuning' || o.phase === 'all') {
    const plan = planPhases(ctx, s.stored);
    if (plan.tuning) await runShare('tuning', plan.tuningTrials);
    else s.log(`claim ${claim.id} has no tuning phase`);
  }
  if (o.phase === 'recheck' || o.phase === 'all') {
    refreshStored(s);
    const plan = planPhases(ctx, s.stored);
    if (!plan.hasRecheck) {
      if (o.phase === 'recheck') s.log(`claim ${claim.id} has no tuning re-check`);
    } else if (!plan.recheckTrials) {
      throw incomplete(plan.tuningMissing.length, plan.tuningTrials.length, 'tuning re-check trials', 'tuning');
    } else await runShare('recheck', plan.recheckTrials);
  }
  if (o.phase === 'evaluation' || o.phase === 'all') {
    refreshStored(s);
    const plan = planPhases(ctx, s.stored);
    if (!plan.evaluation) {
      if (!plan.recheckTrials)
        throw incomplete(plan.tuningMissing.length, plan.tuningTrials.length, 'evaluation trials', 'tuning');
      throw incomplete(plan.recheckMissing!.length, plan.recheckTrials.length, 'evaluation trials', 'recheck');
    }
    await runShare('evaluation', plan.evaluation);
  }
  s.reporter.stop();
  return { phases, session: s };
}
