import { Worker } from 'node:worker_threads';

/**
 * Keeps a worker process from outliving the process that started it. The IPC `disconnect` event
 * covers a parent that closes the channel or dies, but only once the worker's event loop runs, and
 * a trial's training loop can hold it for minutes (its awaits resolve at once on the CPU and wasm
 * backends). So a thread of its own checks every WATCH_MS whether the parent is still the parent
 * and alive; when not, it kills the external trainer's process group (if a trial runs one) and
 * then this process, whatever the main thread is doing. A killed parent (SIGKILL, a crash, any
 * signal) thus takes its workers with it; the unfinished trial is run again on resume.
 */
const WATCH_MS = 250;

const WATCHER = `
const { workerData } = require('node:worker_threads');
const { parent, trainer, everyMs } = workerData;
const gone = () => {
  if (process.ppid !== parent) return true;
  try { process.kill(parent, 0); return false; } catch (e) { return e.code !== 'EPERM'; }
};
setInterval(() => {
  if (!gone()) return;
  const group = Atomics.load(trainer, 0);
  if (group > 0) { try { process.kill(-group, 'SIGKILL'); } catch {} }
  process.kill(process.pid, 'SIGKILL');
}, everyMs);
`;

export interface ParentWatch {
  /** The running external trainer's pid (its process group), or undefined when none runs. */
  setTrainer(pid: number | undefined): void;
  /** Resolves once the watching thread runs (before the worker reports ready). */
  started: Promise<void>;
}

export function watchParent(parent: number = process.ppid): ParentWatch {
  const trainer = new Int32Array(new SharedArrayBuffer(4));
  const thread = new Worker(WATCHER, { eval: true, workerData: { parent, trainer, everyMs: WATCH_MS } });
  // The thread must not keep the worker alive on its own (it exits normally on disconnect).
  thread.unref();
  const started = new Promise<void>((resolve, reject) => {
    thread.once('online', () => resolve());
    thread.once('error', reject);
  });
  return { setTrainer: (pid) => Atomics.store(trainer, 0, pid ?? 0), started };
}
