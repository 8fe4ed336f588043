import type { Rng } from '../rng.js';

/**
 * k distinct indices drawn without replacement with probability proportional to `weights`, as
 * successive draws renormalised over what is left (numpy's `choice(n, k, p, replace=False)`).
 * Efraimidis & Spirakis (2006) give the same distribution in one pass: key_i = ln(u_i) / w_i with
 * u_i uniform in (0, 1), keep the k largest keys. A zero weight is drawn only when nothing else is
 * left. Returned in draw order (largest key first).
 */
export function weightedSampleWithoutReplacement(weights: ArrayLike<number>, k: number, rng: Rng): Int32Array {
  const n = weights.length;
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const w = weights[i]!;
    const u = 1 - rng.uniform(); // (0, 1]: ln(u) is finite
    keys[i] = w > 0 ? Math.log(u) / w : -Infinity;
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => keys[b]! - keys[a]! || a - b);
  return Int32Array.from(order.slice(0, Math.min(k, n)));
}
