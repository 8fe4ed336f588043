import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BackendInfo } from '../backends/select.js';
import type { ClaimDefinition, Preset } from '../core/claim.js';
import type { Registries } from '../core/registries.js';
import { ReprobenchError } from '../errors.js';
import { writeFileAtomic } from '../store/atomic.js';
import { readManifest, writeManifest, type Manifest, type SlurmJob, type SlurmSubmission } from '../store/manifest.js';
import { readTrials } from '../store/trial-store.js';
import { allTuningTrials } from '../plan/phases.js';
import { resolveRun } from '../plan/resolve-run.js';
import { claimRunDir } from '../store/run-dir.js';
import { chosenPoints } from '../tuning/result.js';
import { defaultLauncher, shellQuote, type ShardRunSpec } from './launch.js';
import { arraySpec, shardStatus, type ShardStatus } from './shard-status.js';
import { neverSatisfied, parseJobId, queueRows, slurmExec, type QueueRow } from './slurm-cli.js';
import {
  sbatchArgs,
  scriptFile,
  slurmScript,
  type SlurmResources,
  type SlurmRole,
  type SlurmScriptContext,
} from './slurm-script.js';

export interface SlurmOptions {
  registries: Registries;
  claim: ClaimDefinition;
  backend: BackendInfo;
  preset: Preset;
  seeds?: number;
  /** Absolute, as compute nodes see it (a shared file system). */
  runDir: string;
  cacheDir: string;
  workDir: string;
  arraySize: number;
  resources: SlurmResources;
  trialTimeoutSec: number;
  launcher?: string[];
  command: string;
  log: (line: string) => void;
}

export interface SlurmPlan {
  status: ShardStatus;
  scripts: Partial<Record<SlurmRole, string>>;
  /** The roles to submit now, in dependency order, with their array indices. */
  roles: Array<{ role: SlurmRole; indices: number[] }>;
}

const runSettings = (o: SlurmOptions, repeats: number) => ({
  claim: { id: o.claim.id, version: o.claim.version },
  preset: o.preset,
  repeats,
  backend: o.backend.name,
  numericsClass: o.backend.numericsClass,
});

/**
 * What a submission runs: the tuning shards with unfinished trials, the tuning re-check shards
 * with unfinished trials (all of them while the first tuning phase is incomplete), the evaluation
 * shards likewise, and the merge, each after the one before. Writes the scripts to `<run-dir>/slurm/`.
 */
export function planSlurm(o: SlurmOptions): SlurmPlan {
  if (/\s/.test(o.runDir) || /\s/.test(o.workDir)) {
    throw new ReprobenchError(
      'E_BAD_OPTION',
      `Slurm's #SBATCH lines cannot hold paths with spaces: ${o.runDir}`,
      'use a run directory (--out) and working directory without spaces',
    );
  }
  const run = resolveRun(o.claim, o.preset, o.seeds);
  // Scripts, logs and (on submission) the manifest go into the run directory: this claim's, or a new one.
  claimRunDir(o.runDir, o.claim.id);
  const status = shardStatus(
    { registries: o.registries, claim: o.claim, backend: o.backend, ...run },
    readTrials(o.runDir),
    o.arraySize,
  );
  const spec: ShardRunSpec = {
    claim: o.claim.id,
    preset: o.preset,
    ...(o.seeds !== undefined ? { seeds: o.seeds } : {}),
    backend: o.backend.name,
    runDir: o.runDir,
    cacheDir: o.cacheDir,
    workers: o.resources.cpusPerTask,
    trialTimeoutSec: o.trialTimeoutSec,
  };
  const ctx: SlurmScriptContext = {
    spec,
    arraySize: o.arraySize,
    resources: o.resources,
    launcher: o.launcher ?? defaultLauncher(),
    workDir: o.workDir,
  };
  const roles: SlurmPlan['roles'] = [];
  if (status.hasTuning && status.tuning.length) roles.push({ role: 'tuning', indices: status.tuning });
  if (status.hasRecheck && status.recheck.length) roles.push({ role: 'recheck', indices: status.recheck });
  if (status.evaluation.length) roles.push({ role: 'evaluation', indices: status.evaluation });
  roles.push({ role: 'merge', indices: [] });
  const scripts: SlurmPlan['scripts'] = {};
  mkdirSync(join(o.runDir, 'slurm', 'logs'), { recursive: true });
  for (const role of ['tuning', 'recheck', 'evaluation', 'merge'] as const) {
    if (role === 'tuning' && !status.hasTuning) continue;
    if (role === 'recheck' && !status.hasRecheck) continue;
    scripts[role] = slurmScript(role, ctx);
    writeFileAtomic(join(o.runDir, scriptFile(role)), scripts[role]);
  }
  return { status, scripts, roles };
}

/** The sbatch command lines a plan submits, with placeholders for ids not known yet (for --print). */
export function printedCommands(o: SlurmOptions, plan: SlurmPlan): string[] {
  let prev: string | undefined;
  return plan.roles.map(({ role, indices }) => {
    const args = sbatchArgs(join(o.runDir, scriptFile(role)), {
      ...(indices.length ? { array: arraySpec(indices) } : {}),
      ...(prev ? { afterOk: prev } : {}),
      hold: false,
    });
    prev = `<${role}-job-id>`;
    return ['sbatch', ...args].map((a) => (a.includes('<') ? a : shellQuote(a))).join(' ');
  });
}

/**
 * The jobs of the last submission that still hold the run. Jobs that can never start (a shard
 * they wait for failed or was cancelled, and everything queued after them) are stale and cancelled;
 * anything else still queued or running means the run is busy.
 * @throws ReprobenchError E_SLURM_BUSY
 */
function clearPrevious(last: SlurmSubmission | undefined, log: (l: string) => void): void {
  if (!last) return;
  const order = last.jobs.map((j) => j.jobId);
  const rows = queueRows(order);
  const stuckAt = order.findIndex((id) => rows.some((r) => r.jobId === id && neverSatisfied(r)));
  const stale = new Set(stuckAt >= 0 ? order.slice(stuckAt) : []);
  const busy = rows.filter((r) => !stale.has(r.jobId));
  if (busy.length) {
    throw new ReprobenchError(
      'E_SLURM_BUSY',
      `jobs of the previous submission are still queued or running: ${busy.map((r) => `${r.id} ${r.state}`).join(', ')}`,
      `wait for them (\`squeue --me\`), or cancel them with \`scancel ${[...new Set(busy.map((r) => r.jobId))].join(' ')}\`, then run this command again`,
    );
  }
  const cancel = [...stale].filter((id) => rows.some((r: QueueRow) => r.jobId === id));
  if (cancel.length) {
    log(`cancelling jobs that can no longer start (a shard they wait for did not finish): ${cancel.join(' ')}`);
    slurmExec('scancel', cancel);
  }
}

/**
 * `reprobench slurm <claim>`: submits the unfinished shards as job arrays (tuning, the tuning
 * re-check, then evaluation, each after the one before) and a merge job after them, all held until the manifest names them, then
 * released. A rerun submits only shards with unfinished trials.
 * @throws ReprobenchError E_SLURM_UNAVAILABLE, E_SLURM_BUSY, E_SLURM_SUBMIT, E_BAD_OPTION (the run
 *   directory holds a run with other settings)
 */
export function submitSlurm(o: SlurmOptions, plan: SlurmPlan): SlurmSubmission {
  const { repeats } = resolveRun(o.claim, o.preset, o.seeds);
  let previous: Manifest | null = null;
  try {
    previous = readManifest(o.runDir);
  } catch (e) {
    o.log(`warning: ${(e as Error).message}; writing a new one`);
  }
  const want = runSettings(o, repeats);
  if (previous) {
    const had = {
      claim: previous.claim,
      preset: previous.preset,
      repeats: previous.repeats,
      backend: previous.backend,
      numericsClass: previous.numericsClass,
    };
    if (JSON.stringify(had) !== JSON.stringify(want)) {
      throw new ReprobenchError(
        'E_BAD_OPTION',
        `${o.runDir} holds a run with other settings (${JSON.stringify(had)})`,
        'use the same --preset, --seeds and --backend as before, or another --out',
      );
    }
  }
  slurmExec('sbatch', ['--version']);
  clearPrevious(previous?.slurm?.submissions.at(-1), o.log);

  const jobs: SlurmJob[] = [];
  try {
    let prev: string | undefined;
    for (const { role, indices } of plan.roles) {
      const path = join(o.runDir, scriptFile(role));
      const args = sbatchArgs(path, {
        ...(indices.length ? { array: arraySpec(indices) } : {}),
        ...(prev ? { afterOk: prev } : {}),
        hold: true,
      });
      const jobId = parseJobId(slurmExec('sbatch', args));
      jobs.push({
        role,
        jobId,
        array: indices.length ? arraySpec(indices) : null,
        script: plan.scripts[role]!,
        scriptFile: scriptFile(role),
        command: ['sbatch', ...args].map(shellQuote).join(' '),
      });
      prev = jobId;
    }
  } catch (e) {
    if (jobs.length)
      slurmExec(
        'scancel',
        jobs.map((j) => j.jobId),
      );
    throw e;
  }
  const submission: SlurmSubmission = {
    submittedAt: new Date().toISOString(),
    arraySize: o.arraySize,
    command: o.command,
    jobs,
  };
  const now = submission.submittedAt;
  const manifest: Manifest = {
    schemaVersion: 1,
    ...want,
    backendReasons: o.backend.reasons,
    configFile: o.registries.configFile,
    command: o.command,
    createdAt: previous?.createdAt ?? now,
    updatedAt: now,
    status: 'running',
    tuningTrials: allTuningTrials(plan.status.plan).map((t) => t.id),
    evalTrials: plan.status.plan.evaluation?.map((t) => t.id) ?? [],
    chosen: chosenPoints(plan.status.plan.sweep),
    slurm: { submissions: [...(previous?.slurm?.submissions ?? []), submission] },
    ...(previous?.merge ? { merge: previous.merge } : {}),
  };
  // The manifest names every job before any starts, so the merge job never races this write.
  writeManifest(o.runDir, manifest);
  slurmExec('scontrol', ['release', ...jobs.map((j) => j.jobId)]);
  return submission;
}

export type WaitOutcome = { ok: true } | { ok: false; stuck: QueueRow[] };

/** Polls the queue until the submission's jobs are gone (done) or only jobs that can never start remain. */
export async function waitForSubmission(
  s: SlurmSubmission,
  o: { pollMs?: number; onPoll?: (rows: QueueRow[]) => void } = {},
): Promise<WaitOutcome> {
  const ids = s.jobs.map((j) => j.jobId);
  for (;;) {
    const rows = queueRows(ids);
    o.onPoll?.(rows);
    if (rows.length === 0) return { ok: true };
    const stuckAt = ids.findIndex((id) => rows.some((r) => r.jobId === id && neverSatisfied(r)));
    if (stuckAt >= 0) {
      const stale = new Set(ids.slice(stuckAt));
      if (rows.every((r) => stale.has(r.jobId))) return { ok: false, stuck: rows };
    }
    await new Promise((r) => setTimeout(r, o.pollMs ?? 2000));
  }
}
