import { ReprobenchError } from '../errors.js';

function check(pValues: readonly number[]): void {
  pValues.forEach((p, i) => {
    if (!(typeof p === 'number' && p >= 0 && p <= 1)) {
      throw new ReprobenchError('E_STATS_INPUT', `p-value ${i} is ${String(p)}`, 'p-values must lie in [0, 1]');
    }
  });
}

function ascending(pValues: readonly number[]): number[] {
  return pValues.map((_, i) => i).sort((i, j) => (pValues[i] as number) - (pValues[j] as number) || i - j);
}

/**
 * Holm's step-down adjusted p-values (family-wise error control; reprobench's verdict family is
 * every comparison of one claim). Matches statsmodels `multipletests(method='holm')`. Reject
 * where adjusted p < alpha.
 * @throws ReprobenchError `E_STATS_INPUT` on a value outside [0, 1].
 */
export function holm(pValues: readonly number[]): number[] {
  check(pValues);
  const m = pValues.length;
  const order = ascending(pValues);
  const out = new Array<number>(m);
  let running = 0;
  order.forEach((idx, i) => {
    running = Math.max(running, (m - i) * (pValues[idx] as number));
    out[idx] = Math.min(1, running);
  });
  return out;
}

/**
 * Benjamini–Hochberg step-up adjusted p-values (false-discovery-rate control, for alert lists).
 * Matches statsmodels `multipletests(method='fdr_bh')`.
 * @throws ReprobenchError `E_STATS_INPUT` on a value outside [0, 1].
 */
export function benjaminiHochberg(pValues: readonly number[]): number[] {
  check(pValues);
  const m = pValues.length;
  const order = ascending(pValues);
  const out = new Array<number>(m);
  let running = 1;
  for (let i = m - 1; i >= 0; i--) {
    const idx = order[i] as number;
    // Divide by the ecdf factor (i+1)/m, as statsmodels does, so the last p-value stays exact.
    running = Math.min(running, (pValues[idx] as number) / ((i + 1) / m));
    out[idx] = Math.min(1, running);
  }
  return out;
}
