import { initBackend, type BackendInfo } from '../backends/select.js';
import { loadRegistries } from '../builtins.js';
import type { Registries } from '../core/registries.js';
import { isReprobenchError } from '../errors.js';
import { runTrial } from '../runner/run-trial.js';
import type { HostProvenance } from '../store/provenance.js';
import { writeTrial } from '../store/trial-store.js';
import type { FromWorker, ToWorker } from './messages.js';
import { watchParent } from './parent-watch.js';

/**
 * A worker process: loads the registries (built-ins and the user's config) and one backend,
 * then runs one trial at a time. It writes each finished trial itself, atomically, before
 * reporting it, so a parent killed at any moment loses no finished trial.
 */
const send = (m: FromWorker) => {
  if (process.connected) process.send?.(m);
};
const PROGRESS_INTERVAL_MS = 250;

let state:
  { registries: Registries; backend: BackendInfo; host: HostProvenance; cacheDir: string; runDir: string } | undefined;
let queue = Promise.resolve();
/** The running external trainer's process group, stopped if this worker dies mid-trial. */
let trainer: number | undefined;
const watch = watchParent();
const setTrainer = (pid: number | undefined) => {
  trainer = pid;
  watch.setTrainer(pid);
};
process.on('exit', () => {
  if (trainer === undefined) return;
  try {
    process.kill(-trainer, 'SIGKILL');
  } catch {
    // Already gone.
  }
});

// The parent closed the channel or is gone: stop now. A finished trial is already on disk; the one
// in progress is not, and a resumed run computes it again (an orphan must not train on for minutes).
process.on('disconnect', () => process.exit(0));

process.on('message', (msg: ToWorker) => {
  queue = queue.then(() => handle(msg));
});

async function handle(msg: ToWorker): Promise<void> {
  if (msg.type === 'init') {
    try {
      process.chdir(msg.cwd);
      const registries = await loadRegistries(msg.cwd);
      const backend = await initBackend(msg.backend);
      await watch.started;
      state = { registries, backend, host: msg.host, cacheDir: msg.cacheDir, runDir: msg.runDir };
      send({ type: 'ready', numericsClass: backend.numericsClass });
    } catch (e) {
      send(
        isReprobenchError(e)
          ? { type: 'init-failed', message: e.message, code: e.code, hint: e.hint }
          : { type: 'init-failed', message: String((e as Error)?.stack ?? e) },
      );
    }
    return;
  }
  if (!state) throw new Error('worker: run before init');
  let last = 0;
  try {
    const record = await runTrial(msg.id, msg.config, {
      registries: state.registries,
      backend: state.backend,
      host: state.host,
      cacheDir: state.cacheDir,
      timeoutMs: msg.timeoutMs,
      onSpawn: (pid) => {
        setTrainer(pid);
        send({ type: 'trainer', id: msg.id, pid });
      },
      onProgress: (progress) => {
        const t = Date.now();
        if (t - last < PROGRESS_INTERVAL_MS) return;
        last = t;
        send({ type: 'progress', id: msg.id, progress });
      },
    });
    setTrainer(undefined);
    writeTrial(state.runDir, record);
    send({ type: 'done', id: msg.id, record });
  } catch (e) {
    setTrainer(undefined);
    const err = e as Error;
    send({ type: 'failed', id: msg.id, message: err?.message ?? String(e), detail: err?.stack ?? '' });
  }
}
