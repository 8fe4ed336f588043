import { availableParallelism } from 'node:os';
import type { Argv } from 'yargs';
import { BACKEND_CHOICES } from '../backends/select.js';
import { ReprobenchError } from '../errors.js';
import { MAX_PLANNED_TRIALS } from '../core/limits.js';
import { defaultCacheDir } from '../store/cache-dir.js';

/** Options every training command shares. */
export function trainingOptions<T>(y: Argv<T>) {
  return y
    .option('backend', {
      choices: BACKEND_CHOICES,
      default: 'auto' as const,
      describe:
        "TensorFlow.js backend; auto loads what it can of tensorflow (tfjs-node-gpu, tfjs-node), webgpu (with a GPU), blas (OpenBLAS addon) and wasm (cpu only if none loads) and takes the one whose training step on the claim's workloads is fastest in a short probe, cached per machine under the cache dir (docs/engine.md)",
    })
    .option('workers', {
      type: 'number',
      default: availableParallelism(),
      describe: 'worker processes, one trial at a time each (default: the number of cores)',
    })
    .option('cache-dir', {
      type: 'string',
      default: defaultCacheDir(),
      defaultDescription: '$REPROBENCH_CACHE or ~/.cache/reprobench',
      describe: 'where datasets are cached',
    })
    .option('trial-timeout', {
      type: 'number',
      default: 1800,
      describe: 'seconds before a trial is stopped and recorded as timeout',
    })
    .check((argv) => {
      positiveInt(argv.workers, '--workers');
      const workersWhy = 'each worker is a process holding a backend; beyond the cores they take turns';
      atMost(argv.workers, '--workers', MAX_WORKERS, workersWhy);
      positive(argv['trial-timeout'], '--trial-timeout');
      const timerLimit = "Node's timers hold at most 24.8 days; a longer one would fire at once";
      atMost(argv['trial-timeout'], '--trial-timeout', MAX_TRIAL_TIMEOUT_S, timerLimit);
      nonEmptyPath(argv['cache-dir'], '--cache-dir');
      return true;
    });
}

/** Most worker processes one command starts. */
export const MAX_WORKERS = 512;
/** The longest trial timeout, in seconds: under what a Node timer holds (2^31 - 1 ms), with room for the pool's grace. */
export const MAX_TRIAL_TIMEOUT_S = 2_000_000;

/** @throws ReprobenchError E_BAD_OPTION naming the limit and why */
export function atMost(v: number | undefined, name: string, max: number, why: string): void {
  if (v === undefined || !(v > max)) return;
  throw new ReprobenchError('E_BAD_OPTION', `${name} is ${v}; at most ${max} (${why})`, `use ${name} ${max} or less`);
}

/**
 * `check` and `reference update` default to wasm instead of auto: its numerics class is
 * bit-identical on every CPU, so a reference made on one machine checks step for step on any
 * other. blas (or any other backend) stays a speed option; its classes compare only statistically
 * with references made elsewhere.
 */
export function portableBackend<T>(y: Argv<T>) {
  return y.option('backend', {
    default: 'wasm' as const,
    describe:
      'TensorFlow.js backend (default wasm: portable, bit-identical across machines; blas is faster but its numerics class ' +
      "names the CPU's OpenBLAS kernel, so its results compare only statistically on other CPUs; auto picks the fastest available)",
  });
}

export function positiveInt(v: number | undefined, name: string): void {
  if (v === undefined) return;
  if (!Number.isInteger(v) || v < 1)
    throw new ReprobenchError(
      'E_BAD_OPTION',
      `${name} must be a positive integer, got ${String(v)}`,
      `for example ${name} 2`,
    );
}

export function positive(v: number | undefined, name: string): void {
  if (v === undefined) return;
  if (!(Number.isFinite(v) && v > 0))
    throw new ReprobenchError(
      'E_BAD_OPTION',
      `${name} must be a positive number, got ${String(v)}`,
      `for example ${name} 600`,
    );
}

/** A directory flag given as `--out ""` would mean the working directory: refused rather than guessed. */
export function nonEmptyPath(v: string | undefined, name: string): void {
  if (v === undefined) return;
  if (typeof v === 'string' && v.trim() !== '') return;
  const hint = `name a directory, for example ${name} runs/my-run (leave ${name} out for the default)`;
  throw new ReprobenchError('E_BAD_OPTION', `${name} is empty`, hint);
}

/** Shards of one run: more than it has trials would leave most of them empty. */
export function shardCount(v: number | undefined, name: string): void {
  positiveInt(v, name);
  atMost(v, name, MAX_PLANNED_TRIALS, 'a run plans at most that many trials, so more shards would be empty');
}
