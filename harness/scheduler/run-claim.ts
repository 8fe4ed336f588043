import type { Preset } from '../core/claim.js';
import { summarizeClaim, type ClaimSummary } from '../analysis/summary.js';
import { learningRatesFrom } from '../analysis/predictor-outcome.js';
import { readManifest, writeManifest, type Manifest } from '../store/manifest.js';
import type { TrialRecord } from '../core/trial.js';
import { isFinished } from '../store/trial-store.js';
import { planClaimTuning, type ClaimTuning } from '../tuning/claim-tuning.js';
import { chosenPoints, type TuningResult } from '../tuning/result.js';
import { estimateSeconds, formatDuration } from './estimate.js';
import { planEvaluation, workloadsFor, type PlannedTrial } from './plan.js';
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
  const plannedTuning = planClaimTuning(registries, claim, o.preset, backend);
  const tuning = plannedTuning?.trials ?? [];

  if (o.dryRun) {
    dryRun(s, o, plannedTuning, repeats, workloads);
    return { summary: null, ranTrials: 0, reusedTrials: 0, records: [], sweep: null, session: s, repeats };
  }

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
  if (plannedTuning) {
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
  return { summary, ranTrials: ran, reusedTrials: tuningIds.length + evaluation.length - ran, records, sweep, session: s, repeats: usedRepeats };
}

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
  if (planned) o.log(`  tuning: ${tuning.length} trials (${planned.choose([]).description}), ${tuning.length - tuneTodo.length} already done`);
  if (planned?.rechecks) {
    o.log(recheck && recheckTodo
      ? `  tuning re-check: ${recheck.length} trials, ${recheck.length - recheckTodo.length} already done`
      : `  tuning re-check: up to ${planned.recheckPlaceholders.length} trials (which points depends on the first tuning phase)`);
  }
  o.log(`  evaluation: ${evalCount} trials, ${evalTodo ? evalCount - evalTodo.length : 0} already done${evalTodo ? '' : ' (their configuration depends on the tuning result)'}`);
  for (const t of [...tuneTodo, ...(recheckTodo ?? []), ...(evalTodo ?? [])]) o.log(`    todo ${t.id} ${t.label}`);
  const pendingRecheck = recheckTodo ?? planned?.recheckPlaceholders ?? [];
  const pendingEval = evalTodo ?? planEvaluation(registries, claim, o.preset, repeats, backend, {});
  const finished = [...s.stored.values()].filter(isFinished);
  const est = estimateSeconds([...tuneTodo, ...pendingRecheck, ...pendingEval], finished, registries, o.workers);
  o.log(`  estimated time: ${formatDuration(est)} on ${o.workers} worker${o.workers === 1 ? '' : 's'}`);
}
