import tCdf from '@stdlib/stats-base-dists-t-cdf';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import gammainc from '@stdlib/math-base-special-gammainc';

/**
 * Thin wrappers over stdlib's distributions. Upper tails are computed from the lower tail of the
 * mirrored argument (or the upper incomplete gamma) rather than as 1 - cdf, so that tiny p-values
 * keep their relative precision and match scipy's `sf` to 1e-6 relative.
 */

/** P(T <= x) for Student's t with `df` degrees of freedom (df may be fractional, as in Welch). */
export function studentTCdf(x: number, df: number): number {
  if (x === Infinity) return 1;
  if (x === -Infinity) return 0;
  return tCdf(x, df);
}

/** P(T >= x) for Student's t. */
export function studentTSf(x: number, df: number): number {
  return studentTCdf(-x, df);
}

/** The p-quantile of Student's t. */
export function studentTQuantile(p: number, df: number): number {
  return tQuantile(p, df);
}

/** P(Z <= x) for the standard normal. */
export function normCdf(x: number): number {
  return normalCdf(x, 0, 1);
}

/** P(Z >= x) for the standard normal. */
export function normSf(x: number): number {
  return normalCdf(-x, 0, 1);
}

/** The p-quantile of the standard normal. */
export function normQuantile(p: number): number {
  return normalQuantile(p, 0, 1);
}

/** P(X >= x) for chi-square with `df` degrees of freedom. */
export function chiSquareSf(x: number, df: number): number {
  if (x <= 0) return 1;
  return gammainc(x / 2, df / 2, true, true);
}
