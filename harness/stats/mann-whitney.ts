import { ReprobenchError } from '../errors.js';
import { normSf } from './distributions.js';
import { exactFeasible, mannWhitneyExactSf } from './mann-whitney-exact.js';
import { rankAverage } from './rank.js';
import { requireAlternative, requireFinite, type Alternative } from './validate.js';

/** How the Mann–Whitney p-value is computed, as scipy's `method`. */
export type MannWhitneyMethod = 'exact' | 'asymptotic' | 'auto';

/** Options of {@link mannWhitneyU}. */
export interface MannWhitneyOptions {
  /** 'greater': a tends to be larger than b. @default 'two-sided' */
  alternative?: Alternative;
  /** 'auto' uses the exact null when either sample has at most 8 values and there are no ties (and the null is small enough to enumerate). @default 'auto' */
  method?: MannWhitneyMethod;
  /** Continuity correction of the normal approximation. @default true */
  continuity?: boolean;
}

/** Result of {@link mannWhitneyU}. */
export interface MannWhitneyResult {
  /** U of `a`: the number of pairs with a > b, ties counting one half (scipy's statistic). */
  statistic: number;
  pValue: number;
  /** The method actually used ('auto' resolved). */
  method: 'exact' | 'asymptotic';
  /** P(A > B) + P(A = B)/2 = U / (n_a n_b). */
  probabilityOfSuperiority: number;
}

/**
 * Mann–Whitney U test; matches `scipy.stats.mannwhitneyu` (scipy ≥ 1.7) for every method and
 * alternative. The exact method ignores ties, as scipy does (its p-value is then conservative);
 * 'auto' never picks it when there are ties. When every value is tied the normal approximation
 * has zero variance; the p-value is then 1 (scipy returns 1 with the continuity correction and
 * NaN without).
 * @throws ReprobenchError `E_STATS_INPUT` on empty or non-finite samples, an unknown option, or
 *   an exact request too large to enumerate.
 */
export function mannWhitneyU(
  a: readonly number[],
  b: readonly number[],
  options: MannWhitneyOptions = {},
): MannWhitneyResult {
  requireFinite(a, 'a');
  requireFinite(b, 'b');
  const alternative = options.alternative ?? 'two-sided';
  requireAlternative(alternative);
  const requested = options.method ?? 'auto';
  if (requested !== 'exact' && requested !== 'asymptotic' && requested !== 'auto') {
    throw new ReprobenchError(
      'E_STATS_INPUT',
      `unknown Mann–Whitney method '${String(requested)}'`,
      "use 'exact', 'asymptotic' or 'auto'",
    );
  }
  const n1 = a.length;
  const n2 = b.length;
  const { ranks, ties } = rankAverage([...a, ...b]);
  let r1 = 0;
  for (let i = 0; i < n1; i++) r1 += ranks[i] as number;
  const u1 = r1 - (n1 * (n1 + 1)) / 2;
  const u2 = n1 * n2 - u1;
  const hasTies = ties.some((t) => t > 1);
  // Beyond scipy's rule, 'auto' also avoids an exact null too large to enumerate (one tiny sample
  // against a huge one), where the approximation is accurate anyway.
  const method =
    requested === 'auto'
      ? (n1 > 8 && n2 > 8) || hasTies || !exactFeasible(n1, n2)
        ? 'asymptotic'
        : 'exact'
      : requested;
  const [u, factor] = alternative === 'greater' ? [u1, 1] : alternative === 'less' ? [u2, 1] : [Math.max(u1, u2), 2];
  let p: number;
  if (method === 'exact') {
    // scipy truncates a tied (half-integer) U before the exact lookup; do the same.
    p = mannWhitneyExactSf(Math.trunc(u), n1, n2);
  } else {
    const n = n1 + n2;
    const tieTerm = ties.reduce((s, t) => s + t * t * t - t, 0);
    const s = Math.sqrt(((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1))));
    const num = u - (n1 * n2) / 2 - ((options.continuity ?? true) ? 0.5 : 0);
    p = s > 0 ? normSf(num / s) : 1;
  }
  return {
    statistic: u1,
    pValue: Math.min(1, Math.max(0, p * factor)),
    method,
    probabilityOfSuperiority: u1 / (n1 * n2),
  };
}
