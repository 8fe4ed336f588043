import { initBackend, type BackendRequest } from '../backends/select.js';
import { loadRegistries } from '../builtins.js';
import type { Preset } from '../core/claim.js';
import type { TrialRecord } from '../core/trial.js';
import { summarizeClaim, type ClaimSummary } from '../analysis/summary.js';
import { readManifest, writeManifest, type Manifest } from '../store/manifest.js';
import { hostProvenance } from '../store/provenance.js';
import { isFinished, readTrials } from '../store/trial-store.js';
import { chooseFromSweep } from '../tuning/sweep.js';
import { estimateSeconds, formatDuration } from './estimate.js';
import { planEvaluation, planTuning, workloadsFor, type PlannedTrial } from './plan.js';
import { runPool } from './pool.js';
import type { ProgressReporter } from './progress.js';

export interface RunClaimOptions {
  claim: string;
  preset: Preset;
  /** Overrides the preset's repeats. */
  seeds?: number;
  backend: BackendRequest;
  workers: number;
  runDir: string;
  cacheDir: string;
  cwd: string;
  trialTimeoutSec: number;
  dryRun: boolean;
  command: string;
  reporter: ProgressReporter;
  log: (line: string) => void;
}

export interface RunClaimResult {
  summary: ClaimSummary | null;
  ranTrials: number;
  reusedTrials: number;
}

/**
 * `reprobench run <claim>`: plan, tune (when the card declares a sweep), evaluate, summarise.
 * Finished trials in the run directory are reused; failed and timed-out ones are retried.
 */
export async function runClaim(o: RunClaimOptions): Promise<RunClaimResult> {
  const registries = await loadRegistries(o.cwd);
  const claim = registries.claims.get(o.claim);
  const stored = readTrials(o.runDir); // validates every stored trial before anything runs
  const backend = await initBackend(o.backend);
  o.log(`backend: ${backend.name} (${backend.numericsClass})`);
  for (const r of backend.reasons) o.log(`  ${r}`);
  const host = hostProvenance();
  const repeats = o.seeds ?? claim.repeats[o.preset];
  const workloads = workloadsFor(claim, o.preset);
  const done = (t: PlannedTrial) => {
    const s = stored.get(t.id);
    return s !== undefined && isFinished(s);
  };
  const poolOpts = { workers: o.workers, backend, host, cacheDir: o.cacheDir, runDir: o.runDir, cwd: o.cwd, trialTimeoutMs: o.trialTimeoutSec * 1000, events: o.reporter };

  const tuning = planTuning(registries, claim, o.preset, backend);
  const tuneTodo = tuning.filter((t) => !done(t));
  const finishedRecords = () => [...stored.values()].filter(isFinished);

  if (o.dryRun) {
    const evalCount = workloads.length * (claim.methods.length + claim.baselines.length) * repeats;
    let evalTodo: PlannedTrial[] | null = null;
    if (tuneTodo.length === 0) {
      const sweep = chooseFromSweep(claim, tuning.map((t) => stored.get(t.id)!), workloads);
      evalTodo = planEvaluation(registries, claim, o.preset, repeats, backend, sweep.chosen).filter((t) => !done(t));
    }
    o.log(`plan for claim ${claim.id} (${o.preset}, ${repeats} repeats per method and workload, ${o.workers} workers):`);
    if (claim.tuning) o.log(`  tuning: ${tuning.length} trials (${claim.tuning.hparam} grid × ${claim.tuning.seeds} tuning seeds), ${tuning.length - tuneTodo.length} already done`);
    o.log(`  evaluation: ${evalCount} trials, ${evalTodo ? evalCount - evalTodo.length : 0} already done${evalTodo ? '' : ' (their configuration depends on the tuning result)'}`);
    for (const t of tuneTodo) o.log(`    todo ${t.id} ${t.label}`);
    for (const t of evalTodo ?? []) o.log(`    todo ${t.id} ${t.label}`);
    const pendingEval = evalTodo ?? planEvaluation(registries, claim, o.preset, repeats, backend, {});
    const est = estimateSeconds([...tuneTodo, ...pendingEval], finishedRecords(), registries, o.workers);
    o.log(`  estimated time: ${formatDuration(est)} on ${o.workers} worker${o.workers === 1 ? '' : 's'}`);
    return { summary: null, ranTrials: 0, reusedTrials: 0 };
  }

  const now = new Date().toISOString();
  const previous = readManifest(o.runDir);
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
  };
  writeManifest(o.runDir, manifest);

  let ran = 0;
  const absorb = (m: Map<string, TrialRecord>) => {
    for (const [id, r] of m) stored.set(id, r);
    ran += m.size;
  };
  if (claim.tuning) {
    o.reporter.phase('tuning', tuneTodo.length, tuning.length - tuneTodo.length);
    absorb(await runPool(tuneTodo, poolOpts));
  }
  const sweep = claim.tuning ? chooseFromSweep(claim, tuning.map((t) => stored.get(t.id)!).filter(Boolean), workloads) : null;
  const evaluation = planEvaluation(registries, claim, o.preset, repeats, backend, sweep?.chosen ?? {});
  const evalTodo = evaluation.filter((t) => !done(t));
  o.reporter.phase('evaluation', evalTodo.length, evaluation.length - evalTodo.length);
  absorb(await runPool(evalTodo, poolOpts));
  o.reporter.stop();

  const evalRecords = evaluation.map((t) => stored.get(t.id)!).filter(Boolean);
  const summary = summarizeClaim(claim, evalRecords, {
    preset: o.preset, repeats, workloads, backend: backend.name, numericsClass: backend.numericsClass, tuning: sweep, host,
  });
  writeManifest(o.runDir, { ...manifest, updatedAt: new Date().toISOString(), status: 'complete', evalTrials: evaluation.map((t) => t.id), chosen: sweep?.chosen ?? {} });
  return { summary, ranTrials: ran, reusedTrials: tuning.length + evaluation.length - ran };
}
