import type { Preset } from '../core/claim.js';
import { summarizeClaim, type ClaimSummary } from '../analysis/summary.js';
import { learningRatesFrom } from '../analysis/predictor-outcome.js';
import { readManifest, writeManifest, type Manifest } from '../store/manifest.js';
import type { TrialRecord } from '../core/trial.js';
import { isFinished, requireUsable } from '../store/trial-store.js';
import { claimRunDir } from '../store/run-dir.js';
import { usableCacheDir } from '../store/fs-errors.js';
import { isReprobenchError, type ReprobenchError } from '../errors.js';
import { workloadRefOf } from '../core/workload.js';
import { armsOf } from '../plan/plan.js';
import { checkClaimPlan } from '../plan/plan-size.js';
import { planClaimTuning, type ClaimTuning } from '../plan/claim-tuning.js';
import { chosenPoints, type TuningResult } from '../tuning/result.js';
import { estimateSeconds, formatDuration } from '../plan/estimate.js';
import { planEvaluation, workloadsFor, type PlannedTrial } from '../plan/plan.js';
import { isDone, openSession, runPhase, type ClaimSession, type SessionOptions } from './session.js';
import { runAdaptive, type AdaptiveResult } from './adaptive.js';

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
}

/**
 * `reprobench run <claim>`: plan, tune (when the card declares a sweep), evaluate, summarise.
 * Finished trials in the run directory are reused; failed and timed-out ones are retried.
 */
export async function runClaim(o: RunClaimOptions): Promise<RunClaimResult> {
  const s = await openSession(o);
  const { registries, claim, backend } = s;
  const repeats = o.seeds ?? claim.repeats[o.preset];
  const workloads = workloadsFor(claim, o.preset);
  // Limits first (a typo like --seeds 1e9 must not start planning), then the directory, before any write.
  const cap = o.adaptive ? o.seeds ?? claim.repeats.standard : repeats;
  checkClaimPlan(claim, o.preset, cap);
  const force = o.force ? { force: true } : {};
  claimRunDir(o.runDir, claim.id, { create: false, ...force });
  const plannedTuning = planClaimTuning(registries, claim, o.preset, backend);
  const tuning = plannedTuning?.trials ?? [];

  if (o.dryRun) {
    dryRun(s, o, plannedTuning, repeats, workloads);
    return { summary: null, ranTrials: 0, reusedTrials: 0, records: [], sweep: null, session: s, repeats, unusable: null };
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
    tuningTrials: tuning.map((t) => t.id),
    evalTrials: [],
    chosen: {},
    // Kept across reruns: the run directory's history with a cluster.
    ...(previous?.slurm ? { slurm: previous.slurm } : {}),
  };
  writeManifest(o.runDir, manifest);

  let ran = 0;
  let sweep: TuningResult | null = null;
  let recheck: PlannedTrial[] = [];
  if (plannedTuning?.recordedFrom) {
    o.log(`tuning: none run; the quick preset reuses the points the standard run chose (${plannedTuning.recordedFrom})`);
    sweep = plannedTuning.choose([]);
  } else if (plannedTuning) {
    const phase = await runPhase(s, 'tuning', tuning);
    ran += phase.ran;
    // A failed or timed-out tuning trial counts as a missed target here; a rerun retries it (and may re-plan the re-check).
    recheck = plannedTuning.recheck(phase.records);
    const second = plannedTuning.rechecks ? await runPhase(s, 'tuning re-check', recheck) : { records: [], ran: 0 };
    ran += second.ran;
    sweep = plannedTuning.choose([...phase.records, ...second.records]);
    writeManifest(o.runDir, { ...manifest, tuningTrials: [...tuning, ...recheck].map((t) => t.id) });
  }
  const chosen = chosenPoints(sweep);
  let records: TrialRecord[];
  let adaptive: AdaptiveResult | null = null;
  if (o.adaptive) {
    const max = o.seeds ?? claim.repeats.standard;
    const a = await runAdaptive(s, { preset: o.preset, maxSeedsPerArm: max, batchSize: o.adaptive.batch, chosen, runDir: o.runDir });
    ({ records, result: adaptive } = a);
    ran += a.ran;
  } else {
    const evalPhase = await runPhase(s, 'evaluation', planEvaluation(registries, claim, o.preset, repeats, backend, chosen));
    records = evalPhase.records;
    ran += evalPhase.ran;
  }
  s.reporter.stop();
  const evaluation = records;
  const usedRepeats = adaptive ? adaptive.seedsPerArm : repeats;

  const summary = summarizeClaim(claim, records, {
    preset: o.preset, repeats: usedRepeats, workloads, backend: backend.name, numericsClass: backend.numericsClass, tuning: sweep, host: s.host, adaptive,
    learningRates: learningRatesFrom((id) => registries.methods.get(id)),
  });
  const tuningIds = [...tuning, ...recheck].map((t) => t.id);
  writeManifest(o.runDir, {
    ...manifest, updatedAt: new Date().toISOString(), status: 'complete', tuningTrials: tuningIds, evalTrials: evaluation.map((t) => t.id), chosen,
  });
  return {
    summary, ranTrials: ran, reusedTrials: tuningIds.length + evaluation.length - ran, records, sweep, session: s, repeats: usedRepeats,
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

export function firstUnusableArm(claim: Parameters<typeof armsOf>[0], workloads: string[], records: TrialRecord[]): ReprobenchError | null {
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

/** Trials a dry run lists by name; the rest are counted (a plan can hold thousands). */
const DRY_RUN_LISTED = 50;

/** `--dry-run`: the plan, what is already done, and an estimate; nothing runs. */
function dryRun(s: ClaimSession, o: RunClaimOptions, planned: ClaimTuning | null, repeats: number, workloads: string[]): void {
  const { registries, claim, backend } = s;
  const tuning = planned?.trials ?? [];
  const tuneTodo = tuning.filter((t) => !isDone(s, t));
  const evalCount = workloads.length * (claim.methods.length + claim.baselines.length) * repeats;
  // The re-check trials are known once the first phase is done; before that, their most.
  const recheck = planned && tuneTodo.length === 0 ? planned.recheck(tuning.map((t) => s.stored.get(t.id)!)) : null;
  const recheckTodo = recheck?.filter((t) => !isDone(s, t)) ?? null;
  let evalTodo: PlannedTrial[] | null = null;
  if (tuneTodo.length === 0 && (recheckTodo?.length ?? 0) === 0) {
    const chosen = planned ? chosenPoints(planned.choose([...tuning, ...(recheck ?? [])].map((t) => s.stored.get(t.id)!))) : {};
    evalTodo = planEvaluation(registries, claim, o.preset, repeats, backend, chosen).filter((t) => !isDone(s, t));
  }
  o.log(`plan for claim ${claim.id} (${o.preset}, ${repeats} repeats per method and workload, ${o.workers} workers):`);
  if (planned?.recordedFrom) o.log(`  tuning: none; the quick preset reuses the points the standard run chose (${planned.recordedFrom})`);
  else if (planned) o.log(`  tuning: ${tuning.length} trials (${planned.choose([]).description}), ${tuning.length - tuneTodo.length} already done`);
  if (planned?.rechecks) {
    o.log(recheck && recheckTodo
      ? `  tuning re-check: ${recheck.length} trials, ${recheck.length - recheckTodo.length} already done`
      : `  tuning re-check: up to ${planned.recheckPlaceholders.length} trials (which points depends on the first tuning phase)`);
  }
  o.log(`  evaluation: ${evalCount} trials, ${evalTodo ? evalCount - evalTodo.length : 0} already done${evalTodo ? '' : ' (their configuration depends on the tuning result)'}`);
  const todo = [...tuneTodo, ...(recheckTodo ?? []), ...(evalTodo ?? [])];
  for (const t of todo.slice(0, DRY_RUN_LISTED)) o.log(`    todo ${t.id} ${t.label}`);
  if (todo.length > DRY_RUN_LISTED) {
    o.log(`    … and ${todo.length - DRY_RUN_LISTED} more (\`reprobench plan ${claim.id}\` lists every trial)`);
  }
  const pendingRecheck = recheckTodo ?? planned?.recheckPlaceholders ?? [];
  const pendingEval = evalTodo ?? planEvaluation(registries, claim, o.preset, repeats, backend, {});
  const finished = [...s.stored.values()].filter(isFinished);
  const est = estimateSeconds([...tuneTodo, ...pendingRecheck, ...pendingEval], finished, registries, o.workers);
  o.log(`  estimated time: ${formatDuration(est)} on ${o.workers} worker${o.workers === 1 ? '' : 's'}`);
}
