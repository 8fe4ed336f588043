import { pairedTTest } from './paired-t.js';
import { createRng } from './rng.js';
import { createSequentialPlan, sequentialDecision, type SequentialPlan } from './sequential.js';
import { sequentialSampleSize } from './sequential-size.js';
import type { SpendingFunction } from './sequential-boundaries.js';

/** Options of {@link simulateSequential}. */
export interface SequentialSimulationOptions {
  /** Null comparisons (true effect 0) simulated. */
  nullComparisons: number;
  /** Alternative comparisons (true effect = `effect`) simulated. */
  alternativeComparisons: number;
  /** True effect under the alternative, in SDs of the paired differences. @default 0.5 */
  effect?: number;
  /** Equivalence margin (absolute, same units) for stopping early as equivalent; null = none. @default 0.5 */
  margin?: number | null;
  /** @default 0.05 */
  alpha?: number;
  /** @default 0.8 */
  power?: number;
  /** @default 4 */
  batchSize?: number;
  /** @default 'obrien-fleming' */
  spending?: SpendingFunction;
  /** @default 1 */
  seed?: number;
}

/** Operating characteristics of one arm of the simulation (null or alternative). */
export interface SimulatedArm {
  comparisons: number;
  /** Fraction that stopped significant in the claimed direction. */
  reproducedRate: number;
  /** Fraction that stopped against the claim: significant in the opposite direction, or equivalent. */
  stoppedAgainstRate: number;
  inconclusiveRate: number;
  /** Mean seeds per arm used by the sequential design. */
  meanSeedsPerArm: number;
  /** The fixed design's rejection rate on the same data (first fixedSeedsPerArm seeds). */
  fixedRejectionRate: number;
}

/** Result of {@link simulateSequential}. */
export interface SequentialSimulation {
  plan: SequentialPlan;
  fixedSeedsPerArm: number;
  inflation: number;
  null: SimulatedArm;
  alternative: SimulatedArm;
  /** alpha + 2·sqrt(alpha(1 − alpha)/N): the false-positive rate must not exceed it. */
  falsePositiveBound: number;
  /** 1 − mean seeds / fixed seeds, under H0 and H1. */
  seedsSaved: { null: number; alternative: number };
}

/**
 * Monte Carlo of the sequential design on paired normal outcomes (differences N(θ, 1)) against a
 * fixed-N paired t-test sized for the same power: the basis of the numbers in docs/stats.md.
 */
export function simulateSequential(options: SequentialSimulationOptions): SequentialSimulation {
  const alpha = options.alpha ?? 0.05;
  const effect = options.effect ?? 0.5;
  const margin = options.margin === undefined ? 0.5 : options.margin;
  const batchSize = options.batchSize ?? 4;
  const spending = options.spending ?? 'obrien-fleming';
  const size = sequentialSampleSize({ effect, sd: 1, alpha, power: options.power ?? 0.8, batchSize, spending });
  const plan = createSequentialPlan({
    alpha,
    batchSize,
    spending,
    testType: 'fixed-budget',
    maxSeedsPerArm: size.maxSeedsPerArm,
    marginUnits: 'absolute',
    ...(margin === null ? {} : { margin }),
  });
  const rng = createRng(options.seed ?? 1);
  const runArm = (theta: number, count: number): SimulatedArm => {
    let rep = 0;
    let notRep = 0;
    let seeds = 0;
    let fixedRej = 0;
    const N = Math.max(size.maxSeedsPerArm, size.fixedSeedsPerArm);
    for (let c = 0; c < count; c++) {
      const baseline = Array.from({ length: N }, () => 10 + rng.normal());
      const method = baseline.map((b) => b + theta + rng.normal());
      const nf = size.fixedSeedsPerArm;
      if (pairedTTest(method.slice(0, nf), baseline.slice(0, nf), { alternative: 'greater' }).pValue < alpha)
        fixedRej++;
      for (let k = 0; k < plan.looks.length; k++) {
        const n = plan.looks[k]!.seedsPerArm;
        const d = sequentialDecision(plan, k, { method: method.slice(0, n), baseline: baseline.slice(0, n) });
        if (!d.stop) continue;
        seeds += n;
        if (d.decision === 'claimed direction') rep++;
        else if (d.decision === 'opposite direction' || d.decision === 'equivalent') notRep++;
        break;
      }
    }
    return {
      comparisons: count,
      reproducedRate: rep / count,
      stoppedAgainstRate: notRep / count,
      inconclusiveRate: (count - rep - notRep) / count,
      meanSeedsPerArm: seeds / count,
      fixedRejectionRate: fixedRej / count,
    };
  };
  const nul = runArm(0, options.nullComparisons);
  const alt = runArm(effect, options.alternativeComparisons);
  return {
    plan,
    fixedSeedsPerArm: size.fixedSeedsPerArm,
    inflation: size.inflation,
    null: nul,
    alternative: alt,
    falsePositiveBound: alpha + 2 * Math.sqrt((alpha * (1 - alpha)) / options.nullComparisons),
    seedsSaved: {
      null: 1 - nul.meanSeedsPerArm / size.fixedSeedsPerArm,
      alternative: 1 - alt.meanSeedsPerArm / size.fixedSeedsPerArm,
    },
  };
}
