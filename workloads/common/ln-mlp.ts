import * as tf from '@tensorflow/tfjs';
import type { Model } from '../../harness/core/workload.js';
import type { Rng } from '../../harness/rng.js';
import { glorotUniform } from './mlp.js';

/** LayerNorm's ε, PyTorch's default. */
export const LN_EPSILON = 1e-5;

/**
 * An MLP with layer normalisation before every nonlinearity, as Normalize-and-Project places it
 * (Lyle et al. 2024, arXiv 2407.01800): hidden layer h ← ReLU(LN(h W)), with no bias (LN removes
 * it) and no learnable gain or offset, so each hidden layer's output is invariant to scaling its
 * weight matrix: f(x; cW) = f(x; W) for c > 0. The output layer is affine (weights and bias).
 * Glorot-uniform weights from the trial's init stream in JS, as `createMlp`.
 */
export function createLnMlp(rng: Rng, sizes: number[]): Model {
  const params: tf.Variable[] = [];
  const last = sizes.length - 2;
  for (let l = 0; l <= last; l++) {
    params.push(keep(glorotUniform(rng, sizes[l]!, sizes[l + 1]!)));
    if (l === last) params.push(keep(tf.zeros([sizes[l + 1]!])));
  }
  const apply = (x: tf.Tensor2D): tf.Tensor2D =>
    tf.tidy(() => {
      let h = x;
      for (let l = 0; l < last; l++) h = tf.relu(layerNorm(tf.matMul(h, params[l] as tf.Tensor2D)));
      return tf.add<tf.Tensor2D>(tf.matMul(h, params[last] as tf.Tensor2D), params[last + 1]!);
    });
  return { params, apply };
}

/** Normalises each row to zero mean and unit variance (biased variance, as torch.nn.LayerNorm). */
export function layerNorm(h: tf.Tensor2D): tf.Tensor2D {
  const { mean, variance } = tf.moments(h, -1, true);
  return tf.div(tf.sub(h, mean), tf.sqrt(tf.add(variance, LN_EPSILON)));
}

function keep(initial: tf.Tensor): tf.Variable {
  const v = tf.variable(initial);
  initial.dispose();
  return v;
}
