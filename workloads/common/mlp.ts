import * as tf from '@tensorflow/tfjs';
import type { Model } from '../../harness/core/workload.js';
import type { Rng } from '../../harness/rng.js';
import type { Dropout } from './dropout.js';

export type Activation = 'relu' | 'tanh' | 'gelu';

/**
 * A Glorot-uniform `[fanIn, fanOut]` weight matrix drawn from `rng` in row-major order (the
 * stream's order is part of every stored trial's initial weights: keep it).
 */
export function glorotUniform(rng: Rng, fanIn: number, fanOut: number): tf.Tensor2D {
  const limit = Math.sqrt(6 / (fanIn + fanOut));
  const w = new Float32Array(fanIn * fanOut);
  for (let i = 0; i < w.length; i++) w[i] = (2 * rng.uniform() - 1) * limit;
  return tf.tensor2d(w, [fanIn, fanOut]);
}

/**
 * A fully connected network `sizes[0] → … → sizes[last]`. Weights are Glorot-uniform and
 * biases zero (Keras' defaults), drawn from the trial's init stream in JS so the initial
 * weights are identical on every backend. With `dropout`, training (`applyTrain`) drops units
 * after every hidden activation (the placement of Srivastava et al. 2014 for hidden layers);
 * without it the model has no training-mode path, as before.
 */
export function createMlp(rng: Rng, sizes: number[], activation: Activation = 'relu', dropout?: Dropout): Model {
  const params: tf.Variable[] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    params.push(toVariable(glorotUniform(rng, sizes[l]!, sizes[l + 1]!)));
    params.push(toVariable(tf.zeros([sizes[l + 1]!])));
  }
  const act = (h: tf.Tensor2D): tf.Tensor2D =>
    activation === 'relu' ? tf.relu(h) : activation === 'tanh' ? tf.tanh(h) : gelu(h);
  const forward = (x: tf.Tensor2D, hidden: (h: tf.Tensor2D) => tf.Tensor2D): tf.Tensor2D => {
    let h = x;
    for (let i = 0; i < params.length; i += 2) {
      h = tf.add<tf.Tensor2D>(tf.matMul(h, params[i] as tf.Tensor2D), params[i + 1]!);
      if (i + 2 < params.length) h = hidden(act(h));
    }
    return h;
  };
  const apply = (x: tf.Tensor2D) => forward(x, (h) => h);
  return dropout ? { params, apply, applyTrain: (x) => forward(x, (h) => dropout.apply(h)) } : { params, apply };
}

/** A variable owns a copy of its initial value; the initial tensor is freed so nothing leaks. */
function toVariable(initial: tf.Tensor): tf.Variable {
  const v = tf.variable(initial);
  initial.dispose();
  return v;
}

/** tanh approximation of GELU (tfjs has no GELU kernel on every backend). */
function gelu(x: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    const c = Math.sqrt(2 / Math.PI);
    const inner = tf.mul(c, tf.add(x, tf.mul(0.044715, tf.pow(x, 3))));
    return tf.mul(tf.mul(0.5, x), tf.add(1, tf.tanh(inner)));
  });
}
