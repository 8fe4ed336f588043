import { ReprobenchError } from '../errors.js';
import { chiSquareSf } from './distributions.js';
import { requireFinite, requireSameLength } from './validate.js';

/** One group's right-censored outcomes. */
export interface CensoredSample {
  /** Event or censoring times. */
  times: readonly number[];
  /** true: the event (target reached) happened at that time; false: censored. */
  events: readonly boolean[];
}

/** Result of {@link logRankTest}. */
export interface LogRankResult {
  /** Chi-square statistic (O − E)ᵀ V⁻ (O − E). */
  statistic: number;
  /** Degrees of freedom: the rank of V (k − 1 unless some groups carry no information). */
  df: number;
  pValue: number;
  /** Observed events per group. */
  observed: number[];
  /** Expected events per group under H0. */
  expected: number[];
  /**
   * Signed z of group 0: (O₀ − E₀)/√V₀₀. Positive when group 0 reaches the target sooner than H0
   * predicts; for two groups z² = statistic and normSf(z) is the one-sided p-value.
   */
  z: number;
  /** Var(O₀ − E₀) under H0; (O₀ − E₀)/variance estimates group 0's log hazard ratio (Peto). */
  variance: number;
}

/**
 * Log-rank test of k ≥ 2 groups; matches statsmodels `survdiff` (no weights, no strata),
 * including its restriction to times with more than one subject at risk. The p-value is the
 * chi-square upper tail (computed directly, not as 1 − cdf). With no informative event the
 * statistic is 0 and the p-value 1 (statsmodels fails on the singular variance).
 * @throws ReprobenchError `E_STATS_INPUT` with fewer than 2 groups, an empty group or bad values.
 */
export function logRankTest(groups: readonly CensoredSample[]): LogRankResult {
  if (groups.length < 2) {
    throw new ReprobenchError(
      'E_STATS_INPUT',
      `log-rank needs at least 2 groups, got ${groups.length}`,
      'pass the method and baseline arms',
    );
  }
  groups.forEach((g, i) => {
    requireFinite(g.times, `group ${i} times`);
    requireSameLength(g.times, g.events, `logRankTest group ${i}`);
  });
  const k = groups.length;
  const utimes = [...new Set(groups.flatMap((g) => g.times))].sort((x, y) => x - y);
  const index = new Map(utimes.map((t, i) => [t, i]));
  const T = utimes.length;
  const risk = groups.map(() => new Float64Array(T));
  const obs = groups.map(() => new Float64Array(T));
  groups.forEach((g, j) => {
    const leaving = new Float64Array(T);
    g.times.forEach((t, i) => {
      const u = index.get(t) as number;
      leaving[u] = (leaving[u] as number) + 1;
      if (g.events[i]) (obs[j] as Float64Array)[u] = ((obs[j] as Float64Array)[u] as number) + 1;
    });
    let acc = 0;
    for (let u = T - 1; u >= 0; u--) {
      acc += leaving[u] as number;
      (risk[j] as Float64Array)[u] = acc;
    }
  });
  const oe = new Array<number>(k).fill(0);
  const expected = new Array<number>(k).fill(0);
  const V = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let u = 0; u < T; u++) {
    let nTot = 0;
    let dTot = 0;
    for (let j = 0; j < k; j++) {
      nTot += (risk[j] as Float64Array)[u] as number;
      dTot += (obs[j] as Float64Array)[u] as number;
    }
    if (nTot <= 1) continue;
    const scale = (dTot * (nTot - dTot)) / (nTot - 1);
    for (let j = 0; j < k; j++) {
      const rj = ((risk[j] as Float64Array)[u] as number) / nTot;
      expected[j] = (expected[j] as number) + rj * dTot;
      oe[j] = (oe[j] as number) + (((obs[j] as Float64Array)[u] as number) - rj * dTot);
      for (let l = 0; l < k; l++) {
        const rl = ((risk[l] as Float64Array)[u] as number) / nTot;
        (V[j] as number[])[l] = ((V[j] as number[])[l] as number) + rj * ((j === l ? 1 : 0) - rl) * scale;
      }
    }
  }
  // Group 0 is the reference, as in statsmodels: the test uses groups 1..k−1.
  const { value, rank } = quadraticFormPinv(
    V.slice(1).map((row) => row.slice(1)),
    oe.slice(1),
  );
  const v00 = (V[0] as number[])[0] as number;
  return {
    statistic: value,
    df: rank,
    pValue: rank === 0 ? 1 : chiSquareSf(value, rank),
    observed: obs.map((o) => o.reduce((s, x) => s + x, 0)),
    expected,
    z: v00 > 0 ? (oe[0] as number) / Math.sqrt(v00) : 0,
    variance: v00,
  };
}

/**
 * bᵀ V⁻ b for a positive semi-definite V by symmetric elimination that skips (numerically) zero
 * pivots: a generalized inverse, which gives the unique value whenever b lies in V's column
 * space, as the log-rank O − E vector does.
 */
function quadraticFormPinv(V: number[][], b: number[]): { value: number; rank: number } {
  const m = b.length;
  const A = V.map((r) => r.slice());
  const y = b.slice();
  const maxDiag = Math.max(0, ...A.map((r, i) => r[i] as number));
  let value = 0;
  let rank = 0;
  for (let i = 0; i < m; i++) {
    const p = (A[i] as number[])[i] as number;
    if (!(p > 1e-12 * maxDiag) || p <= 0) continue;
    rank++;
    value += ((y[i] as number) * (y[i] as number)) / p;
    for (let j = i + 1; j < m; j++) {
      const f = ((A[j] as number[])[i] as number) / p;
      y[j] = (y[j] as number) - f * (y[i] as number);
      for (let l = i + 1; l < m; l++)
        (A[j] as number[])[l] = ((A[j] as number[])[l] as number) - f * ((A[i] as number[])[l] as number);
    }
  }
  return { value, rank };
}
