import { sampleRankCorrelation } from 'simple-statistics';
import { ReprobenchError } from '../errors.js';
import { studentTCdf, studentTSf } from './distributions.js';
import { requireAlternative, requireFinite, requireSameLength, type Alternative } from './validate.js';

export interface SpearmanResult {
  /** Spearman's ρ: the Pearson correlation of the midranks (simple-statistics' sampleRankCorrelation). */
  rho: number;
  /** t = ρ·√((n − 2)/(1 − ρ²)), ±Infinity when |ρ| = 1. */
  statistic: number;
  /** From Student's t with n − 2 degrees of freedom, as `scipy.stats.spearmanr` computes it. */
  pValue: number;
  n: number;
}

/**
 * Spearman rank correlation of paired samples with scipy's t-approximation p-value
 * (`scipy.stats.spearmanr(x, y, alternative=...)`; 'greater' tests ρ > 0).
 * @throws ReprobenchError `E_STATS_INPUT` with fewer than 3 pairs, unequal lengths, a non-finite
 *   value, or a sample whose values are all equal (ρ undefined).
 */
export function spearman(
  x: readonly number[],
  y: readonly number[],
  options: { alternative?: Alternative } = {},
): SpearmanResult {
  requireFinite(x, 'x', 3);
  requireFinite(y, 'y', 3);
  requireSameLength(x, y, 'spearman');
  const alternative = options.alternative ?? 'two-sided';
  requireAlternative(alternative);
  if (new Set(x).size === 1 || new Set(y).size === 1) {
    throw new ReprobenchError(
      'E_STATS_INPUT',
      'Spearman correlation of a sample whose values are all equal is undefined',
      'correlate samples that vary',
    );
  }
  const n = x.length;
  const rho = Math.max(-1, Math.min(1, sampleRankCorrelation([...x], [...y])));
  const df = n - 2;
  const statistic = Math.abs(rho) === 1 ? Math.sign(rho) * Infinity : rho * Math.sqrt(df / ((1 - rho) * (1 + rho)));
  const pValue =
    alternative === 'greater'
      ? studentTSf(statistic, df)
      : alternative === 'less'
        ? studentTCdf(statistic, df)
        : Math.min(1, 2 * studentTSf(Math.abs(statistic), df));
  return { rho, statistic, pValue, n };
}
