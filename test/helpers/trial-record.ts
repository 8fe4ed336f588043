import {
  configHash,
  TRIAL_SCHEMA_VERSION,
  trialId,
  type TrialConfig,
  type TrialRecord,
} from '../../harness/core/trial.js';

/** A small, valid trial configuration (teacher-student, 100 steps), varied by repeat index. */
export function trialConfigFor(index: number, budgetSteps = 100): TrialConfig {
  return {
    workload: { id: 'teacher-student', version: 1, variant: 'default' },
    method: { id: 'adamw', version: 1, hparams: { learningRate: 0.01 } },
    repeat: { purpose: 'eval', index },
    backend: 'wasm',
    numericsClass: 'wasm-tfjs4.22.0-k1',
    batchSize: 32,
    budget: { steps: budgetSteps, seconds: 60 },
    evalEvery: 50,
    stepHint: budgetSteps,
    target: { metric: 'validation/loss', value: 0.1, direction: 'lower' },
    stopAtTarget: true,
  };
}

/** A valid, reached trial record whose id is its configuration's hash. */
export function validTrial(index = 0): TrialRecord {
  const config = trialConfigFor(index);
  return {
    schemaVersion: TRIAL_SCHEMA_VERSION,
    id: trialId(config),
    config,
    seeds: { split: 's', init: 'i', order: 'o', method: 'm' },
    status: 'reached',
    outcome: {
      stepsToTarget: 100,
      examplesToTarget: 3200,
      secondsToTarget: 1.5,
      stepsRun: 100,
      trainSeconds: 1.5,
      evalSeconds: 0.2,
      initSeconds: 0.1,
      finalMetrics: { 'validation/loss': 0.08 },
      bestTargetMetric: 0.08,
      reason: 'met',
    },
    curve: [
      { step: 50, examples: 1600, trainSeconds: 0.75, metrics: { 'validation/loss': 0.2 } },
      { step: 100, examples: 3200, trainSeconds: 1.5, metrics: { 'validation/loss': 0.08 } },
    ],
    provenance: {
      reprobenchVersion: '0.1.0',
      gitCommit: null,
      gitDirty: null,
      tfjsVersion: '4.22.0',
      backend: 'wasm',
      backendReasons: [],
      numericsClass: 'wasm-tfjs4.22.0-k1',
      node: 'v20',
      os: 'Linux',
      cpu: { model: 'x', cores: 2 },
      gpu: null,
      configHash: configHash(config),
    },
    startedAt: '2026-11-27T00:00:00.000Z',
    finishedAt: '2026-11-27T00:00:02.000Z',
  };
}
