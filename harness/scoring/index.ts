/**
 * AlgoPerf-style scoring on plain data: time to result, per-workload times under the external
 * and self-tuning rulesets, the v0.5 held-out rule, performance profiles, the benchmark score and
 * geometric-mean speedups. See docs/algoperf.md for the rules and how they were checked.
 */
export type {
  AlgoPerfVersion,
  Budget,
  Direction,
  EvalPoint,
  ResultTarget,
  Ruleset,
  ScoringStudy,
  ScoringSubmission,
  ScoringTrial,
  ScoringWorkload,
  TimeAxis,
  TrialSelection,
} from './types.js';
export { meetsTarget, timeToResult } from './time-to-result.js';
export type { TimeToResult } from './time-to-result.js';
export { medianWithInfinity, studyTime, workloadTime } from './workload-time.js';
export type { StudyTime, TimeOptions, WorkloadTime } from './workload-time.js';
export {
  ALGOPERF_VERSIONS,
  ALGOPERF_VERSION_IDS,
  baseWorkloadOf,
  isAlgoPerfVersion,
  maxRuntimeSeconds,
} from './versions.js';
export type { AlgoPerfVersionSpec } from './versions.js';
export {
  benchmarkScore,
  bestTimes,
  dropBeyondRatio,
  linspace,
  performanceProfile,
  performanceRatios,
  trapezoid,
} from './profile.js';
export type { Profile, TimeTable } from './profile.js';
export { applyHeldOutRule } from './held-out.js';
export type { HeldOutPair, RuleNote } from './held-out.js';
export { geometricMeanSpeedup } from './speedup.js';
export type { SpeedupResult, SpeedupRow } from './speedup.js';
export { scoreSubmissions } from './score.js';
export type { ScoreOptions, ScoreResult, SubmissionWorkloadTime } from './score.js';
