import type * as tf from '@tensorflow/tfjs';

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
