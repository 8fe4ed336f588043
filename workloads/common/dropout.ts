import * as tf from '@tensorflow/tfjs';
import { ReprobenchError } from '../../harness/errors.js';
import { Rng } from '../../harness/rng.js';

/**
 * Inverted dropout (Srivastava et al. 2014, as `torch.nn.Dropout` and `tf.nn.dropout` do it): in
 * training each unit is kept with probability 1 − p and the kept ones are scaled by 1/(1 − p), so
 * a unit's expected value is unchanged and evaluation uses the network as it is (no mask, no
 * scaling). Masks are drawn in JavaScript from the project's Rng, one uniform per unit in
 * row-major order (kept when u ≥ p), so they are the same on every backend and each call of a
 * trial draws the next masks of its stream.
 */
export class Dropout {
  private readonly rng: Rng;

  /**
   * @param rate p, the probability of dropping a unit, in [0, 1)
   * @param seed 32 hex digits: the trial's dropout stream (a method seed, DESIGN § Rules)
   * @throws ReprobenchError E_BAD_CONFIG when the rate is outside [0, 1)
   */
  constructor(
    readonly rate: number,
    seed: string,
  ) {
    if (!(rate >= 0 && rate < 1)) {
      const hint = 'set hparams.dropout to a probability such as 0.1';
      throw new ReprobenchError('E_BAD_CONFIG', `dropout rate ${rate} is not in [0, 1)`, hint);
    }
    this.rng = new Rng(seed);
  }

  /** The next mask for a `[rows, cols]` activation: 0 for dropped units, 1/(1 − p) for kept ones. */
  nextMask(rows: number, cols: number): Float32Array {
    const keep = 1 / (1 - this.rate);
    const mask = new Float32Array(rows * cols);
    for (let i = 0; i < mask.length; i++) mask[i] = this.rng.uniform() >= this.rate ? keep : 0;
    return mask;
  }

  /** Training-mode dropout of `h`; the caller owns the result and its intermediates (as in a model's forward pass). */
  apply(h: tf.Tensor2D): tf.Tensor2D {
    if (this.rate === 0) return h;
    const [rows, cols] = h.shape;
    return tf.mul(h, tf.tensor2d(this.nextMask(rows, cols), [rows, cols]));
  }
}
