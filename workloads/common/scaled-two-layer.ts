import * as tf from '@tensorflow/tfjs';
import type { Model } from '../../harness/core/workload.js';
import type { Rng } from '../../harness/rng.js';

export type TwoLayerActivation = 'relu' | 'square';

function variable(init: Float32Array, shape: number[]): tf.Variable {
  const t = tf.tensor(init, shape);
  const v = tf.variable(t);
  t.dispose();
  return v;
}

/**
 * A two-layer network in the lazy-training scaling of Chizat, Oyallon & Bach (2019), the
 * parametrisation Kumar et al. (2023) use to move between lazy and rich dynamics:
 * f(x) = α · (g_θ(x) − g_θ₀(x)) / √width, trained on (1/α²)·loss.
 * Two copies of the network start equal and are subtracted (the "doubling trick"), so f is
 * exactly 0 at initialisation without frozen tensors; the 1/α² is applied to the gradient
 * (tf.customGrad), so reported losses are those of f while the dynamics are those of the scaled
 * loss. Large α: the network stays near its initial features (lazy); small α: it learns features.
 * Weights are standard normal, drawn from the trial's init stream in JS (same on every backend).
 */
export function createScaledTwoLayer(
  rng: Rng,
  o: { inputs: number; hidden: number; outputs: number; alpha: number; activation: TwoLayerActivation },
): Model {
  const w = Float32Array.from({ length: o.inputs * o.hidden }, () => rng.normal());
  const a = Float32Array.from({ length: o.hidden * o.outputs }, () => rng.normal());
  const params = [
    variable(w, [o.inputs, o.hidden]),
    variable(a, [o.hidden, o.outputs]),
    variable(w, [o.inputs, o.hidden]),
    variable(a, [o.hidden, o.outputs]),
  ];
  const inScale = 1 / Math.sqrt(o.inputs);
  const outScale = o.alpha / Math.sqrt(o.hidden);
  const gradScale = 1 / (o.alpha * o.alpha);
  const act = o.activation === 'relu' ? tf.relu : tf.square;
  const scaleGrad = tf.customGrad(((x: tf.Tensor) => ({
    value: tf.clone(x),
    gradFunc: (dy: tf.Tensor) => tf.mul(dy, gradScale),
  })) as unknown as Parameters<typeof tf.customGrad>[0]);
  return {
    params,
    apply(x) {
      return tf.tidy(() => {
        const half = (wi: tf.Variable, ai: tf.Variable) =>
          tf.matMul(act(tf.mul(tf.matMul(x, wi as tf.Tensor2D), inScale)), ai);
        const g = tf.sub(half(params[0]!, params[1]!), half(params[2]!, params[3]!));
        return scaleGrad(tf.mul(g, outScale)) as tf.Tensor2D;
      });
    },
  };
}
