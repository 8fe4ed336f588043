import { studentTCdf, studentTQuantile, studentTSf } from './distributions.js';
import type { Alternative } from './validate.js';

/** Result of a t-test (Welch, paired or one-sample). */
export interface TTestResult {
  /** The t statistic; ±Infinity when the standard error is 0 but the difference is not. */
  statistic: number;
  /** Degrees of freedom (fractional for Welch). */
  df: number;
  pValue: number;
  /** The estimated mean difference (a − b, or mean − mu). */
  estimate: number;
  /** Standard error of the estimate. */
  standardError: number;
  /** CI of the difference at `confidence`; one-sided alternatives give a half-infinite interval, as scipy does. */
  ci: [number, number];
  alternative: Alternative;
  confidence: number;
}

/**
 * p-value and CI of a t statistic. A zero standard error (e.g. identical samples, where scipy
 * returns NaN) gets a defined answer: no difference → t = 0, p = 1 two-sided and 0.5 one-sided
 * (the limit under vanishing noise); a difference → t = ±Infinity and the matching p-value 0 or 1.
 */
export function tResult(
  estimate: number,
  se: number,
  df: number,
  alternative: Alternative,
  confidence: number,
): TTestResult {
  let statistic: number;
  if (se > 0) statistic = estimate / se;
  else statistic = estimate === 0 ? 0 : estimate > 0 ? Infinity : -Infinity;
  let pValue: number;
  if (se === 0 && estimate === 0) pValue = alternative === 'two-sided' ? 1 : 0.5;
  else if (alternative === 'two-sided') pValue = Math.min(1, 2 * studentTSf(Math.abs(statistic), df));
  else if (alternative === 'less') pValue = studentTCdf(statistic, df);
  else pValue = studentTSf(statistic, df);
  let ci: [number, number];
  if (alternative === 'two-sided') {
    const q = se > 0 ? studentTQuantile(1 - (1 - confidence) / 2, df) * se : 0;
    ci = [estimate - q, estimate + q];
  } else {
    const q = se > 0 ? studentTQuantile(confidence, df) * se : 0;
    ci = alternative === 'less' ? [-Infinity, estimate + q] : [estimate - q, Infinity];
  }
  return { statistic, df, pValue, estimate, standardError: se, ci, alternative, confidence };
}
