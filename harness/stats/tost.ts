import { ReprobenchError } from '../errors.js';
import { mean, variance } from './descriptives.js';
import { tResult } from './t-common.js';
import { welchSe } from './welch.js';
import { requireFinite, requireProbability, requireSameLength } from './validate.js';

/** Options of {@link tost} and {@link pairedTost}. */
export interface TostOptions {
  /** Equivalence margin δ > 0: H1 is −δ < mean(a) − mean(b) < δ. */
  margin: number;
  /** 'relative': δ is a fraction of |mean(b)| (the baseline mean). @default 'absolute' */
  marginUnits?: 'absolute' | 'relative';
  /** Level of each one-sided test; `equivalent` is pValue < alpha and `ci` has level 1 − 2·alpha. @default 0.05 */
  alpha?: number;
}

/** One of TOST's two one-sided tests. */
export interface OneSidedTest {
  statistic: number;
  pValue: number;
}

/** Result of {@link tost}. */
export interface TostResult {
  /** max of the two one-sided p-values. */
  pValue: number;
  /** pValue < alpha. */
  equivalent: boolean;
  /** mean(a) − mean(b). */
  estimate: number;
  /** The equivalence bounds in absolute units, [−δ, δ]. */
  bounds: [number, number];
  /** H0: difference ≤ −δ (statsmodels' first test). */
  lower: OneSidedTest;
  /** H0: difference ≥ +δ. */
  upper: OneSidedTest;
  df: number;
  standardError: number;
  /** The (1 − 2α) CI of the difference; equivalence holds exactly when it lies inside the bounds. */
  ci: [number, number];
  alpha: number;
}

/**
 * Resolves a margin to absolute units.
 * @throws ReprobenchError `E_STATS_INPUT` on a non-positive margin or a relative margin with a zero baseline mean.
 */
export function absoluteMargin(margin: number, units: 'absolute' | 'relative', baselineMean: number): number {
  if (!(Number.isFinite(margin) && margin > 0)) {
    throw new ReprobenchError(
      'E_STATS_INPUT',
      `equivalence margin is ${String(margin)}`,
      'pass a positive margin (e.g. 0.05 relative = 5% of the baseline mean)',
    );
  }
  if (units === 'absolute') return margin;
  if (units !== 'relative')
    throw new ReprobenchError(
      'E_STATS_INPUT',
      `unknown margin units '${String(units)}'`,
      "use 'absolute' or 'relative'",
    );
  if (baselineMean === 0) {
    throw new ReprobenchError(
      'E_STATS_INPUT',
      'a relative margin needs a non-zero baseline mean',
      "use marginUnits: 'absolute'",
    );
  }
  return margin * Math.abs(baselineMean);
}

function finish(estimate: number, se: number, df: number, delta: number, alpha: number): TostResult {
  const lo = tResult(estimate + delta, se, df, 'greater', 1 - 2 * alpha);
  const hi = tResult(estimate - delta, se, df, 'less', 1 - 2 * alpha);
  const two = tResult(estimate, se, df, 'two-sided', 1 - 2 * alpha);
  const pValue = Math.max(lo.pValue, hi.pValue);
  return {
    pValue,
    equivalent: pValue < alpha,
    estimate,
    bounds: [-delta, delta],
    lower: { statistic: lo.statistic, pValue: lo.pValue },
    upper: { statistic: hi.statistic, pValue: hi.pValue },
    df,
    standardError: se,
    ci: two.ci,
    alpha,
  };
}

/**
 * Two one-sided Welch t-tests (TOST) for equivalence of mean(a) and mean(b) within ±δ; matches
 * statsmodels `ttost_ind(a, b, -δ, δ, usevar='unequal')`. Relative margins are a fraction of the
 * baseline `b`'s mean.
 * @throws ReprobenchError `E_STATS_INPUT` on samples with fewer than 2 values, non-finite values or a bad margin.
 */
export function tost(a: readonly number[], b: readonly number[], options: TostOptions): TostResult {
  requireFinite(a, 'a', 2);
  requireFinite(b, 'b', 2);
  const alpha = options.alpha ?? 0.05;
  requireProbability(alpha, 'alpha');
  const delta = absoluteMargin(options.margin, options.marginUnits ?? 'absolute', mean(b));
  const { se, df } = welchSe(a, b);
  return finish(mean(a) - mean(b), se, df, delta, alpha);
}

/**
 * TOST on paired differences a − b (one-sample t-tests against ±δ); matches statsmodels
 * `ttost_paired(a, b, -δ, δ)`.
 * @throws ReprobenchError `E_STATS_INPUT` on unequal lengths, fewer than 2 pairs, non-finite values or a bad margin.
 */
export function pairedTost(a: readonly number[], b: readonly number[], options: TostOptions): TostResult {
  requireFinite(a, 'a', 2);
  requireFinite(b, 'b', 2);
  requireSameLength(a, b, 'pairedTost');
  const alpha = options.alpha ?? 0.05;
  requireProbability(alpha, 'alpha');
  const delta = absoluteMargin(options.margin, options.marginUnits ?? 'absolute', mean(b));
  const d = a.map((x, i) => x - (b[i] as number));
  return finish(mean(d), Math.sqrt(variance(d) / d.length), d.length - 1, delta, alpha);
}
