import { studentTCdf } from './distributions.js';
import { createRng } from './rng.js';
import { alphaSpent, pToZ, type SpendingFunction } from './sequential-boundaries.js';

/** Monte Carlo settings of {@link calibratedBoundaries}. */
export interface CalibrationOptions {
  /** Simulated null paths. @default 200000 (paired), 100000 (Welch) */
  paths?: number;
  /** @default 20261127 */
  seed?: number;
}

const MAX_BOUND = 12;

/**
 * Efficacy bounds (z scale) for t statistics at looks with `seeds[k]` seeds per arm, calibrated
 * so that the null crossing probability at each look equals the Lan–DeMets spending increment.
 *
 * Why: normal-theory bounds assume a known variance. With a t statistic re-estimating it at each
 * look, the looks are less correlated than the Brownian model says and the overall false-positive
 * rate drifts above alpha (measured: 5.3% for a nominal 5% with 4–29 seeds). Under H0 and normal
 * outcomes the paired t process is pivotal (its law does not depend on the mean or SD), so
 * simulating it once gives bounds that are exact up to Monte Carlo error (≈ ±0.0005 on alpha
 * with 200,000 paths). For unpaired Welch looks the calibration assumes equal arm variances.
 * The result is deterministic for a given seed.
 */
export function calibratedBoundaries(
  seeds: readonly number[],
  maxSeeds: number,
  alpha: number,
  spending: SpendingFunction,
  paired: boolean,
  options: CalibrationOptions = {},
): number[] {
  const M = options.paths ?? (paired ? 200_000 : 100_000);
  const rng = createRng(options.seed ?? 20261127);
  const K = seeds.length;
  const N = seeds[K - 1] as number;
  // z[k][p]: the look-k statistic of path p. Paired looks store t itself (df is fixed per look,
  // so t orders paths exactly as z does, and skipping the t CDF per path is 10× faster);
  // Welch looks store z, since their df varies from path to path.
  const z = Array.from({ length: K }, () => new Float64Array(M));
  for (let p = 0; p < M; p++) {
    let s1 = 0;
    let s2 = 0;
    let t1 = 0;
    let t2 = 0;
    let k = 0;
    for (let i = 1; i <= N; i++) {
      const x = rng.normal();
      s1 += x;
      s2 += x * x;
      if (!paired) {
        const y = rng.normal();
        t1 += y;
        t2 += y * y;
      }
      if (i !== seeds[k]) continue;
      (z[k] as Float64Array)[p] = paired ? pairedT(s1, s2, i) : welchZ(s1, s2, t1, t2, i);
      k++;
    }
  }
  const alive = new Uint8Array(M).fill(1);
  const bounds: number[] = [];
  let spentCount = 0;
  for (let k = 0; k < K; k++) {
    const target = Math.round(alphaSpent((seeds[k] as number) / maxSeeds, alpha, spending) * M) - spentCount;
    const zk = z[k] as Float64Array;
    let count = 0;
    for (let p = 0; p < M; p++) if (alive[p]) count++;
    const live = new Float64Array(count);
    for (let p = 0, j = 0; p < M; p++) if (alive[p]) live[j++] = zk[p] as number;
    live.sort(); // typed-array sort: ascending, numeric, far faster than a comparator sort
    // No alpha to spend at this look: nothing may cross it.
    let b = Infinity;
    if (target > 0 && target <= count) {
      const above = live[count - target] as number;
      const below = count - target - 1 >= 0 ? (live[count - target - 1] as number) : above - 1;
      b = (above + below) / 2;
    }
    const bz = Math.min(MAX_BOUND, paired && Number.isFinite(b) ? tToZ(b, (seeds[k] as number) - 1) : b);
    bounds.push(bz);
    for (let p = 0; p < M; p++) {
      if (alive[p] && (zk[p] as number) >= b) {
        alive[p] = 0;
        spentCount++;
      }
    }
  }
  return bounds;
}

function tToZ(t: number, df: number): number {
  return pToZ(1 - studentTCdf(t, df));
}

function pairedT(s1: number, s2: number, n: number): number {
  const m = s1 / n;
  const v = (s2 - n * m * m) / (n - 1);
  return m / Math.sqrt(v / n);
}

function welchZ(s1: number, s2: number, t1: number, t2: number, n: number): number {
  const ma = s1 / n;
  const mb = t1 / n;
  const va = (s2 - n * ma * ma) / (n - 1) / n;
  const vb = (t2 - n * mb * mb) / (n - 1) / n;
  const df = ((va + vb) * (va + vb)) / ((va * va + vb * vb) / (n - 1));
  return tToZ((ma - mb) / Math.sqrt(va + vb), df);
}
