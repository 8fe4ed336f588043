import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { vi } from 'vitest';
import { runCli } from '../../harness/cli/cli.js';

export interface InProcessResult {
  /** The exit code the bin would exit with: runCli's, or what the command set as process.exitCode. */
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the CLI in this process (no node start-up: fast enough for property tests), in `cwd`,
 * capturing what it writes. The working directory and process.exitCode are restored after.
 */
export async function runInProcess(argv: string[], cwd: string): Promise<InProcessResult> {
  const out: string[] = [];
  const err: string[] = [];
  const capture = (into: string[]) => (chunk: unknown) => {
    into.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
    return true;
  };
  const so = vi.spyOn(process.stdout, 'write').mockImplementation(capture(out));
  const se = vi.spyOn(process.stderr, 'write').mockImplementation(capture(err));
  const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ') + '\n'));
  const error = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ') + '\n'));
  const before = process.cwd();
  const exitCode = process.exitCode;
  process.exitCode = undefined;
  process.chdir(cwd);
  try {
    const code = await runCli(argv);
    return { code: code || Number(process.exitCode ?? 0), stdout: out.join(''), stderr: err.join('') };
  } finally {
    process.chdir(before);
    process.exitCode = exitCode;
    so.mockRestore();
    se.mockRestore();
    log.mockRestore();
    error.mockRestore();
  }
}

/** Every file under `dir` (relative path → content), to tell what a command changed. */
export function snapshotTree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out.set(relative(dir, p), readFileSync(p, 'latin1'));
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

/** Paths whose content differs between two snapshots (added, removed or changed). */
export function changedPaths(a: Map<string, string>, b: Map<string, string>): string[] {
  const keys = new Set([...a.keys(), ...b.keys()]);
  return [...keys].filter((k) => a.get(k) !== b.get(k)).sort();
}

/** What a coded failure or a success looks like; anything else is a crash. */
export function isCleanOutcome(r: InProcessResult): boolean {
  if (/unexpected error|^\s+at .*\(/m.test(r.stderr)) return false;
  if (r.code === 0) return true;
  return r.code === 2 && /^error E_[A-Z_]+: [\s\S]*?\n {2}hint: /m.test(r.stderr);
}
