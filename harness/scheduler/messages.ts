import type { BackendName } from '../backends/select.js';
import type { TrialConfig, TrialRecord } from '../core/trial.js';
import type { TrialProgress } from '../runner/train-loop.js';
import type { HostProvenance } from '../store/provenance.js';

/** Parent → worker. */
export type ToWorker =
  | { type: 'init'; backend: BackendName; cacheDir: string; runDir: string; cwd: string; host: HostProvenance }
  | { type: 'run'; id: string; config: TrialConfig; timeoutMs: number };

/** Worker → parent. A finished trial is already on disk when `done` arrives. */
export type FromWorker =
  | { type: 'ready'; numericsClass: string }
  | { type: 'init-failed'; message: string; code?: string; hint?: string }
  | { type: 'progress'; id: string; progress: TrialProgress }
  /** An external trainer started (its pid is its process group): the pool kills it if it kills the worker. */
  | { type: 'trainer'; id: string; pid: number }
  | { type: 'done'; id: string; record: TrialRecord }
  | { type: 'failed'; id: string; message: string; detail?: string };
