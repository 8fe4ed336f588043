import type { BackendInfo } from '../../harness/backends/select.js';
import type { Registries } from '../../harness/core/registries.js';
import { configHash, TRIAL_SCHEMA_VERSION, type TrialRecord } from '../../harness/core/trial.js';
import type { SupervisedData } from '../../harness/core/workload.js';
import { Rng } from '../../harness/rng.js';
import { trialSeeds } from '../../harness/runner/seeds.js';
import { makeTrial } from '../../harness/plan/plan.js';
import { hostProvenance, trialProvenance } from '../../harness/store/provenance.js';

/** Fashion-MNIST-shaped synthetic data (28×28 bytes, 10 classes), seeded; no download, no cache. */
export function syntheticImages(nTrain: number, nValid: number): SupervisedData {
  const rng = new Rng('00000000000000000000000000000031');
  const set = (n: number) => ({
    x: Uint8Array.from({ length: n * 784 }, () => rng.int(256)),
    y: Int32Array.from({ length: n }, () => rng.int(10)),
    n,
  });
  return {
    train: set(nTrain),
    valid: set(nValid),
    featureSize: 784,
    xScale: 1 / 255,
    task: { kind: 'classification', numClasses: 10 },
  };
}

/** A finished fashion-mnist-mlp trial record with `points` eval points, as the store writes them. */
export function sampleTrialRecord(registries: Registries, backend: BackendInfo, points: number): TrialRecord {
  const trial = makeTrial(registries, {
    workloadId: 'fashion-mnist-mlp',
    arm: { method: 'adamw' },
    repeat: { purpose: 'eval', index: 0 },
    backend,
    stopAtTarget: true,
  });
  const curve = Array.from({ length: points }, (_, i) => ({
    step: (i + 1) * 25,
    examples: (i + 1) * 25 * 128,
    trainSeconds: (i + 1) * 0.1,
    metrics: {
      'validation/loss': 1 / (i + 2),
      'validation/accuracy': 0.5 + i / (4 * points),
      'train/loss': 1 / (i + 1.5),
    },
  }));
  const now = new Date().toISOString();
  return {
    schemaVersion: TRIAL_SCHEMA_VERSION,
    id: trial.id,
    config: trial.config,
    seeds: trialSeeds(trial.config.workload, trial.config.method.id, trial.config.repeat),
    status: 'censored',
    outcome: {
      stepsToTarget: null,
      examplesToTarget: null,
      secondsToTarget: null,
      stepsRun: points * 25,
      trainSeconds: points * 0.1,
      evalSeconds: points * 0.01,
      initSeconds: 0.05,
      finalMetrics: curve[curve.length - 1]!.metrics,
      bestTargetMetric: 0.75,
      reason: 'benchmark fixture',
    },
    curve,
    provenance: trialProvenance(hostProvenance(), backend, configHash(trial.config)),
    startedAt: now,
    finishedAt: now,
  };
}
