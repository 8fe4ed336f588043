import * as tf from '@tensorflow/tfjs';
import type { TrainingOptimizer } from '../core/optimizer.js';
import { ReprobenchError } from '../errors.js';
import type { ProbeModel, ProbeRun } from './probe.js';

let probeOptimizer: (() => TrainingOptimizer) | null = null;

/**
 * Sets the optimizer a probe step applies. The composition root (harness/builtins.ts) sets the
 * built-in AdamW, fused where the backend has the kernel, as the built-in methods are: the probe
 * times the step the trials will take.
 */
export function setProbeOptimizer(create: () => TrainingOptimizer): void {
  probeOptimizer = create;
}

/**
 * A training step as the harness takes one: gradients of `loss` with respect to `params`, the
 * probe optimizer's update, and the loss read back.
 * @throws ReprobenchError E_INTERNAL when no probe optimizer is set (harness/builtins.ts not loaded)
 */
export function probeRun(params: tf.Variable[], loss: () => tf.Scalar, dispose: () => void): ProbeRun {
  if (!probeOptimizer) {
    throw new ReprobenchError(
      'E_INTERNAL',
      'the backend probe has no optimizer to time',
      "import harness/builtins.js (it sets the built-in AdamW) before initBackend('auto')",
    );
  }
  const opt = probeOptimizer();
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
    const y = tf
      .oneHot(
        tf.tensor1d(
          Int32Array.from({ length: 128 }, (_, i) => (i * 7) % 10),
          'int32',
        ),
        10,
      )
      .toFloat() as tf.Tensor2D;
    const params = [w1, b1, w2, b2];
    const loss = () =>
      tf.losses.softmaxCrossEntropy<tf.Tensor, tf.Scalar>(
        y,
        tf.add(tf.matMul(tf.relu(tf.add(tf.matMul(x, w1), b1)), w2), b2),
      );
    return probeRun(params, loss, () => tf.dispose([...params, x, y]));
  },
};
