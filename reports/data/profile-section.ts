import {
  benchmarkScore,
  dropBeyondRatio,
  performanceProfile,
  performanceRatios,
  type TimeTable,
} from '../../harness/scoring/index.js';
import type { WorkloadReport } from './workload-report.js';

export interface ProfileSection {
  /** What the times are: KM median steps to target per method and workload. */
  basis: string;
  taus: number[];
  series: Array<{ name: string; rho: number[]; score: number }>;
  times: TimeTable;
}

/** AlgoPerf's maximum ratio: r > 4 counts as never reaching the target. */
const MAX_RATIO = 4;

/** Performance profiles over a claim's workloads (only meaningful with several). */
export function profileFromTimes(times: TimeTable, workloads: string[], basis: string): ProfileSection {
  const ratios = performanceRatios(dropBeyondRatio(times, workloads, MAX_RATIO), workloads);
  const profile = performanceProfile(ratios, workloads, { maxTau: MAX_RATIO });
  const series = Object.entries(profile.rho).map(([name, rho]) => ({
    name,
    rho,
    score: benchmarkScore(rho, profile.taus),
  }));
  return { basis, taus: profile.taus, series, times };
}

export function profileSection(workloads: WorkloadReport[]): ProfileSection | null {
  if (workloads.length < 2) return null;
  const times: TimeTable = {};
  for (const w of workloads) for (const a of w.arms) (times[a.method] ??= {})[w.workload] = a.steps.median ?? Infinity;
  return profileFromTimes(
    times,
    workloads.map((w) => w.workload),
    'Kaplan–Meier median steps to target per method and workload (Infinity where the median was not reached)',
  );
}
