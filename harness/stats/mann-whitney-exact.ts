import { ReprobenchError } from '../errors.js';

// BigInt work above this many coefficient updates takes over a second; past it the normal
// approximation is accurate anyway (both samples are then large).
const MAX_EXACT_WORK = 1e7;

/** Whether the exact null for sizes m and n is small enough to enumerate (≈ a second at most). */
export function exactFeasible(m: number, n: number): boolean {
  const small = Math.min(m, n);
  return small * small * Math.max(m, n) <= MAX_EXACT_WORK;
}

/**
 * P(U >= k) under H0 for the Mann–Whitney U of samples of sizes m and n without ties.
 * The null counts are the coefficients of the Gaussian binomial [m+n choose m]_q, built as
 * prod_i (1 − q^(n+i)) / (1 − q^i) in exact BigInt arithmetic (every intermediate product is
 * again a Gaussian binomial, so the divisions are exact). scipy's recursion gives the same counts.
 * @throws ReprobenchError `E_STATS_INPUT` when the samples are too large for the exact method.
 */
export function mannWhitneyExactSf(k: number, m: number, n: number): number {
  const small = Math.min(m, n);
  const big = Math.max(m, n);
  if (!exactFeasible(m, n)) {
    throw new ReprobenchError(
      'E_STATS_INPUT',
      `the exact Mann–Whitney null distribution for sizes ${m} and ${n} is too large to enumerate`,
      "use method: 'asymptotic' (or 'auto') for samples this large",
    );
  }
  const counts = gaussianBinomial(small, big);
  const top = small * big;
  // P(U >= k) = P(U <= mn − k) by symmetry; summing the short lower tail is cheaper.
  const upTo = top - Math.ceil(k);
  if (upTo < 0) return 0;
  if (upTo >= top) return 1;
  let num = 0n;
  for (let j = 0; j <= upTo; j++) num += counts[j] as bigint;
  let den = 0n;
  for (const c of counts) den += c;
  return bigRatio(num, den);
}

function gaussianBinomial(m: number, n: number): bigint[] {
  const c = new Array<bigint>(m * n + 1).fill(0n);
  c[0] = 1n;
  for (let i = 1; i <= m; i++) {
    const shift = n + i;
    for (let k = i * n; k >= shift; k--) c[k] = (c[k] as bigint) - (c[k - shift] as bigint);
    for (let k = i; k <= i * n; k++) c[k] = (c[k] as bigint) + (c[k - i] as bigint);
  }
  return c;
}

/** num / den as a double, scaling both down first so that huge counts do not overflow. */
function bigRatio(num: bigint, den: bigint): number {
  const excess = den.toString(2).length - 1000;
  if (excess > 0) {
    const s = BigInt(excess);
    return Number(num >> s) / Number(den >> s);
  }
  return Number(num) / Number(den);
}
