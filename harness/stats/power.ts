import { ReprobenchError } from '../errors.js';
import { studentTCdf, studentTQuantile } from './distributions.js';
import { requireProbability } from './validate.js';

/** Paired repeats (one difference per seed) or two independent arms. */
export type Design = 'paired' | 'independent';

/** Options of {@link seedsForTTest}. */
export interface TTestPowerOptions {
  /** The true difference to detect (any sign; its size is used). */
  effect: number;
  /** Pilot SD: of the paired differences ('paired') or of one arm's values ('independent', equal SDs). */
  sd: number;
  /** @default 0.05 */
  alpha?: number;
  /** @default 0.8 */
  power?: number;
  /** @default 'one-sided' (verdicts test the claimed direction) */
  sides?: 'one-sided' | 'two-sided';
  /** @default 'paired' */
  design?: Design;
  /** Give up above this many seeds per arm. @default 100000 */
  maxSeeds?: number;
}

/** Options of {@link seedsForTost}. */
export interface TostPowerOptions {
  /** Equivalence margin δ > 0 in absolute units. */
  margin: number;
  /** The assumed true difference θ, |θ| < δ. @default 0 */
  trueDifference?: number;
  /** Pilot SD, as in {@link TTestPowerOptions.sd}. */
  sd: number;
  /** @default 0.05 */
  alpha?: number;
  /** @default 0.8 */
  power?: number;
  /** @default 'paired' */
  design?: Design;
  /** @default 100000 */
  maxSeeds?: number;
}

interface Shape {
  /** Standard error of the estimate with n seeds per arm, divided by sd. */
  seFactor(n: number): number;
  df(n: number): number;
}

const SHAPES: Record<Design, Shape> = {
  paired: { seFactor: (n) => Math.sqrt(1 / n), df: (n) => n - 1 },
  independent: { seFactor: (n) => Math.sqrt(2 / n), df: (n) => 2 * n - 2 },
};

function smallestN(power: (n: number) => number, target: number, maxSeeds: number): number {
  // Power rises with n here, so bisection on [2, maxSeeds] finds the smallest sufficient n.
  if (power(maxSeeds) < target) {
    throw new ReprobenchError(
      'E_STATS_DEGENERATE',
      `more than ${maxSeeds} seeds per arm would be needed`,
      'the effect is too small relative to the noise to be decided by adding seeds',
    );
  }
  let lo = 2;
  let hi = maxSeeds;
  if (power(lo) >= target) return lo;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (power(mid) >= target) hi = mid;
    else lo = mid;
  }
  return hi;
}

function validate(alpha: number, power: number, sd: number): void {
  requireProbability(alpha, 'alpha');
  requireProbability(power, 'power');
  if (!(Number.isFinite(sd) && sd >= 0)) {
    throw new ReprobenchError('E_STATS_INPUT', `pilot SD is ${String(sd)}`, 'pass the SD of a pilot run (>= 0)');
  }
}

/**
 * Power of a t-test with n seeds per arm (shifted central t approximation of the noncentral t,
 * within one seed of statsmodels' exact `TTestPower`/`TTestIndPower`).
 */
export function tTestPower(
  n: number,
  effect: number,
  sd: number,
  alpha: number,
  sides: 'one-sided' | 'two-sided',
  design: Design,
): number {
  const shape = SHAPES[design];
  const df = shape.df(n);
  if (sd === 0) return effect === 0 ? 0 : 1;
  const ncp = Math.abs(effect) / (sd * shape.seFactor(n));
  if (sides === 'one-sided') return studentTCdf(ncp - studentTQuantile(1 - alpha, df), df);
  const c = studentTQuantile(1 - alpha / 2, df);
  return studentTCdf(ncp - c, df) + studentTCdf(-ncp - c, df);
}

/**
 * Seeds per arm (pairs, for a paired design) that a t-test needs to detect `effect` with the
 * given power, from a pilot's SD.
 * @throws ReprobenchError `E_STATS_INPUT` on bad options; `E_STATS_DEGENERATE` when effect is 0 or more than maxSeeds would be needed.
 */
export function seedsForTTest(options: TTestPowerOptions): number {
  const { effect, sd, alpha = 0.05, power = 0.8, sides = 'one-sided', design = 'paired', maxSeeds = 100_000 } = options;
  validate(alpha, power, sd);
  if (!Number.isFinite(effect) || effect === 0) {
    throw new ReprobenchError(
      'E_STATS_DEGENERATE',
      'no number of seeds detects an effect of 0',
      'pass the effect size to detect (e.g. the claimed magnitude)',
    );
  }
  return smallestN((n) => tTestPower(n, effect, sd, alpha, sides, design), power, maxSeeds);
}

/**
 * Power of TOST within ±δ when the true difference is θ: both one-sided tests must reject
 * (approximation P(A ∩ B) ≥ P(A) + P(B) − 1 with shifted central t tails).
 */
export function tostPower(n: number, margin: number, theta: number, sd: number, alpha: number, design: Design): number {
  const shape = SHAPES[design];
  const df = shape.df(n);
  if (sd === 0) return Math.abs(theta) < margin ? 1 : 0;
  const se = sd * shape.seFactor(n);
  const c = studentTQuantile(1 - alpha, df);
  return Math.max(0, studentTCdf((margin - theta) / se - c, df) + studentTCdf((margin + theta) / se - c, df) - 1);
}

/**
 * Seeds per arm that TOST needs to show equivalence within ±margin with the given power when the
 * true difference is `trueDifference`, from a pilot's SD.
 * @throws ReprobenchError `E_STATS_INPUT` on bad options; `E_STATS_DEGENERATE` when |trueDifference| >= margin or more than maxSeeds would be needed.
 */
export function seedsForTost(options: TostPowerOptions): number {
  const { margin, trueDifference = 0, sd, alpha = 0.05, power = 0.8, design = 'paired', maxSeeds = 100_000 } = options;
  validate(alpha, power, sd);
  if (!(Number.isFinite(margin) && margin > 0)) {
    throw new ReprobenchError('E_STATS_INPUT', `equivalence margin is ${String(margin)}`, 'pass a positive margin');
  }
  if (!(Math.abs(trueDifference) < margin)) {
    throw new ReprobenchError(
      'E_STATS_DEGENERATE',
      `a true difference of ${trueDifference} is not inside ±${margin}`,
      'equivalence can only be shown for differences inside the margin',
    );
  }
  return smallestN((n) => tostPower(n, margin, trueDifference, sd, alpha, design), power, maxSeeds);
}
