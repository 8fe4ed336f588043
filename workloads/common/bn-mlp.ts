import * as tf from '@tensorflow/tfjs';
import type { Model } from '../../harness/core/workload.js';
import type { Rng } from '../../harness/rng.js';
import { BatchNorm, ownedVariable, type BatchNormSettings } from './batch-norm.js';
import { glorotUniform } from './mlp.js';

/**
 * A ReLU MLP `sizes[0] → … → sizes[last]` with batch normalisation after every hidden linear
 * layer, before the activation (Ioffe & Szegedy's placement, as in the GBN paper's networks).
 * Hidden linear layers have no bias (BN's β replaces it); weights are Glorot-uniform from the
 * trial's init stream, in layer order, like `createMlp`. `apply` is inference (running
 * statistics), `applyTrain` normalises with (ghost) batch statistics and updates the running ones.
 */
export function createBnMlp(rng: Rng, sizes: number[], bn: BatchNormSettings): Model {
  const weights: tf.Variable[] = [];
  const norms: BatchNorm[] = [];
  let outBias: tf.Variable | undefined;
  for (let l = 0; l + 1 < sizes.length; l++) {
    const fanOut = sizes[l + 1]!;
    weights.push(ownedVariable(glorotUniform(rng, sizes[l]!, fanOut)));
    if (l + 2 < sizes.length) norms.push(new BatchNorm(fanOut, bn));
    else outBias = ownedVariable(tf.zeros([fanOut]));
  }
  const forward = (x: tf.Tensor2D, norm: (bn: BatchNorm, h: tf.Tensor2D) => tf.Tensor2D): tf.Tensor2D => {
    let h = x;
    for (let i = 0; i < weights.length; i++) {
      h = tf.matMul(h, weights[i] as tf.Tensor2D);
      h = i < norms.length ? tf.relu(norm(norms[i]!, h)) : tf.add<tf.Tensor2D>(h, outBias!);
    }
    return h;
  };
  return {
    params: weights.flatMap((w, i) => (i < norms.length ? [w, ...norms[i]!.params] : [w, outBias!])),
    state: norms.flatMap((n) => n.state),
    apply: (x) => forward(x, (n, h) => n.apply(h)),
    applyTrain: (x) => forward(x, (n, h) => n.applyTrain(h)),
  };
}
