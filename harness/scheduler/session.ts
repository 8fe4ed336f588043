import { initBackend, type BackendInfo, type BackendRequest } from '../backends/select.js';
import { loadRegistries } from '../builtins.js';
import { claimProbeModels } from '../runner/probe-models.js';
import type { ClaimDefinition } from '../core/claim.js';
import type { Registries } from '../core/registries.js';
import type { TrialRecord } from '../core/trial.js';
import { hostProvenance, type HostProvenance } from '../store/provenance.js';
import { isFinished, readTrials } from '../store/trial-store.js';
import { relative } from 'node:path';
import { resumeCommand, setInterruptReport } from './interrupt.js';
import type { PlannedTrial } from '../plan/plan.js';
import { runPool, type PoolOptions } from './pool.js';
import type { ProgressReporter } from './progress.js';

export interface SessionOptions {
  claim: string;
  backend: BackendRequest;
  workers: number;
  runDir: string;
  cacheDir: string;
  cwd: string;
  trialTimeoutSec: number;
  reporter: ProgressReporter;
  log: (line: string) => void;
}

/** What every command that trains a claim's trials shares: definitions, backend, stored trials, pool. */
export interface ClaimSession {
  registries: Registries;
  claim: ClaimDefinition;
  backend: BackendInfo;
  host: HostProvenance;
  /** Trials in the run directory, validated, updated as trials finish. */
  stored: Map<string, TrialRecord>;
  pool: PoolOptions;
  reporter: ProgressReporter;
  log: (line: string) => void;
  /** Trials finished by this process so far (for the message on a stop signal). */
  finishedNow: number;
}

/**
 * Loads definitions (built-ins and the user's config), resolves the claim, validates every
 * stored trial of the run directory, and initialises the backend — in that order, so bad input
 * fails before any work.
 */
export async function openSession(o: SessionOptions): Promise<ClaimSession> {
  const registries = await loadRegistries(o.cwd);
  const claim = registries.claims.get(o.claim);
  const stored = readTrials(o.runDir);
  const backend = await initBackend(o.backend, {
    probe: () => claimProbeModels(registries, claim, o.cacheDir),
    cacheDir: o.cacheDir,
  });
  o.log(`backend: ${backend.name} (${backend.numericsClass})`);
  for (const r of backend.reasons) o.log(`  ${r}`);
  const host = hostProvenance();
  const s: ClaimSession = {
    registries,
    claim,
    backend,
    host,
    stored,
    reporter: o.reporter,
    log: o.log,
    finishedNow: 0,
    pool: {
      workers: o.workers,
      backend,
      host,
      cacheDir: o.cacheDir,
      runDir: o.runDir,
      cwd: o.cwd,
      trialTimeoutMs: o.trialTimeoutSec * 1000,
      events: o.reporter,
    },
  };
  setInterruptReport(() => interruptReport(s));
  return s;
}

/** What a stop signal prints: trials finished now and in the run directory, and the command that resumes. */
export function interruptReport(s: ClaimSession): string[] {
  s.reporter.stop();
  const stored = [...s.stored.values()].filter(isFinished).length;
  const where = relative(process.cwd(), s.pool.runDir) || '.';
  return [
    `${s.finishedNow} trial${s.finishedNow === 1 ? '' : 's'} finished in this run; ` +
      `${where} holds ${stored} finished trial${stored === 1 ? '' : 's'}, all kept`,
    `the same command resumes (finished trials are reused, unfinished ones run again):`,
    `  ${resumeCommand()}`,
  ];
}

export function isDone(s: ClaimSession, t: PlannedTrial): boolean {
  const r = s.stored.get(t.id);
  return r !== undefined && isFinished(r);
}

/**
 * Runs a phase's trials on the pool — only those not already finished unless `recompute` — and
 * returns the phase's records in plan order.
 */
export async function runPhase(
  s: ClaimSession,
  name: string,
  trials: PlannedTrial[],
  recompute = false,
): Promise<{ records: TrialRecord[]; ran: number }> {
  const todo = recompute ? trials : trials.filter((t) => !isDone(s, t));
  s.reporter.phase(name, todo.length, trials.length - todo.length);
  const events = s.pool.events;
  const fresh = await runPool(todo, {
    ...s.pool,
    events: {
      ...events,
      finished: (w, t, rec) => {
        s.stored.set(rec.id, rec);
        if (isFinished(rec)) s.finishedNow++;
        events?.finished?.(w, t, rec);
      },
    },
  });
  for (const [id, r] of fresh) s.stored.set(id, r);
  return {
    records: trials.map((t) => s.stored.get(t.id)).filter((r): r is TrialRecord => r !== undefined),
    ran: fresh.size,
  };
}
