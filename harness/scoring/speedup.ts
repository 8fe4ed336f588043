import { ReprobenchError } from '../errors.js';

/** One workload's entry in a speedup comparison. */
export interface SpeedupRow {
  workload: string;
  /** Times after replacing Infinity by budget + 1 s. */
  method: number;
  reference: number;
  /** method / reference: below 1 means the method is faster. */
  timeRatio: number;
}

export interface SpeedupResult {
  reference: string;
  /** Geometric mean of method/reference time ratios over the workloads (AlgoPerf's "speedup" column). */
  timeRatio: number;
  /** 1 / timeRatio: how many times faster the method is on (geometric) average. */
  speedup: number;
  rows: SpeedupRow[];
}

/**
 * Geometric-mean speedup against a reference method, as AlgoPerf's secondary metric
 * (mlcommons/submissions_algorithms 12c8e4ea scoring/compute_speedups.py): per base workload,
 * the raw median times (no held-out or 4× rule), Infinity replaced by the workload's budget + 1
 * second, then the geometric mean of method / reference. AlgoPerf reports that ratio (below 1 is
 * faster) and the saving 1 − ratio; reprobench also gives its inverse, the speedup.
 * AlgoPerf's script hard-codes the v0.5 budgets for every version; reprobench uses the budgets of
 * the version (or of the pool's own workloads) being scored.
 * @param budgets per workload, in the same unit as the times
 * @throws ReprobenchError E_SCORING_INPUT when a workload lacks a budget
 */
export function geometricMeanSpeedup(
  method: Record<string, number>,
  reference: Record<string, number>,
  workloads: readonly string[],
  budgets: Record<string, number | undefined>,
  referenceName = 'reference',
): SpeedupResult {
  const rows = workloads.map((w) => {
    const budget = budgets[w];
    const fill = (t: number | undefined) => {
      if (t !== undefined && Number.isFinite(t)) return t;
      if (budget === undefined) {
        throw new ReprobenchError(
          'E_SCORING_INPUT',
          `no budget for workload ${w}, so an unreached target cannot be replaced by budget + 1 s`,
          'every workload needs a budget on the scored time axis: imported AlgoPerf results carry max_allowed_runtime in seconds (none in steps, so use --time-axis seconds); other pools need budget.seconds or budget.steps',
        );
      }
      return budget + 1;
    };
    const m = fill(method[w]);
    const r = fill(reference[w]);
    return { workload: w, method: m, reference: r, timeRatio: m / r };
  });
  const logMean = rows.reduce((s, r) => s + Math.log(r.timeRatio), 0) / rows.length;
  const timeRatio = rows.length ? Math.exp(logMean) : NaN;
  return { reference: referenceName, timeRatio, speedup: 1 / timeRatio, rows };
}
