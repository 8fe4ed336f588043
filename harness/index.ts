/**
 * The machinery's public API: define workloads, methods and claims in a `reprobench.config.*`
 * (or a script) and run them with the same machinery as the built-in ones. The package entry
 * (../index.ts) adds the built-in content's building blocks (optimizers, schedules, models).
 */
export { ReprobenchError, isReprobenchError } from './errors.js';
export type { ErrorCode } from './errors.js';

export { defineWorkload, resolveVariant } from './core/workload.js';
export type {
  WorkloadDefinition,
  SupervisedData,
  ExampleSet,
  DataContext,
  Model,
  Target,
  Budget,
  Direction,
  VariantOverride,
  Calibration,
} from './core/workload.js';
export { defineMethod } from './core/method.js';
export type { MethodDefinition, HParams, HParamValue, SearchDimension, ScheduleContext } from './core/method.js';
export type { TrainingOptimizer } from './core/optimizer.js';
export { definePredictor } from './core/predictor.js';
export type {
  PredictorDefinition,
  ExtrapolatorDefinition,
  SchedulePredictorDefinition,
  CurveHead,
  ScheduleCurve,
  FittedSchedulePredictor,
} from './core/predictor.js';
export type { Batch, BatchSource, BatchSourceContext } from './runner/batch-source.js';
export { defineClaim } from './core/claim.js';
export type {
  ClaimDefinition,
  ArmSpec,
  TuningSpec,
  TuningRecord,
  TestType,
  Preset,
  CurveStatistic,
  PhenomenonSpec,
  PredictorSpec,
} from './core/claim.js';
export { defineConfig } from './core/config.js';
export type { UserConfig } from './core/config.js';
export type { TrialConfig, TrialRecord, TrialStatus, CurvePoint, Outcome, Provenance } from './core/trial.js';
export { Registry } from './core/registry.js';
export { loadRegistries } from './builtins.js';
export { Rng } from './rng.js';
export { deriveSeed, trialSeeds } from './runner/seeds.js';
export { initBackend, KERNEL_SETS } from './backends/select.js';
export type { BackendName, BackendInfo, BackendRequest } from './backends/select.js';

// AlgoPerf: scoring, search spaces and Halton sampling, imported logs.
export {
  scoreSubmissions,
  timeToResult,
  performanceProfile,
  performanceRatios,
  benchmarkScore,
  geometricMeanSpeedup,
} from './scoring/index.js';
export type { ScoreOptions, ScoreResult, Profile, TimeTable } from './scoring/index.js';
export { parseSearchSpace, sampleSearchSpace } from './tuning/search-space.js';
export type { SearchSpace } from './tuning/search-space.js';
export { haltonSequence, haltonStart } from './tuning/halton.js';
export { importAlgoPerfLogs } from './importers/algoperf.js';
export type { TuningResult, TuningChoice, TuningRow } from './tuning/result.js';
