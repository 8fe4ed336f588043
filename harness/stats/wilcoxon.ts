import { ReprobenchError } from '../errors.js';
import { normCdf, normSf } from './distributions.js';
import { rankAverage } from './rank.js';
import { requireAlternative, requireFinite, requireSameLength, type Alternative } from './validate.js';

/** Options of {@link wilcoxonSignedRank}. */
export interface WilcoxonOptions {
  /** 'greater': a − b tends to be positive. @default 'two-sided' */
  alternative?: Alternative;
  /**
   * 'auto' is exact for at most 50 non-zero differences without zeros or tied |differences|,
   * else asymptotic. scipy 1.10's 'auto' also goes exact with ties (and truncates the tied
   * statistic), which is not a valid null; that is the one place this deliberately differs.
   * @default 'auto'
   */
  method?: 'exact' | 'asymptotic' | 'auto';
  /** Treatment of zero differences, as scipy's `zero_method`. @default 'wilcox' */
  zeroMethod?: 'wilcox' | 'pratt' | 'zsplit';
  /** Continuity correction of the normal approximation. @default false (as scipy) */
  correction?: boolean;
}

/** Result of {@link wilcoxonSignedRank}. */
export interface WilcoxonResult {
  /** min(R+, R−) for two-sided, R+ for one-sided alternatives (scipy's convention). */
  statistic: number;
  pValue: number;
  method: 'exact' | 'asymptotic';
  /** Number of pairs with a non-zero difference. */
  nonZero: number;
}

/**
 * Wilcoxon signed-rank test of the paired differences a − b; matches `scipy.stats.wilcoxon`
 * (method 'exact' ↔ mode 'exact', 'asymptotic' ↔ 'approx'). When every difference is zero
 * (scipy raises) there is no evidence either way: statistic 0, p-value 1.
 * @throws ReprobenchError `E_STATS_INPUT` on unequal lengths, empty or non-finite input.
 */
export function wilcoxonSignedRank(
  a: readonly number[],
  b: readonly number[],
  options: WilcoxonOptions = {},
): WilcoxonResult {
  requireFinite(a, 'a');
  requireFinite(b, 'b');
  requireSameLength(a, b, 'wilcoxonSignedRank');
  const alternative = options.alternative ?? 'two-sided';
  requireAlternative(alternative);
  const zeroMethod = options.zeroMethod ?? 'wilcox';
  if (zeroMethod !== 'wilcox' && zeroMethod !== 'pratt' && zeroMethod !== 'zsplit') {
    throw new ReprobenchError(
      'E_STATS_INPUT',
      `unknown zero method '${String(zeroMethod)}'`,
      "use 'wilcox', 'pratt' or 'zsplit'",
    );
  }
  let d = a.map((x, i) => x - (b[i] as number));
  const nZero = d.filter((x) => x === 0).length;
  const nonZero = d.length - nZero;
  if (nonZero === 0) return { statistic: 0, pValue: 1, method: 'asymptotic', nonZero: 0 };
  const requested = options.method ?? 'auto';
  let method: 'exact' | 'asymptotic';
  if (requested === 'auto') {
    const tied = rankAverage(d.map(Math.abs)).ties.some((t) => t > 1);
    method = d.length <= 50 && nZero === 0 && !tied ? 'exact' : 'asymptotic';
  } else if (requested === 'exact' || requested === 'asymptotic') {
    // Zeros have no place in the exact null; scipy switches to the approximation too.
    method = requested === 'exact' && nZero === 0 ? 'exact' : 'asymptotic';
  } else {
    throw new ReprobenchError(
      'E_STATS_INPUT',
      `unknown Wilcoxon method '${String(requested)}'`,
      "use 'exact', 'asymptotic' or 'auto'",
    );
  }
  if (method === 'asymptotic' && zeroMethod === 'wilcox') d = d.filter((x) => x !== 0);
  const count = d.length;
  const { ranks } = rankAverage(d.map(Math.abs));
  let rPlus = 0;
  let rMinus = 0;
  let rZero = 0;
  d.forEach((x, i) => {
    const r = ranks[i] as number;
    if (x > 0) rPlus += r;
    else if (x < 0) rMinus += r;
    else rZero += r;
  });
  if (zeroMethod === 'zsplit') {
    rPlus += rZero / 2;
    rMinus += rZero / 2;
  }
  const statistic = alternative === 'two-sided' ? Math.min(rPlus, rMinus) : rPlus;
  const pValue =
    method === 'exact'
      ? exactP(rPlus, count, alternative)
      : asymptoticP(statistic, d, ranks, zeroMethod, alternative, options.correction ?? false);
  return { statistic, pValue: Math.min(1, Math.max(0, pValue)), method, nonZero };
}

function exactP(rPlus: number, n: number, alternative: Alternative): number {
  if (n > 1000) {
    throw new ReprobenchError(
      'E_STATS_INPUT',
      `exact signed-rank null for ${n} pairs is too large`,
      "use method: 'asymptotic'",
    );
  }
  const pmf = signedRankPmf(n);
  // Half-integer R+ (tied ranks under 'exact') is truncated, as scipy does.
  const r = Math.trunc(rPlus);
  const lower = (): number => pmf.slice(0, r + 1).reduce((s, x) => s + x, 0);
  const upper = (): number => pmf.slice(r).reduce((s, x) => s + x, 0);
  if (alternative === 'greater') return upper();
  if (alternative === 'less') return lower();
  if (r === Math.floor((pmf.length - 1) / 2)) return 1;
  return 2 * Math.min(lower(), upper());
}

/** Null pmf of R+ for n untied non-zero differences: counts of subsets of {1..n} by sum, / 2^n. */
function signedRankPmf(n: number): number[] {
  const max = (n * (n + 1)) / 2;
  const c = new Array<number>(max + 1).fill(0);
  c[0] = 1;
  for (let k = 1; k <= n; k++) {
    for (let s = (k * (k + 1)) / 2; s >= k; s--) c[s] = (c[s] as number) + (c[s - k] as number);
  }
  const total = 2 ** n;
  return c.map((x) => x / total);
}

function asymptoticP(
  t: number,
  d: readonly number[],
  ranks: readonly number[],
  zeroMethod: 'wilcox' | 'pratt' | 'zsplit',
  alternative: Alternative,
  correction: boolean,
): number {
  const count = d.length;
  let mn = (count * (count + 1)) / 4;
  let se = count * (count + 1) * (2 * count + 1);
  let r = ranks;
  if (zeroMethod === 'pratt') {
    const z = d.filter((x) => x === 0).length;
    r = ranks.filter((_, i) => d[i] !== 0);
    mn -= (z * (z + 1)) / 4;
    se -= z * (z + 1) * (2 * z + 1);
  }
  const groups = new Map<number, number>();
  for (const x of r) groups.set(x, (groups.get(x) ?? 0) + 1);
  for (const g of groups.values()) if (g > 1) se -= 0.5 * g * (g * g - 1);
  se = Math.sqrt(se / 24);
  let cc = 0;
  if (correction) cc = alternative === 'two-sided' ? 0.5 * Math.sign(t - mn) : alternative === 'less' ? -0.5 : 0.5;
  const z = (t - mn - cc) / se;
  if (alternative === 'two-sided') return 2 * normSf(Math.abs(z));
  return alternative === 'greater' ? normSf(z) : normCdf(z);
}
