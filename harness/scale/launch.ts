import { join } from 'node:path';
import type { BackendName } from '../backends/select.js';
import type { Preset } from '../core/claim.js';
import { PACKAGE_ROOT } from '../package-root.js';

/** What every shard of a scaled-out run is told, so all of them plan the same trials. */
export interface ShardRunSpec {
  claim: string;
  preset: Preset;
  seeds?: number;
  /** Always a concrete backend: shards on different nodes must not each resolve `auto` their own way. */
  backend: BackendName;
  /** The run directory as the job sees it. */
  runDir: string;
  /** Dataset cache as the job sees it; omitted = the job's own default. */
  cacheDir?: string;
  workers: number;
  trialTimeoutSec: number;
}

/** POSIX shell quoting: safe words stay bare, everything else goes in single quotes. */
export function shellQuote(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** How a job starts reprobench when the user gives nothing else: this Node and this installation. */
export function defaultLauncher(): string[] {
  return [process.execPath, join(PACKAGE_ROOT, 'dist', 'harness', 'cli', 'main.js')];
}

/** The options after `run <claim> --shard … --phase …` that pin the plan and the run directory. */
export function runOptions(s: ShardRunSpec): string[] {
  return [
    '--out',
    s.runDir,
    '--preset',
    s.preset,
    ...(s.seeds !== undefined ? ['--seeds', String(s.seeds)] : []),
    '--backend',
    s.backend,
    '--workers',
    String(s.workers),
    '--trial-timeout',
    String(s.trialTimeoutSec),
    ...(s.cacheDir ? ['--cache-dir', s.cacheDir] : []),
  ];
}

/**
 * One shell line that runs a shard: `shardExpr` is inserted in double quotes so the scheduler's
 * variable (`$SLURM_ARRAY_TASK_ID`, `$JOB_COMPLETION_INDEX`) expands; everything else is quoted.
 */
export function shardCommandLine(
  launcher: string[],
  s: ShardRunSpec,
  phase: 'tuning' | 'recheck' | 'evaluation',
  shardExpr: string,
): string {
  const q = (xs: string[]) => xs.map(shellQuote).join(' ');
  return `${q(launcher)} run ${shellQuote(s.claim)} --shard "${shardExpr}" --phase ${phase} ${q(runOptions(s))}`;
}

export function mergeCommandLine(launcher: string[], runDir: string): string {
  return [...launcher, 'merge', runDir, '--out', runDir].map(shellQuote).join(' ');
}
