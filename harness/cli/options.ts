import { availableParallelism, homedir } from 'node:os';
import { join } from 'node:path';
import type { Argv } from 'yargs';
import { BACKEND_CHOICES } from '../backends/select.js';
import { ReprobenchError } from '../errors.js';

export function defaultCacheDir(): string {
  return process.env.REPROBENCH_CACHE || join(homedir(), '.cache', 'reprobench');
}

/** Options every training command shares. */
export function trainingOptions<T>(y: Argv<T>) {
  return y
    .option('backend', { choices: BACKEND_CHOICES, default: 'auto' as const, describe: 'TensorFlow.js backend; auto loads what it can of tensorflow (tfjs-node-gpu, tfjs-node), webgpu (with a GPU), blas (OpenBLAS addon) and wasm (cpu only if none loads) and takes the one whose training step on the claim\'s workloads is fastest in a short probe, cached per machine under the cache dir (docs/engine.md)' })
    .option('workers', { type: 'number', default: availableParallelism(), describe: 'worker processes, one trial at a time each (default: the number of cores)' })
    .option('cache-dir', { type: 'string', default: defaultCacheDir(), defaultDescription: '$REPROBENCH_CACHE or ~/.cache/reprobench', describe: 'where datasets are cached' })
    .option('trial-timeout', { type: 'number', default: 1800, describe: 'seconds before a trial is stopped and recorded as timeout' })
    .check((argv) => {
      positiveInt(argv.workers as number, '--workers');
      positive(argv['trial-timeout'] as number, '--trial-timeout');
      return true;
    });
}

export function positiveInt(v: number | undefined, name: string): void {
  if (v === undefined) return;
  if (!Number.isInteger(v) || v < 1) throw new ReprobenchError('E_BAD_OPTION', `${name} must be a positive integer, got ${String(v)}`, `for example ${name} 2`);
}

export function positive(v: number | undefined, name: string): void {
  if (v === undefined) return;
  if (!(Number.isFinite(v) && v > 0)) throw new ReprobenchError('E_BAD_OPTION', `${name} must be a positive number, got ${String(v)}`, `for example ${name} 600`);
}
