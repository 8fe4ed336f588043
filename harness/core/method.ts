import type * as tf from '@tensorflow/tfjs';
import type { BatchSelectionSpec } from '../runner/batch-selection.js';
import type { Rng } from '../runner/rng.js';

export type HParamValue = number | string | boolean;
export type HParams = Record<string, HParamValue>;

/** One hyperparameter's search range (AlgoPerf search-space format). */
export type SearchDimension =
  | { min: number; max: number; scaling: 'log' | 'linear' }
  | { feasiblePoints: HParamValue[] };

/**
 * What the training loop needs from an optimizer: a learning rate it can set before each step,
 * and an update from gradients. Implementations in `benchmarks/methods/optimizers/` extend
 * tfjs's `Optimizer`, so they also work with tfjs layers models.
 */
export interface TrainingOptimizer {
  learningRate: number;
  applyGradients(grads: tf.NamedTensorMap): void;
  /** Frees the optimizer's slot variables. */
  dispose(): void;
}

/** Context the learning-rate function gets each step. */
export interface ScheduleContext {
  step: number;
  /** The horizon to anneal over: the workload's step hint. */
  totalSteps: number;
}

export interface MethodDefinition {
  id: string;
  /** Bump whenever the update rule or its defaults change, so stored trials are not reused. */
  version: number;
  title: string;
  description: string;
  /** The paper or code the method follows, cited where its formula was checked. */
  reference?: { title: string; url: string };
  /** Defaults: the paper's recommended values. `learningRate` is required. */
  hparams: HParams & { learningRate: number };
  searchSpace?: Record<string, SearchDimension>;
  createOptimizer(hp: HParams): TrainingOptimizer;
  /** Learning rate at a step. */
  learningRate(hp: HParams, ctx: ScheduleContext): number;
  /** Overrides the workload's batch size when set. */
  batchSize?: number;
  /**
   * Data selection: which batches to train on (e.g. high-loss mini-batches). Absent or null:
   * every batch of the seeded stream, in order.
   */
  batchSelection?(hp: HParams): BatchSelectionSpec | null;
  /**
   * The training rows this method trains on (e.g. a random 10% repeated for more epochs).
   * `rng` is the trial's method stream, seeded from (method id, repeat) (DESIGN § Rules).
   * Absent or null: the whole training set. Runs before training, outside the timed steps.
   */
  trainSubset?(hp: HParams, ctx: { trainSize: number; rng: Rng }): Int32Array | null;
}

/** Declares a method (identity function with types). */
export function defineMethod(def: MethodDefinition): MethodDefinition {
  return def;
}
