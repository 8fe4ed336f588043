import { mean as ssMean, median as ssMedian, sampleVariance } from 'simple-statistics';
import { ReprobenchError } from '../errors.js';
import { requireFinite } from './validate.js';

/**
 * Arithmetic mean.
 * @throws ReprobenchError `E_STATS_INPUT` on empty or non-finite input.
 */
export function mean(xs: readonly number[]): number {
  requireFinite(xs, 'sample');
  return ssMean(xs);
}

/**
 * Sample variance (n − 1 denominator); 0 for a single value is not defined, so n ≥ 2 is required.
 * @throws ReprobenchError `E_STATS_INPUT` with fewer than 2 values or non-finite input.
 */
export function variance(xs: readonly number[]): number {
  requireFinite(xs, 'sample', 2);
  return sampleVariance(xs);
}

/**
 * Sample standard deviation (n − 1 denominator).
 * @throws ReprobenchError `E_STATS_INPUT` with fewer than 2 values or non-finite input.
 */
export function sd(xs: readonly number[]): number {
  return Math.sqrt(variance(xs));
}

/**
 * Median (mean of the two middle values for even n).
 * @throws ReprobenchError `E_STATS_INPUT` on empty or non-finite input.
 */
export function median(xs: readonly number[]): number {
  requireFinite(xs, 'sample');
  return ssMedian(xs);
}

/**
 * The p-quantile with linear interpolation between order statistics (Hyndman–Fan type 7,
 * numpy's default). simple-statistics uses a different rule; bootstrap percentiles must agree
 * with numpy to 1e-9, hence this hand-written version.
 * @throws ReprobenchError `E_STATS_INPUT` on empty input or p outside [0, 1].
 */
export function quantile(xs: readonly number[], p: number): number {
  requireFinite(xs, 'sample');
  return quantileSorted(
    [...xs].sort((x, y) => x - y),
    p,
  );
}

/**
 * Type-7 quantile of an already ascending-sorted array (no copy, no validation of order).
 * @throws ReprobenchError `E_STATS_INPUT` on empty input or p outside [0, 1].
 */
export function quantileSorted(sorted: readonly number[], p: number): number {
  if (!(p >= 0 && p <= 1)) {
    throw new ReprobenchError(
      'E_STATS_INPUT',
      `quantile level ${String(p)} is outside [0, 1]`,
      'pass a probability such as 0.25',
    );
  }
  const n = sorted.length;
  if (n === 0) throw new ReprobenchError('E_STATS_INPUT', 'quantile of an empty sample', 'pass a non-empty sample');
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo] as number;
  if (lo + 1 >= n) return a;
  const b = sorted[lo + 1] as number;
  const t = h - lo;
  // numpy's _lerp: interpolate from the nearer end so that t = 1 returns b exactly.
  return t >= 0.5 ? b - (b - a) * (1 - t) : a + (b - a) * t;
}

/**
 * Interquartile mean: the mean after cutting floor(n/4) values from each end, as
 * `scipy.stats.trim_mean(x, 0.25)` and rliable's IQM do.
 * @throws ReprobenchError `E_STATS_INPUT` on empty or non-finite input.
 */
export function iqm(xs: readonly number[]): number {
  requireFinite(xs, 'sample');
  const sorted = [...xs].sort((x, y) => x - y);
  const cut = Math.floor(0.25 * sorted.length);
  return ssMean(sorted.slice(cut, sorted.length - cut));
}

/**
 * Geometric mean, as exp(mean(log x)); simple-statistics multiplies first, which overflows for
 * long samples of large step counts.
 * @throws ReprobenchError `E_STATS_INPUT` on empty, non-finite or non-positive input.
 */
export function geometricMean(xs: readonly number[]): number {
  requireFinite(xs, 'sample');
  if (xs.some((x) => x <= 0)) {
    throw new ReprobenchError(
      'E_STATS_INPUT',
      'geometric mean of a sample with a value <= 0',
      'geometric means (speedups, ratios) need positive values',
    );
  }
  return Math.exp(ssMean(xs.map(Math.log)));
}

/** Summary of one sample. */
export interface Summary {
  /** Number of values. */
  n: number;
  mean: number;
  /** Sample SD (n − 1); 0 when n = 1. */
  sd: number;
  median: number;
  /** Interquartile mean (25% trimmed). */
  iqm: number;
  min: number;
  max: number;
  /** Type-7 quartiles [q25, q75]. */
  quartiles: [number, number];
}

/**
 * Everything a results table shows for one arm. A single value gets sd = 0 so that a one-seed
 * smoke run still renders; tests that need a variance reject n = 1 themselves.
 * @throws ReprobenchError `E_STATS_INPUT` on empty or non-finite input.
 */
export function summarize(xs: readonly number[]): Summary {
  requireFinite(xs, 'sample');
  const sorted = [...xs].sort((x, y) => x - y);
  return {
    n: xs.length,
    mean: ssMean(sorted),
    sd: xs.length > 1 ? Math.sqrt(sampleVariance(sorted)) : 0,
    median: quantileSorted(sorted, 0.5),
    iqm: iqm(sorted),
    min: sorted[0] as number,
    max: sorted[sorted.length - 1] as number,
    quartiles: [quantileSorted(sorted, 0.25), quantileSorted(sorted, 0.75)],
  };
}
