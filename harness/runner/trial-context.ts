import type { BackendInfo } from '../backends/select.js';
import type { Registries } from '../core/registries.js';
import type { HostProvenance } from '../store/provenance.js';
import type { TrialProgress } from './train-loop.js';

/** What running a trial needs from its process, for built-in and external trainers alike. */
export interface RunTrialContext {
  registries: Registries;
  backend: BackendInfo;
  host: HostProvenance;
  cacheDir: string;
  onProgress?: (p: TrialProgress) => void;
  /** External trainers only: the trial timeout, enforced by the runner so the partial curve is kept. */
  timeoutMs?: number;
  /** External trainers only: the trainer's pid once it runs (its supervisor may need to kill it). */
  onSpawn?: (pid: number) => void;
}
