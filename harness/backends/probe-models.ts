import * as tf from '@tensorflow/tfjs';
import { AdamWOptimizer } from '../../benchmarks/methods/optimizers/adamw.js';
import type { ProbeModel, ProbeRun } from './probe.js';

/**
 * A training step as the harness takes one: gradients of `loss` with respect to `params`, the
 * project's AdamW (fused where the backend has the kernel, as the built-in methods are), and the
 * loss read back.
 */
export function probeRun(params: tf.Variable[], loss: () => tf.Scalar, dispose: () => void): ProbeRun {
  const opt = new AdamWOptimizer({ learningRate: 1e-3 });
  return {
    async step() {
      const { value, grads } = tf.variableGrads(loss, params);
      opt.applyGradients(grads);
      await value.data();
      tf.dispose([value, ...Object.values(grads)]);
    },
    dispose() {
      opt.dispose();
      dispose();
    },
  };
}

/**
 * The probe when no workload is named (`bench`, `calibrate`): the engine benchmark's MLP
 * (784-256-10 ReLU, batch 128) on a fixed synthetic batch.
 */
export const DEFAULT_PROBE: ProbeModel = {
  key: 'mlp-784-256-10-b128',
  create() {
    const w1 = tf.variable(tf.randomUniform([784, 256], -0.07, 0.07, 'float32', 1));
    const b1 = tf.variable(tf.zeros([256]));
    const w2 = tf.variable(tf.randomUniform([256, 10], -0.15, 0.15, 'float32', 2));
    const b2 = tf.variable(tf.zeros([10]));
    const x = tf.randomNormal<tf.Rank.R2>([128, 784], 0, 1, 'float32', 3);
    const y = tf.oneHot(tf.tensor1d(Int32Array.from({ length: 128 }, (_, i) => (i * 7) % 10), 'int32'), 10).toFloat() as tf.Tensor2D;
    const params = [w1, b1, w2, b2];
    const loss = () => tf.losses.softmaxCrossEntropy<tf.Tensor, tf.Scalar>(y, tf.add(tf.matMul(tf.relu(tf.add(tf.matMul(x, w1), b1)), w2), b2));
    return probeRun(params, loss, () => tf.dispose([...params, x, y]));
  },
};
