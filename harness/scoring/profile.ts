/**
 * Performance profiles and the AlgoPerf benchmark score (DESIGN § AlgoPerf rules to mirror),
 * as computed by mlcommons/submissions_algorithms 12c8e4ea scoring/performance_profile.py
 * `compute_performance_profiles` and scoring/score_submissions.py `compute_leaderboard_score`.
 */

/** Per submission, per workload: a time (Infinity = not reached). */
export type TimeTable = Record<string, Record<string, number>>;

export interface Profile {
  /** The τ grid: `points` evenly spaced values from 1 to `maxTau`, last one exactly `maxTau`. */
  taus: number[];
  /** ρ(τ) per submission, one value per τ. */
  rho: Record<string, number[]>;
}

/** numpy.linspace(start, stop, n): start + i·step, with the last point set to stop exactly. */
export function linspace(start: number, stop: number, n: number): number[] {
  if (!Number.isInteger(n) || n < 2) throw new RangeError(`linspace needs at least 2 points, got ${n}`);
  const step = (stop - start) / (n - 1);
  const xs = Array.from({ length: n }, (_, i) => i * step + start);
  xs[n - 1] = stop;
  return xs;
}

/** The fastest time per workload over the submissions (Infinity when nobody reached it). */
export function bestTimes(times: TimeTable, workloads: readonly string[]): Record<string, number> {
  return Object.fromEntries(
    workloads.map((w) => [w, Math.min(Infinity, ...Object.values(times).map((row) => row[w] ?? Infinity))]),
  );
}

/**
 * Sets to Infinity every time above `maxRatio` × the workload's best time ("r > 4 counts as
 * infinite"; r = 4 exactly stays finite, as AlgoPerf's `x > 4 * best_scores`).
 */
export function dropBeyondRatio(times: TimeTable, workloads: readonly string[], maxRatio: number): TimeTable {
  const best = bestTimes(times, workloads);
  return Object.fromEntries(
    Object.entries(times).map(([s, row]) => [
      s,
      Object.fromEntries(
        workloads.map((w) => [w, (row[w] ?? Infinity) > maxRatio * best[w]! ? Infinity : (row[w] ?? Infinity)]),
      ),
    ]),
  );
}

/**
 * r = t / (fastest t on that workload in the pool). A workload nobody reached gives r = Infinity
 * for everyone (AlgoPerf's inf/inf is NaN, which `DataFrame.update` skips, leaving inf).
 */
export function performanceRatios(times: TimeTable, workloads: readonly string[]): TimeTable {
  const best = bestTimes(times, workloads);
  return Object.fromEntries(
    Object.entries(times).map(([s, row]) => [
      s,
      Object.fromEntries(
        workloads.map((w) => [w, Number.isFinite(best[w]!) ? (row[w] ?? Infinity) / best[w]! : Infinity]),
      ),
    ]),
  );
}

/**
 * ρ(τ) = (number of workloads with r ≤ τ) / `workloadCount`. The count is the version's number of
 * base workloads, not the number a submission ran: a workload it lacks counts as never reached.
 */
export function performanceProfile(
  ratios: TimeTable,
  workloads: readonly string[],
  opts: { maxTau?: number; points?: number; workloadCount?: number } = {},
): Profile {
  const taus = linspace(1, opts.maxTau ?? 4, opts.points ?? 100);
  const n = opts.workloadCount ?? workloads.length;
  const rho = Object.fromEntries(
    Object.entries(ratios).map(([s, row]) => [
      s,
      taus.map((tau) => workloads.filter((w) => (row[w] ?? Infinity) <= tau).length / n),
    ]),
  );
  return { taus, rho };
}

/** Trapezoid area under (xs, ys), summed left to right (numpy.trapz). */
export function trapezoid(ys: readonly number[], xs: readonly number[]): number {
  let area = 0;
  for (let i = 1; i < xs.length; i++) area += ((xs[i]! - xs[i - 1]!) * (ys[i]! + ys[i - 1]!)) / 2;
  return area;
}

/** Benchmark score: the area under ρ over [1, maxTau] divided by (maxTau − 1); 1 = fastest everywhere. */
export function benchmarkScore(rho: readonly number[], taus: readonly number[]): number {
  return trapezoid(rho, taus) / (taus[taus.length - 1]! - taus[0]!);
}
