import { ReprobenchError } from '../errors.js';
import { median } from './descriptives.js';
import { bootstrapIndicesCI, type BootstrapInterval, type BootstrapOptions } from './bootstrap.js';
import { requireFinite, requireSameLength } from './validate.js';

function superiority(a: readonly number[], b: readonly number[]): number {
  let u = 0;
  for (const x of a) for (const y of b) u += x > y ? 1 : x === y ? 0.5 : 0;
  return u / (a.length * b.length);
}

/**
 * P(A > B) + P(A = B)/2 = U/(n·m), the Mann–Whitney effect size, with a two-sample bootstrap CI
 * (each arm resampled within itself). 0.5 means no tendency either way.
 * @throws ReprobenchError `E_STATS_INPUT` on empty or non-finite samples; see {@link bootstrapIndicesCI}.
 */
export function probabilityOfSuperiority(
  a: readonly number[],
  b: readonly number[],
  options: BootstrapOptions,
): BootstrapInterval {
  requireFinite(a, 'a');
  requireFinite(b, 'b');
  return bootstrapIndicesCI(
    [a.length, b.length],
    (idx) =>
      superiority(
        (idx[0] as number[]).map((i) => a[i] as number),
        (idx[1] as number[]).map((i) => b[i] as number),
      ),
    options,
  );
}

/** Options of {@link medianRatioCI}. */
export interface MedianRatioOptions extends BootstrapOptions {
  /** Resample repeat indices jointly (common random numbers). @default false */
  paired?: boolean;
}

/**
 * median(a) / median(b) with a bootstrap CI: a speedup when a and b are the baseline's and the
 * method's steps to target. Paired resampling keeps repeat i of both arms together.
 * @throws ReprobenchError `E_STATS_INPUT` on empty, non-finite or non-positive values, or unequal
 *   lengths when paired; `E_STATS_DEGENERATE` via the bootstrap.
 */
export function medianRatioCI(
  a: readonly number[],
  b: readonly number[],
  options: MedianRatioOptions,
): BootstrapInterval {
  requireFinite(a, 'a');
  requireFinite(b, 'b');
  if ([...a, ...b].some((x) => x <= 0)) {
    throw new ReprobenchError(
      'E_STATS_INPUT',
      'a ratio of medians needs positive values',
      'pass steps or seconds to target (> 0)',
    );
  }
  const { paired = false, ...boot } = options;
  if (paired) {
    requireSameLength(a, b, 'medianRatioCI');
    return bootstrapIndicesCI(
      [a.length],
      (idx) => {
        const r = idx[0] as number[];
        return median(r.map((i) => a[i] as number)) / median(r.map((i) => b[i] as number));
      },
      boot,
    );
  }
  return bootstrapIndicesCI(
    [a.length, b.length],
    (idx) =>
      median((idx[0] as number[]).map((i) => a[i] as number)) / median((idx[1] as number[]).map((i) => b[i] as number)),
    boot,
  );
}
