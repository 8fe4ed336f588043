import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
export const CLI = join(ROOT, 'dist', 'harness', 'cli', 'main.js');

/** A fresh temp dir under the OS temp folder. */
export function tempDir(prefix = 'reprobench-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A dataset cache shared by the tests of one process (the synthetic workloads need none). */
export const TEST_CACHE = join(tmpdir(), 'reprobench-test-cache');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI (npm test builds first) to completion. */
export function cli(
  args: string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): CliResult {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: opts.cwd ?? ROOT,
    env: { ...process.env, REPROBENCH_CACHE: TEST_CACHE, ...opts.env },
    encoding: 'utf8',
    timeout: opts.timeoutMs ?? 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Starts the CLI without waiting, for tests that kill it. */
export function cliAsync(args: string[], opts: { cwd?: string } = {}) {
  return spawn(process.execPath, [CLI, ...args], {
    cwd: opts.cwd ?? ROOT,
    env: { ...process.env, REPROBENCH_CACHE: TEST_CACHE },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}
