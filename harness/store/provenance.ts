import { execFileSync } from 'node:child_process';
import { availableParallelism, cpus, homedir, release, type } from 'node:os';
import type { BackendInfo } from '../backends/select.js';
import type { Provenance } from '../core/trial.js';
import { PACKAGE_ROOT, PACKAGE_VERSION } from '../package-root.js';

function git(args: string[]): string | null {
  try {
    return execFileSync('git', ['-C', PACKAGE_ROOT, ...args], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return null;
  }
}

/** The parts of provenance that do not depend on the trial; computed once per run. */
export interface HostProvenance {
  reprobenchVersion: string;
  gitCommit: string | null;
  gitDirty: boolean | null;
  node: string;
  os: string;
  cpu: { model: string; cores: number };
}

/**
 * Host facts for DESIGN § Provenance. Deliberately leaves out hostname, user name and absolute
 * paths. The git fields describe the reprobench checkout (null when installed from npm).
 */
export function hostProvenance(): HostProvenance {
  const commit = git(['rev-parse', 'HEAD']);
  const status = commit === null ? null : git(['status', '--porcelain', '--untracked-files=no']);
  return {
    reprobenchVersion: PACKAGE_VERSION,
    gitCommit: commit,
    gitDirty: status === null ? null : status.length > 0,
    node: process.version,
    os: `${type()} ${release()} ${process.arch}`,
    cpu: { model: cpus()[0]?.model.trim() ?? 'unknown', cores: availableParallelism() },
  };
}

/**
 * Error text for stored trials: the reprobench checkout, the working directory and the home
 * directory become `<reprobench>`, `.` and `~`, so no absolute path or user name is stored.
 */
export function scrubPaths(text: string): string {
  const swaps: Array<[string, string]> = [
    [PACKAGE_ROOT, '<reprobench>'],
    [process.cwd(), '.'],
    [homedir(), '~'],
  ];
  let out = text;
  for (const [from, to] of swaps.sort((a, b) => b[0].length - a[0].length))
    if (from.length > 1) out = out.split(from).join(to);
  return out;
}

export function trialProvenance(host: HostProvenance, backend: BackendInfo, configHash: string): Provenance {
  return {
    ...host,
    tfjsVersion: backend.tfjsVersion,
    backend: backend.name,
    backendReasons: backend.reasons,
    numericsClass: backend.numericsClass,
    gpu: null,
    configHash,
  };
}
