import * as tf from '@tensorflow/tfjs';
import type { TfjsMethodDefinition } from '../core/method.js';
import type { TrialConfig } from '../core/trial.js';
import type { Model, SupervisedData, WorkloadDefinition } from '../core/workload.js';
import { ReprobenchError } from '../errors.js';
import { Rng } from '../rng.js';
import { deriveSeed, type TrialSeeds } from './seeds.js';

/**
 * Builds the trial's model with the method's model options (if any) over the variant's. A method
 * that sets model options on a model without a training-mode path would silently change nothing.
 */
export function createModel(
  workload: WorkloadDefinition,
  method: TfjsMethodDefinition,
  config: TrialConfig,
  data: SupervisedData,
  options: Record<string, number | string | boolean>,
  seeds: TrialSeeds,
): Model {
  const extra = method.modelOptions?.(config.method.hparams, {
    batchSize: config.batchSize,
    seed: deriveSeed('method', [seeds.method, 'model']),
  });
  const model = workload.createModel(new Rng(seeds.init), data, extra ? { ...options, ...extra } : options);
  const consumed = new Set(model.buildOptions ?? []);
  if (extra && !model.applyTrain && !Object.keys(extra).every((k) => consumed.has(k))) {
    tf.dispose([...model.params, ...(model.state ?? [])]);
    throw new ReprobenchError(
      'E_BAD_CONFIG',
      `method ${method.id} sets model options (${Object.keys(extra).join(', ')}) but the model of ${workload.id}:${config.workload.variant} has no training-mode path that reads them`,
      "use a workload variant whose model reads them (batch normalisation: fashion-mnist-mlp:bn-large; dropout: char-lm's MLP variants)",
    );
  }
  return model;
}
