import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BackendInfo } from '../../harness/backends/select.js';
import type { TrialRecord } from '../../harness/core/trial.js';
import { runPool } from '../../harness/scheduler/pool.js';
import type { PlannedTrial } from '../../harness/plan/plan.js';
import { hostProvenance } from '../../harness/store/provenance.js';

export interface TimedTrial {
  record: TrialRecord;
  /** From the worker taking the trial to its record arriving in the parent, ms. */
  wallMs: number;
}

export interface PoolRun {
  wallMs: number;
  /** From the call to the first trial being handed to a ready worker (spawn, imports, backend, registries). */
  firstStartMs: number;
  trials: TimedTrial[];
}

/** Runs trials on the real worker pool (child processes, IPC, atomic store) into a throwaway run directory. */
export async function timedPool(
  trials: PlannedTrial[],
  workers: number,
  backend: BackendInfo,
  cacheDir: string,
): Promise<PoolRun> {
  const runDir = mkdtempSync(join(tmpdir(), 'reprobench-bench-run-'));
  const started = new Map<string, number>();
  const timed: TimedTrial[] = [];
  const t0 = performance.now();
  let firstStart = NaN;
  try {
    await runPool(trials, {
      workers,
      backend,
      host: hostProvenance(),
      cacheDir,
      runDir,
      cwd: process.cwd(),
      trialTimeoutMs: 30 * 60_000,
      events: {
        started: (_w, t) => {
          const now = performance.now();
          if (Number.isNaN(firstStart)) firstStart = now - t0;
          started.set(t.id, now);
        },
        finished: (_w, t, record) => {
          timed.push({ record, wallMs: performance.now() - started.get(t.id)! });
        },
      },
    });
  } finally {
    rmSync(runDir, { recursive: true, force: true });
  }
  const bad = timed.find((t) => t.record.status === 'failed' || t.record.status === 'timeout');
  if (bad) throw new Error(`benchmark trial ${bad.record.status}: ${bad.record.outcome.reason}`);
  return { wallMs: performance.now() - t0, firstStartMs: firstStart, trials: timed };
}
