import type { BackendInfo } from '../../harness/backends/select.js';
import type { Registries } from '../../harness/core/registries.js';
import { timedPool } from './pool-run.js';
import { round } from './stats.js';
import { benchTrial } from './trial-spec.js';

/** Trials each worker runs in `reprobench run adan --preset standard` on 2 workers (36 tuning + 60 eval). */
export const ADAN_STANDARD_TRIALS_PER_WORKER = 48;

export interface OverheadReport {
  backend: string;
  trials: number;
  stepsPerTrial: number;
  /** Worker start: process spawn, imports, backend, registries (once per worker per run), s. */
  workerStartSeconds: number;
  /** Per trial: wall time in the pool, training steps, evals, and the rest (setup, data, IPC, store), s. */
  perTrial: Array<{
    wallSeconds: number;
    trainSeconds: number;
    evalSeconds: number;
    overheadSeconds: number;
    overheadFraction: number;
  }>;
  /** Share of a trial's pool time that is neither training steps nor evals, median over the trials after a worker's first. */
  steadyStateFraction: number;
  /**
   * The share over a whole adan standard run on this worker (48 trials): worker start, the first
   * trial as measured (it also loads the dataset and warms the JIT), then 47 trials like the median one.
   */
  amortisedFraction: number;
  /** This run alone (worker start over its own few trials). */
  thisRunFraction: number;
}

/**
 * Harness overhead as DESIGN counts time: a trial's wall time on the worker pool minus its
 * training steps (which include building batches, as AlgoPerf times them) and its evals.
 */
export async function measureOverhead(
  registries: Registries,
  backend: BackendInfo,
  trials: number,
  steps: number,
  cacheDir: string,
): Promise<OverheadReport> {
  const planned = Array.from({ length: trials }, (_, i) => benchTrial(registries, backend, i, steps));
  const run = await timedPool(planned, 1, backend, cacheDir);
  const perTrial = run.trials.map(({ record, wallMs }) => {
    const wallSeconds = wallMs / 1000;
    const { trainSeconds, evalSeconds } = record.outcome;
    const overheadSeconds = wallSeconds - trainSeconds - evalSeconds;
    return { wallSeconds, trainSeconds, evalSeconds, overheadSeconds, overheadFraction: overheadSeconds / wallSeconds };
  });
  const sum = (f: (t: (typeof perTrial)[number]) => number) => perTrial.reduce((s, t) => s + f(t), 0);
  const later = perTrial.length > 1 ? perTrial.slice(1) : perTrial;
  const mid = [...later].sort((a, b) => a.overheadFraction - b.overheadFraction)[Math.floor((later.length - 1) / 2)]!;
  const first = perTrial[0]!;
  const start = run.firstStartMs / 1000;
  const n = ADAN_STANDARD_TRIALS_PER_WORKER;
  return {
    backend: backend.name,
    trials,
    stepsPerTrial: steps,
    workerStartSeconds: round(start, 4),
    perTrial: perTrial.map((t) =>
      Object.fromEntries(Object.entries(t).map(([k, v]) => [k, round(v, 4)])),
    ) as OverheadReport['perTrial'],
    steadyStateFraction: round(mid.overheadFraction, 3),
    amortisedFraction: round(
      (start + first.overheadSeconds + (n - 1) * mid.overheadSeconds) /
        (start + first.wallSeconds + (n - 1) * mid.wallSeconds),
      3,
    ),
    thisRunFraction: round((run.wallMs / 1000 - sum((t) => t.trainSeconds + t.evalSeconds)) / (run.wallMs / 1000), 3),
  };
}
