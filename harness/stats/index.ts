/**
 * reprobench's statistics engine (`reprobench/stats`): estimators, tests, verdicts and the
 * sequential (adaptive seeding) design. Pure functions on plain data; no tfjs. Every test is
 * proven against scipy/statsmodels fixtures (test/fixtures/stats). See docs/stats.md.
 */
export { createRng, type RandomSource } from './rng.js';
export {
  studentTCdf,
  studentTSf,
  studentTQuantile,
  normCdf,
  normSf,
  normQuantile,
  chiSquareSf,
} from './distributions.js';
export { type Alternative } from './validate.js';
export {
  mean,
  variance,
  sd,
  median,
  quantile,
  quantileSorted,
  iqm,
  geometricMean,
  summarize,
  type Summary,
} from './descriptives.js';
export {
  bootstrapCI,
  pairedBootstrapCI,
  stratifiedBootstrapCI,
  bootstrapIndicesCI,
  bootstrapDistribution,
  bootstrapInterval,
  type BootstrapDistribution,
  type BootstrapMethod,
  type BootstrapOptions,
  type BootstrapCoreOptions,
  type BootstrapInterval,
  type SampleIndices,
  type StratifiedIndices,
} from './bootstrap.js';
export { type TTestResult } from './t-common.js';
export { welchTTest, welchSe, type TTestOptions } from './welch.js';
export { pairedTTest, oneSampleTTest } from './paired-t.js';
export { rankAverage } from './rank.js';
export { spearman, type SpearmanResult } from './spearman.js';
export { wilcoxonSignedRank, type WilcoxonOptions, type WilcoxonResult } from './wilcoxon.js';
export {
  mannWhitneyU,
  type MannWhitneyMethod,
  type MannWhitneyOptions,
  type MannWhitneyResult,
} from './mann-whitney.js';
export { mannWhitneyExactSf } from './mann-whitney-exact.js';
export { probabilityOfSuperiority, medianRatioCI, type MedianRatioOptions } from './effect-size.js';
export { kaplanMeier, restrictedMean, type KaplanMeier, type KaplanMeierOptions } from './survival.js';
export { logRankTest, type CensoredSample, type LogRankResult } from './logrank.js';
export { wilsonInterval, type WilsonOptions } from './proportion.js';
export { tost, pairedTost, absoluteMargin, type TostOptions, type TostResult, type OneSidedTest } from './tost.js';
export { holm, benjaminiHochberg } from './multiple.js';
export {
  seedsForTTest,
  seedsForTost,
  tTestPower,
  tostPower,
  type Design,
  type TTestPowerOptions,
  type TostPowerOptions,
} from './power.js';
export { type TestType, type ArmOutcomes, type ComparisonInput } from './claim-input.js';
export { type ComparisonAnalysis } from './claim-effects.js';
export { claimVerdict } from './verdict-claim.js';
export {
  CLAIM_LABELS,
  type ClaimLabel,
  type ComparisonLabel,
  type ClaimDirection,
  type ClaimVerdict,
  type ClaimVerdictOptions,
  type ComparisonVerdict,
  type ExplanationLead,
  type MarginTest,
  type MarginTests,
} from './verdict-types.js';
export { claimExplanation, combineLabels, tallyLabels } from './verdict-combine.js';
export { claimedVsMeasured } from './verdict-headline.js';
export { oneSidedP, type IntervalFamily, type Side } from './margin-tests.js';
export { equivalenceVerdict } from './verdict-equivalence.js';
export {
  referenceVerdict,
  type ReferenceInput,
  type ReferenceVerdict,
  type ReferenceVerdictLabel,
} from './verdict-reference.js';
export {
  alphaSpent,
  efficacyBoundaries,
  crossingProbabilities,
  sequentialPower,
  driftForPower,
  type SpendingFunction,
} from './sequential-boundaries.js';
export { calibratedBoundaries, type CalibrationOptions } from './sequential-calibration.js';
export {
  createSequentialPlan,
  sequentialDecision,
  type SequentialPlanOptions,
  type SequentialPlan,
  type SequentialLook,
  type SequentialData,
  type SequentialDecision,
} from './sequential.js';
export { sequentialSampleSize, type SequentialSizeOptions } from './sequential-size.js';
export {
  simulateSequential,
  type SequentialSimulationOptions,
  type SequentialSimulation,
  type SimulatedArm,
} from './sequential-simulation.js';
