import { normQuantile } from './distributions.js';
import { seedsForTTest } from './power.js';
import { driftForPower, efficacyBoundaries } from './sequential-boundaries.js';
import { lookSeeds, type SequentialPlanOptions } from './sequential.js';

/** Options of {@link sequentialSampleSize}. */
export interface SequentialSizeOptions extends Omit<SequentialPlanOptions, 'maxSeedsPerArm' | 'testType'> {
  /** Effect to detect (absolute, mean difference) and the pilot SD (of differences when paired). */
  effect: number;
  sd: number;
  /** @default 0.8 */
  power?: number;
}

/**
 * Sizes a fixed-budget sequential design for equal power with a fixed design: returns the fixed
 * design's seeds per arm and the sequential cap, inflated by (θ_seq / θ_fixed)² where θ are the
 * drifts giving the requested power (the usual inflation factor; about 1.02–1.1 for O'Brien–Fleming).
 * @throws ReprobenchError `E_STATS_INPUT` / `E_STATS_DEGENERATE` as {@link seedsForTTest}.
 */
export function sequentialSampleSize(options: SequentialSizeOptions): {
  fixedSeedsPerArm: number;
  maxSeedsPerArm: number;
  inflation: number;
} {
  const power = options.power ?? 0.8;
  const alpha = (options.alpha ?? 0.05) / (options.familySize ?? 1);
  const design = (options.paired ?? true) ? 'paired' : 'independent';
  const fixed = seedsForTTest({ effect: options.effect, sd: options.sd, alpha, power, design });
  let max = fixed;
  let inflation = 1;
  const batch = options.batchSize;
  const first = Math.ceil((options.minSeedsPerArm ?? Math.max(3, batch)) / batch) * batch;
  for (let it = 0; it < 5; it++) {
    // Normal-theory bounds suffice for sizing; the plan itself may calibrate them afterwards.
    const cap = Math.max(max, batch, first);
    const fr = lookSeeds(first, batch, cap).map((n) => n / cap);
    const b = efficacyBoundaries(fr, alpha, options.spending ?? 'obrien-fleming');
    inflation = (driftForPower(fr, b, power) / (normQuantile(1 - alpha) + normQuantile(power))) ** 2;
    const next = Math.ceil(fixed * inflation);
    if (next === max) break;
    max = next;
  }
  return { fixedSeedsPerArm: fixed, maxSeedsPerArm: max, inflation };
}
