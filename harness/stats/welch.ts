import { mean, variance } from './descriptives.js';
import { tResult, type TTestResult } from './t-common.js';
import { requireAlternative, requireFinite, requireProbability, type Alternative } from './validate.js';

/** Options of the t-tests. */
export interface TTestOptions {
  /** @default 'two-sided' */
  alternative?: Alternative;
  /** Confidence level of `ci`. @default 0.95 */
  confidence?: number;
}

/**
 * Welch's unequal-variance t-test of mean(a) − mean(b), p-value from the exact t distribution
 * with Welch–Satterthwaite df; matches `scipy.stats.ttest_ind(a, b, equal_var=False)`.
 * With both variances 0 the df is taken as n_a + n_b − 2 (the Satterthwaite limit is 0/0).
 * @throws ReprobenchError `E_STATS_INPUT` when a sample has fewer than 2 values or a non-finite one.
 */
export function welchTTest(a: readonly number[], b: readonly number[], options: TTestOptions = {}): TTestResult {
  requireFinite(a, 'a', 2);
  requireFinite(b, 'b', 2);
  const alternative = options.alternative ?? 'two-sided';
  requireAlternative(alternative);
  const confidence = options.confidence ?? 0.95;
  requireProbability(confidence, 'confidence');
  const { se, df } = welchSe(a, b);
  return tResult(mean(a) - mean(b), se, df, alternative, confidence);
}

/**
 * Standard error of mean(a) − mean(b) and its Welch–Satterthwaite degrees of freedom.
 * @throws ReprobenchError `E_STATS_INPUT` when a sample has fewer than 2 values.
 */
export function welchSe(a: readonly number[], b: readonly number[]): { se: number; df: number } {
  const va = variance(a) / a.length;
  const vb = variance(b) / b.length;
  const v = va + vb;
  // Scaled by the larger variance so that tiny variances do not underflow to 0/0.
  const m = Math.max(va, vb);
  const ra = va / m;
  const rb = vb / m;
  const df =
    m > 0
      ? ((ra + rb) * (ra + rb)) / ((ra * ra) / (a.length - 1) + (rb * rb) / (b.length - 1))
      : a.length + b.length - 2;
  return { se: Math.sqrt(v), df };
}
