import type { ArmSummary } from '../../harness/analysis/arm-summary.js';
import { kaplanMeier, probabilityOfSuperiority, type KaplanMeier } from '../../harness/stats/index.js';

/** A time-to-target distribution with censoring, summarised by Kaplan–Meier. */
export interface TimeSummary {
  /** KM median; null when fewer than half the seeds reached the target. */
  median: number | null;
  /** KM quartiles: when 25% and 75% of seeds had reached it (null if never). */
  q1: number | null;
  q3: number | null;
  /** 95% CI of the KM median (statsmodels quantile_ci); null ends are unbounded. */
  ci: [number | null, number | null];
  km: Pick<KaplanMeier, 'times' | 'survival' | 'lower' | 'upper'>;
}

/** The first time the KM curve drops to or below `level` (the (1 − level) quantile of time to target). */
function kmTime(km: KaplanMeier, level: number): number | null {
  const i = km.survival.findIndex((s) => s <= level + 1e-12);
  return i < 0 ? null : km.times[i]!;
}

export function timeSummary(values: number[], events: boolean[]): TimeSummary {
  // An arm whose every trial failed has no outcome to estimate from.
  if (values.length === 0)
    return {
      median: null,
      q1: null,
      q3: null,
      ci: [null, null],
      km: { times: [], survival: [], lower: [], upper: [] },
    };
  const km = kaplanMeier(values, events);
  return {
    median: km.median,
    q1: kmTime(km, 0.75),
    q3: kmTime(km, 0.25),
    ci: km.medianCI,
    km: { times: km.times, survival: km.survival, lower: km.lower, upper: km.upper },
  };
}

export interface Superiority {
  baseline: string;
  /** P(method needs fewer steps than the baseline) + ties/2, from all seeds (censored at the budget). */
  estimate: number;
  ci: [number, number];
}

/** P(A faster than B): the Mann–Whitney effect size on steps (censored seeds at the budget). */
export function fasterThan(method: ArmSummary, baseline: ArmSummary, seed: number): Superiority | null {
  if (method.n === 0 || baseline.n === 0) return null;
  const b = probabilityOfSuperiority(baseline.steps, method.steps, { seed, method: 'percentile', resamples: 2000 });
  return { baseline: baseline.method, estimate: b.estimate, ci: [b.lower, b.upper] };
}
