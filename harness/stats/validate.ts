import { ReprobenchError } from '../errors.js';

/**
 * Input guards shared by every estimator. Statistics on NaN or empty input would quietly return
 * NaN and poison a verdict several layers up, so bad input stops here with a coded error instead.
 */

/** Throws `E_STATS_INPUT` unless `xs` holds at least `min` finite numbers. */
export function requireFinite(xs: readonly number[], name: string, min = 1): void {
  // Through `unknown`: Array.isArray would narrow a readonly array to any[] (TypeScript #17002).
  const input: unknown = xs;
  if (!Array.isArray(input)) {
    throw new ReprobenchError('E_STATS_INPUT', `${name} must be an array of numbers`, 'pass a plain number[]');
  }
  if (xs.length < min) {
    throw new ReprobenchError(
      'E_STATS_INPUT',
      `${name} has ${xs.length} value(s); this needs at least ${min}`,
      min > 1 ? `run more repeats so that ${name} has at least ${min} values` : `pass a non-empty ${name}`,
    );
  }
  for (let i = 0; i < xs.length; i++) {
    const v = xs[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new ReprobenchError(
        'E_STATS_INPUT',
        `${name}[${i}] is ${String(v)}, not a finite number`,
        'drop or fix non-finite outcomes first (a diverged trial is recorded as censored, not as NaN)',
      );
    }
  }
}

/** Throws `E_STATS_INPUT` unless `p` lies strictly inside (0, 1). */
export function requireProbability(p: number, name: string): void {
  if (!(typeof p === 'number' && p > 0 && p < 1)) {
    throw new ReprobenchError(
      'E_STATS_INPUT',
      `${name} is ${String(p)}; it must lie strictly between 0 and 1`,
      `pass e.g. ${name}: 0.05`,
    );
  }
}

/** Throws `E_STATS_INPUT` unless `a` and `b` have equal length (paired designs). */
export function requireSameLength(a: readonly unknown[], b: readonly unknown[], what: string): void {
  if (a.length !== b.length) {
    throw new ReprobenchError(
      'E_STATS_INPUT',
      `${what}: the paired samples have ${a.length} and ${b.length} values`,
      'pair repeats by index: both arms need the same repeats',
    );
  }
}

/** Throws `E_STATS_INPUT` unless `x` is an integer in [min, max]. */
export function requireInteger(x: number, name: string, min: number, max = Number.MAX_SAFE_INTEGER): void {
  if (!(Number.isInteger(x) && x >= min && x <= max)) {
    throw new ReprobenchError(
      'E_STATS_INPUT',
      `${name} is ${String(x)}; it must be an integer in [${min}, ${max}]`,
      `pass a whole number for ${name}`,
    );
  }
}

/** The alternative hypothesis of a test, as scipy names it. */
export type Alternative = 'two-sided' | 'less' | 'greater';

/** Throws `E_STATS_INPUT` for an unknown alternative. */
export function requireAlternative(alt: string): asserts alt is Alternative {
  if (alt !== 'two-sided' && alt !== 'less' && alt !== 'greater') {
    throw new ReprobenchError('E_STATS_INPUT', `unknown alternative '${alt}'`, "use 'two-sided', 'less' or 'greater'");
  }
}
