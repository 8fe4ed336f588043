import type { Preset } from '../core/claim.js';
import { summarizeClaim, type ClaimSummary } from '../analysis/summary.js';
import { predictorInputsFrom } from '../analysis/predictor-outcome.js';
import { readManifest, writeManifest, type Manifest } from '../store/manifest.js';
import type { TrialRecord } from '../core/trial.js';
import { requireUsable } from '../store/trial-store.js';
import { claimRunDir } from '../store/run-dir.js';
import { usableCacheDir } from '../store/fs-errors.js';
import { isReprobenchError, type ReprobenchError } from '../errors.js';
import { workloadRefOf } from '../core/workload.js';
import { armsOf, type PlannedTrial } from '../plan/plan.js';
import { chosenPoints, type TuningResult } from '../tuning/result.js';
import { allTuningTrials, planPhases, type PhaseContext } from '../plan/phases.js';
import { resolveRun } from '../plan/resolve-run.js';
import { isDone, openSession, runPhase, type ClaimSession, type SessionOptions } from './session.js';
import { runAdaptive, type AdaptiveResult } from './adaptive.js';
import { dryRun } from './dry-run.js';

export interface RunClaimOptions extends SessionOptions {
  preset: Preset;
  /** Overrides the preset's repeats. */
  seeds?: number;
  dryRun: boolean;
  command: string;
  /** Group-sequential seeding: add `batch` seeds per arm until every comparison is decided, up to `seeds ?? repeats.standard`. */
  adaptive?: { batch: number };
  /** Write into a run directory that is not shown to belong to this claim (see store/run-dir.ts). */
  force?: boolean;
}

export interface RunClaimResult {
  summary: ClaimSummary | null;
  ranTrials: number;
  reusedTrials: number;
  /** The evaluation trials, in plan order (empty for a dry run). */
  records: TrialRecord[];
  sweep: TuningResult | null;
  session: ClaimSession;
  repeats: number;
  /**
   * The first arm (method on workload) none of whose evaluation trials has a result, as the error
   * the command ends with after writing its summary and report; null when every arm has one.
   */
  unusable: ReprobenchError | null;
  /** A dry run's estimate of the seconds left to run (absent when the claim ran). */
  estimatedSeconds?: number;
}

/**
 * `reprobench run <claim>`: plan, tune (when the card declares a sweep), evaluate, summarise.
 * Finished trials in the run directory are reused; failed and timed-out ones are retried.
 */
export async function runClaim(o: RunClaimOptions): Promise<RunClaimResult> {
  const s = await openSession(o);
  const { registries, claim, backend } = s;
  // Limits first (a typo like --seeds 1e9 must not start planning), then the directory, before any write.
  const run = resolveRun(claim, o.preset, {
    ...(o.seeds !== undefined ? { seeds: o.seeds } : {}),
    adaptive: o.adaptive !== undefined,
  });
  const { repeats, workloads } = run;
  const force = o.force ? { force: true } : {};
  claimRunDir(o.runDir, claim.id, { create: false, ...force });
  const ctx: PhaseContext = { registries, claim, backend, ...run };

  if (o.dryRun) {
    const estimatedSeconds = dryRun(s, o, ctx);
    return {
      estimatedSeconds,
      summary: null,
      ranTrials: 0,
      reusedTrials: 0,
      records: [],
      sweep: null,
      session: s,
      repeats,
      unusable: null,
    };
  }
  // Both paths work before anything is written (an unusable cache would fail every trial alike).
  usableCacheDir(o.cacheDir);
  claimRunDir(o.runDir, claim.id, force);

  const now = new Date().toISOString();
  let previous: Manifest | null = null;
  try {
    previous = readManifest(o.runDir);
  } catch (e) {
    // The manifest is derived from the trials and rewritten by every run: replace an unreadable one.
    o.log(`warning: ${(e as Error).message}; writing a new one`);
  }
  // The phases as planPhases derives them, each planned once the one before has been tried here:
  // a failed or timed-out tuning trial counts as a missed target (a rerun retries it and may re-plan the re-check).
  const tried = new Set<string>();
  const settled = (t: PlannedTrial) => tried.has(t.id) || isDone(s, t);
  const runTried = async (name: string, trials: PlannedTrial[]) => {
    const phase = await runPhase(s, name, trials);
    for (const t of trials) tried.add(t.id);
    return phase;
  };
  let plan = planPhases(ctx, s.stored, settled);
  const manifest: Manifest = {
    schemaVersion: 1,
    claim: { id: claim.id, version: claim.version },
    preset: o.preset,
    repeats,
    backend: backend.name,
    numericsClass: backend.numericsClass,
    backendReasons: backend.reasons,
    configFile: registries.configFile,
    command: o.command,
    createdAt: previous?.createdAt ?? now,
    updatedAt: now,
    status: 'running',
    tuningTrials: plan.tuningTrials.map((t) => t.id),
    evalTrials: [],
    chosen: {},
    // Kept across reruns: the run directory's history with a cluster.
    ...(previous?.slurm ? { slurm: previous.slurm } : {}),
  };
  writeManifest(o.runDir, manifest);

  let ran = 0;
  if (plan.tuning?.recordedFrom) {
    o.log(`tuning: none run; the quick preset reuses the points the standard run chose (${plan.tuning.recordedFrom})`);
  } else if (plan.tuning) {
    ran += (await runTried('tuning', plan.tuningTrials)).ran;
    plan = planPhases(ctx, s.stored, settled);
    if (plan.hasRecheck) {
      ran += (await runTried('tuning re-check', plan.recheckTrials!)).ran;
      plan = planPhases(ctx, s.stored, settled);
    }
    writeManifest(o.runDir, { ...manifest, tuningTrials: allTuningTrials(plan).map((t) => t.id) });
  }
  const sweep = plan.sweep;
  const chosen = chosenPoints(sweep);
  let records: TrialRecord[];
  let adaptive: AdaptiveResult | null = null;
  if (o.adaptive) {
    const a = await runAdaptive(s, {
      preset: o.preset,
      maxSeedsPerArm: run.maxRepeats,
      batchSize: o.adaptive.batch,
      chosen,
      runDir: o.runDir,
    });
    ({ records, result: adaptive } = a);
    ran += a.ran;
  } else {
    const evalPhase = await runPhase(s, 'evaluation', plan.evaluation!);
    records = evalPhase.records;
    ran += evalPhase.ran;
  }
  s.reporter.stop();
  const evaluation = records;
  const usedRepeats = adaptive ? adaptive.seedsPerArm : repeats;

  const summary = summarizeClaim(claim, records, {
    preset: o.preset,
    repeats: usedRepeats,
    workloads,
    backend: backend.name,
    numericsClass: backend.numericsClass,
    tuning: sweep,
    host: s.host,
    adaptive,
    predictors: predictorInputsFrom(registries),
  });
  const tuningIds = allTuningTrials(plan).map((t) => t.id);
  writeManifest(o.runDir, {
    ...manifest,
    updatedAt: new Date().toISOString(),
    status: 'complete',
    tuningTrials: tuningIds,
    evalTrials: evaluation.map((t) => t.id),
    chosen,
  });
  return {
    summary,
    ranTrials: ran,
    reusedTrials: tuningIds.length + evaluation.length - ran,
    records,
    sweep,
    session: s,
    repeats: usedRepeats,
    unusable: firstUnusableArm(claim, workloads, records),
  };
}

/**
 * An arm whose evaluation trials all failed or timed out has no outcome to compare: its verdict
 * would be a guess. Found after the summary is written (the failures stay visible there).
 */
const ARM_FAILED_HINT =
  'the summary and report above list these trials as missing, not as results; fix what made them fail ' +
  "(`--workers 1` shows a worker's output), then run the same command again: failed trials are retried, finished ones reused";

export function firstUnusableArm(
  claim: Parameters<typeof armsOf>[0],
  workloads: string[],
  records: TrialRecord[],
): ReprobenchError | null {
  for (const w of workloads) {
    for (const arm of armsOf(claim)) {
      const mine = records.filter((r) => r.config.method.id === arm.method && workloadRefOf(r.config.workload) === w);
      try {
        requireUsable(mine, `${arm.method} on ${w} has no usable trial`, ARM_FAILED_HINT);
      } catch (e) {
        if (isReprobenchError(e)) return e;
        throw e;
      }
    }
  }
  return null;
}
