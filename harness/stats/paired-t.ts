import { mean, variance } from './descriptives.js';
import { tResult, type TTestResult } from './t-common.js';
import type { TTestOptions } from './welch.js';
import { requireAlternative, requireFinite, requireProbability, requireSameLength } from './validate.js';

/**
 * One-sample t-test of mean(xs) − mu.
 * @throws ReprobenchError `E_STATS_INPUT` with fewer than 2 values or a non-finite one.
 */
export function oneSampleTTest(xs: readonly number[], mu = 0, options: TTestOptions = {}): TTestResult {
  requireFinite(xs, 'sample', 2);
  const alternative = options.alternative ?? 'two-sided';
  requireAlternative(alternative);
  const confidence = options.confidence ?? 0.95;
  requireProbability(confidence, 'confidence');
  const se = Math.sqrt(variance(xs) / xs.length);
  return tResult(mean(xs) - mu, se, xs.length - 1, alternative, confidence);
}

/**
 * Paired t-test of mean(a − b) (repeat i of `a` paired with repeat i of `b`); matches
 * `scipy.stats.ttest_rel(a, b)` including its confidence interval.
 * @throws ReprobenchError `E_STATS_INPUT` when lengths differ, with fewer than 2 pairs, or on non-finite values.
 */
export function pairedTTest(a: readonly number[], b: readonly number[], options: TTestOptions = {}): TTestResult {
  requireFinite(a, 'a', 2);
  requireFinite(b, 'b', 2);
  requireSameLength(a, b, 'pairedTTest');
  return oneSampleTTest(
    a.map((x, i) => x - (b[i] as number)),
    0,
    options,
  );
}
