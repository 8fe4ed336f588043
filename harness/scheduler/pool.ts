import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { BackendInfo } from '../backends/select.js';
import { configHash, TRIAL_SCHEMA_VERSION, type TrialRecord } from '../core/trial.js';
import { ReprobenchError, type ErrorCode } from '../errors.js';
import type { TrialProgress } from '../runner/train-loop.js';
import { trialSeeds } from '../runner/seeds.js';
import { scrubPaths, trialProvenance, type HostProvenance } from '../store/provenance.js';
import { writeTrial } from '../store/trial-store.js';
import { usableCacheDir } from '../store/fs-errors.js';
import { registerPool, stoppingSignal } from './interrupt.js';
import type { FromWorker, ToWorker } from './messages.js';
import type { PlannedTrial } from '../plan/plan.js';

export interface PoolEvents {
  started?(worker: number, trial: PlannedTrial): void;
  progress?(worker: number, trial: PlannedTrial, p: TrialProgress): void;
  finished?(worker: number, trial: PlannedTrial, record: TrialRecord): void;
}

export interface PoolOptions {
  workers: number;
  backend: BackendInfo;
  host: HostProvenance;
  cacheDir: string;
  runDir: string;
  cwd: string;
  /** A trial running longer than this is killed and stored as `timeout`. */
  trialTimeoutMs: number;
  events?: PoolEvents;
}

/** Worker entry next to this file; from TypeScript sources (tests) it runs through tsx. */
function workerEntry(): { path: string; execArgv: string[] } {
  const self = fileURLToPath(import.meta.url);
  const ts = self.endsWith('.ts');
  return {
    path: self.replace(/pool\.(ts|js)$/, `worker.${ts ? 'ts' : 'js'}`),
    execArgv: ts ? ['--import', 'tsx'] : [],
  };
}

const STDERR_TAIL = 4000;
/** Signals a terminal or scheduler sends a whole process group; the parent got one too and is stopping. */
const GROUP_STOP_SIGNALS = new Set(['SIGINT', 'SIGTERM', 'SIGHUP']);
/** How long a worker killed by such a signal waits for the parent's own handler before counting as a crash. */
const GROUP_SIGNAL_GRACE_MS = 500;
/**
 * External trainers enforce the trial timeout inside the worker (so the partial curve and the
 * trainer's log are kept); the pool's own timer is a backstop that fires this much later.
 */
const EXTERNAL_TIMEOUT_GRACE_MS = 15_000;

/** Kills an external trainer's process group (it runs detached from its worker). */
function killTrainer(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

interface Slot {
  index: number;
  child: ChildProcess;
  stderr: string;
  current?: { trial: PlannedTrial; timer: NodeJS.Timeout; trainer?: number };
}

/**
 * Runs trials on a pool of worker processes, one trial at a time each. A worker that crashes
 * marks its trial `failed` (with the exit status and its stderr), one that exceeds the trial
 * timeout is killed and its trial stored as `timeout`; either way a fresh worker takes its
 * place and the run goes on. A worker that cannot even start (bad config, missing backend)
 * stops the run with that error, since every other worker would fail the same way.
 */
export async function runPool(trials: PlannedTrial[], opts: PoolOptions): Promise<Map<string, TrialRecord>> {
  const results = new Map<string, TrialRecord>();
  const queue = [...trials];
  const n = Math.max(1, Math.min(opts.workers, trials.length));
  if (trials.length === 0) return results;
  usableCacheDir(opts.cacheDir);

  const entry = workerEntry();
  let fatal: ReprobenchError | undefined;
  const slots = new Set<Slot>();
  // On a stop signal: kill every worker and trainer now; their trials stay unfinished (not failed).
  const unregister = registerPool(() => {
    queue.length = 0;
    for (const slot of slots) {
      killTrainer(slot.current?.trainer);
      // A trainer that started but whose pid has not reached us yet is known only to its worker:
      // that worker's parent watch kills it, and the worker, once this process is gone.
      const unknownTrainer =
        slot.current?.trial.config.method.command !== undefined && slot.current.trainer === undefined;
      if (!unknownTrainer) slot.child.kill('SIGKILL');
    }
  });

  const spawnWorker = (index: number): Promise<Slot> =>
    new Promise((resolve, reject) => {
      const child = fork(entry.path, [], {
        execArgv: entry.execArgv,
        stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
        serialization: 'advanced',
      });
      const slot: Slot = { index, child, stderr: '' };
      slots.add(slot);
      child.once('exit', () => slots.delete(slot));
      child.stderr!.on('data', (d: Buffer) => {
        slot.stderr = (slot.stderr + d.toString()).slice(-STDERR_TAIL);
      });
      const onInit = (m: FromWorker) => {
        if (m.type === 'ready') {
          child.off('message', onInit);
          resolve(slot);
        } else if (m.type === 'init-failed') {
          child.kill('SIGKILL');
          reject(
            new ReprobenchError(
              (m.code as ErrorCode) ?? 'E_INTERNAL',
              `worker could not start: ${m.message}`,
              m.hint ?? 'see the message above',
            ),
          );
        }
      };
      child.on('message', onInit);
      child.once('exit', (code, signal) => {
        if (!slot.current)
          reject(
            new ReprobenchError(
              'E_INTERNAL',
              `worker exited during start (code ${code}, signal ${signal}): ${slot.stderr.trim().slice(-800)}`,
              'check the stderr above; rerun with --workers 1 to see it alone',
            ),
          );
      });
      const init: ToWorker = {
        type: 'init',
        backend: opts.backend.name,
        cacheDir: opts.cacheDir,
        runDir: opts.runDir,
        cwd: opts.cwd,
        host: opts.host,
      };
      child.send(init);
    });

  const record = (
    trial: PlannedTrial,
    status: 'failed' | 'timeout',
    startedAt: string,
    message: string,
    detail?: string,
  ): TrialRecord => ({
    schemaVersion: TRIAL_SCHEMA_VERSION,
    id: trial.id,
    config: trial.config,
    seeds: trialSeeds(trial.config.workload, trial.config.method.id, trial.config.repeat),
    status,
    outcome: {
      stepsToTarget: null,
      examplesToTarget: null,
      secondsToTarget: null,
      stepsRun: 0,
      trainSeconds: 0,
      evalSeconds: 0,
      initSeconds: 0,
      finalMetrics: {},
      bestTargetMetric: null,
      reason: scrubPaths(message),
    },
    curve: [],
    error: detail ? { message: scrubPaths(message), detail: scrubPaths(detail) } : { message: scrubPaths(message) },
    provenance: trialProvenance(opts.host, opts.backend, configHash(trial.config)),
    startedAt,
    finishedAt: new Date().toISOString(),
  });

  const runOne = (slot: Slot, trial: PlannedTrial): Promise<'ok' | 'replace'> =>
    new Promise((resolve) => {
      const startedAt = new Date().toISOString();
      let settled = false;
      const finish = (rec: TrialRecord, replace: boolean) => {
        if (settled) return;
        settled = true;
        clearTimeout(slot.current?.timer);
        slot.current = undefined;
        slot.child.off('message', onMessage);
        slot.child.off('exit', onExit);
        results.set(rec.id, rec);
        opts.events?.finished?.(slot.index, trial, rec);
        resolve(replace ? 'replace' : 'ok');
      };
      const onMessage = (m: FromWorker) => {
        if (m.type === 'trainer' && m.id === trial.id && slot.current) slot.current.trainer = m.pid;
        else if (m.type === 'progress' && m.id === trial.id) opts.events?.progress?.(slot.index, trial, m.progress);
        else if (m.type === 'done' && m.id === trial.id) finish(m.record, false);
        else if (m.type === 'failed' && m.id === trial.id) {
          const rec = record(trial, 'failed', startedAt, m.message, m.detail);
          writeTrial(opts.runDir, rec);
          finish(rec, false);
        }
      };
      const onExit = (code: number | null, signal: string | null) => {
        killTrainer(slot.current?.trainer);
        const crashed = () => {
          if (stoppingSignal()) return;
          const why = `worker exited during the trial (code ${code}, signal ${signal})`;
          const rec = record(trial, 'failed', startedAt, why, slot.stderr.trim().slice(-STDERR_TAIL));
          writeTrial(opts.runDir, rec);
          finish(rec, true);
        };
        // Ctrl-C reaches the whole process group: the worker may die before the parent's handler runs.
        if (signal && GROUP_STOP_SIGNALS.has(signal)) setTimeout(crashed, GROUP_SIGNAL_GRACE_MS);
        else crashed();
      };
      const external = trial.config.method.command !== undefined;
      const timer = setTimeout(
        () => {
          slot.child.off('exit', onExit);
          slot.child.kill('SIGKILL');
          killTrainer(slot.current?.trainer);
          const rec = record(
            trial,
            'timeout',
            startedAt,
            `stopped after the trial timeout of ${Math.round(opts.trialTimeoutMs / 1000)} s`,
          );
          writeTrial(opts.runDir, rec);
          finish(rec, true);
        },
        opts.trialTimeoutMs + (external ? EXTERNAL_TIMEOUT_GRACE_MS : 0),
      );
      slot.current = { trial, timer };
      slot.child.on('message', onMessage);
      slot.child.once('exit', onExit);
      opts.events?.started?.(slot.index, trial);
      slot.child.send({
        type: 'run',
        id: trial.id,
        config: trial.config,
        timeoutMs: opts.trialTimeoutMs,
      } satisfies ToWorker);
    });

  const loop = async (index: number) => {
    let slot: Slot | undefined;
    try {
      while (!fatal) {
        // Take the trial before awaiting a worker start, so two loops never race for the last one.
        const trial = queue.shift();
        if (!trial) break;
        try {
          slot ??= await spawnWorker(index);
        } catch (e) {
          queue.unshift(trial);
          throw e;
        }
        if ((await runOne(slot, trial)) === 'replace') {
          slot.child.kill('SIGKILL');
          slot = undefined;
        }
      }
    } catch (e) {
      fatal ??= e instanceof ReprobenchError ? e : new ReprobenchError('E_INTERNAL', String(e), 'report this as a bug');
    } finally {
      if (slot) {
        slot.child.disconnect();
      }
    }
  };

  try {
    await Promise.all(Array.from({ length: n }, (_, i) => loop(i)));
  } finally {
    unregister();
  }
  if (fatal) throw fatal;
  return results;
}
