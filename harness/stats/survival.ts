import { ReprobenchError } from '../errors.js';
import { normQuantile } from './distributions.js';
import { requireFinite, requireProbability, requireSameLength } from './validate.js';

/** Kaplan–Meier estimate of a right-censored sample (time-to-target, censored at the budget). */
export interface KaplanMeier {
  /** Distinct times at which at least one event (target reached) happened, ascending. */
  times: number[];
  /** Number at risk just before each time. */
  atRisk: number[];
  /** Number of events at each time. */
  events: number[];
  /** S(t) just after each time. */
  survival: number[];
  /** Greenwood standard error of S(t); 0 where S(t) = 0. */
  standardError: number[];
  /** Pointwise lower confidence limit (complementary log-log transform). */
  lower: number[];
  /** Pointwise upper confidence limit. */
  upper: number[];
  /** KM median (see {@link kaplanMeier}); null when S(t) never falls to 0.5. */
  median: number | null;
  /** CI of the median by inverting the pointwise cloglog test (statsmodels' `quantile_ci`); null ends are unbounded or undefined. */
  medianCI: [number | null, number | null];
  /** Sample size. */
  n: number;
  /** Number of censored observations. */
  censored: number;
  confidence: number;
}

/** Options of {@link kaplanMeier}. */
export interface KaplanMeierOptions {
  /** @default 0.95 */
  confidence?: number;
}

// S(t) computed as a product can land a hair off 0.5 where the exact value is 0.5.
const HALF_TOL = 1e-12;

/**
 * Kaplan–Meier estimator with Greenwood variance; matches statsmodels `SurvfuncRight`
 * (`surv_prob`, `surv_prob_se`). The pointwise CI uses the complementary log-log transform,
 * the default transform of statsmodels' `quantile_ci` (and of SAS/R's log-log option), so it
 * stays inside [0, 1]. The median is the first time S(t) ≤ 0.5, except that where S(t) equals
 * 0.5 exactly up to the next event time the midpoint of the two is taken (R's convention; it
 * equals the sample median when nothing is censored). statsmodels' `quantile(0.5)` uses a strict
 * S(t) < 0.5 and so returns the later time there.
 * @throws ReprobenchError `E_STATS_INPUT` on empty, negative or non-finite times or mismatched lengths.
 */
export function kaplanMeier(
  times: readonly number[],
  events: readonly boolean[],
  options: KaplanMeierOptions = {},
): KaplanMeier {
  requireFinite(times, 'times');
  requireSameLength(times, events, 'kaplanMeier');
  if (times.some((t) => t < 0)) {
    throw new ReprobenchError(
      'E_STATS_INPUT',
      'a time-to-target is negative',
      'times are steps (or seconds) from the start, so >= 0',
    );
  }
  const confidence = options.confidence ?? 0.95;
  requireProbability(confidence, 'confidence');
  const z = normQuantile(1 - (1 - confidence) / 2);
  const order = times.map((_, i) => i).sort((i, j) => (times[i] as number) - (times[j] as number));
  const out: KaplanMeier = {
    times: [],
    atRisk: [],
    events: [],
    survival: [],
    standardError: [],
    lower: [],
    upper: [],
    median: null,
    medianCI: [null, null],
    n: times.length,
    censored: events.filter((e) => !e).length,
    confidence,
  };
  let atRisk = times.length;
  let s = 1;
  let greenwood = 0;
  let i = 0;
  while (i < order.length) {
    const t = times[order[i] as number] as number;
    let d = 0;
    let leaving = 0;
    while (i < order.length && times[order[i] as number] === t) {
      if (events[order[i] as number]) d++;
      leaving++;
      i++;
    }
    if (d > 0) {
      s *= 1 - d / atRisk;
      // Greenwood's sum diverges when everyone at risk has the event; S is then 0 and so is its SE.
      greenwood = d === atRisk ? Infinity : greenwood + d / (atRisk * (atRisk - d));
      const se = s > 0 ? s * Math.sqrt(greenwood) : 0;
      out.times.push(t);
      out.atRisk.push(atRisk);
      out.events.push(d);
      out.survival.push(s);
      out.standardError.push(se);
      const [lo, hi] = cloglogLimits(s, se, z);
      out.lower.push(lo);
      out.upper.push(hi);
    }
    atRisk -= leaving;
  }
  out.median = kmMedian(out.times, out.survival);
  out.medianCI = medianCI(out, z);
  return out;
}

function cloglogLimits(s: number, se: number, z: number): [number, number] {
  if (s <= 0) return [0, 0];
  if (s >= 1 || se === 0) return [s, s];
  const logS = Math.log(s);
  const g = Math.log(-logS);
  const seG = se / Math.abs(s * logS);
  return [Math.exp(-Math.exp(g + z * seG)), Math.exp(-Math.exp(g - z * seG))];
}

function kmMedian(times: readonly number[], survival: readonly number[]): number | null {
  for (let i = 0; i < survival.length; i++) {
    const s = survival[i] as number;
    if (Math.abs(s - 0.5) <= HALF_TOL) {
      const next = times[i + 1];
      return next === undefined ? (times[i] as number) : ((times[i] as number) + next) / 2;
    }
    if (s < 0.5) return times[i] as number;
  }
  return null;
}

function medianCI(km: KaplanMeier, z: number): [number | null, number | null] {
  const g = (x: number): number => Math.log(-Math.log(x));
  const inside: number[] = [];
  km.survival.forEach((s, i) => {
    const se = km.standardError[i] as number;
    if (s <= 0 || s >= 1 || se === 0) return;
    const r = (g(s) - g(0.5)) / ((1 / (s * Math.log(s))) * se);
    if (Math.abs(r) <= z) inside.push(i);
  });
  if (inside.length === 0) return [null, null];
  const first = inside[0] as number;
  const last = inside[inside.length - 1] as number;
  return [km.times[first] as number, last === km.times.length - 1 ? null : (km.times[last + 1] as number)];
}

/**
 * Restricted mean time to target: the area under the KM curve from 0 to `horizon` (the budget).
 * Defined even when the median is not (most runs censored), which is why time-to-target speedups
 * fall back to it.
 * @throws ReprobenchError `E_STATS_INPUT` when horizon is not a positive finite number.
 */
export function restrictedMean(km: Pick<KaplanMeier, 'times' | 'survival'>, horizon: number): number {
  if (!(Number.isFinite(horizon) && horizon > 0)) {
    throw new ReprobenchError(
      'E_STATS_INPUT',
      `restricted-mean horizon is ${String(horizon)}`,
      'pass the budget (a positive number of steps)',
    );
  }
  let area = 0;
  let prevT = 0;
  let s = 1;
  for (let i = 0; i < km.times.length; i++) {
    const t = km.times[i] as number;
    if (t >= horizon) break;
    area += s * (t - prevT);
    prevT = t;
    s = km.survival[i] as number;
  }
  return area + s * (horizon - prevT);
}
