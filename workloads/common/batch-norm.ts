import * as tf from '@tensorflow/tfjs';
import { ReprobenchError } from '../../harness/errors.js';

/**
 * Batch normalisation over the rows of a `[B, d]` activation, with Ghost Batch Normalisation
 * (Hoffer, Hubara & Soudry 2017, Algorithm 1): in training, each consecutive block of
 * `ghostBatchSize` rows is normalised with its own mean and (biased) variance; a ghost size equal
 * to the batch size is ordinary batch normalisation. Inference normalises with the running
 * statistics. Constants follow PyTorch's BatchNorm1d (momentum 0.1, ε = 1e-5, running variance
 * unbiased), so ghost size = batch size reproduces it exactly.
 */
export interface BatchNormSettings {
  /** Rows normalised together in training; `null` = the whole batch (ordinary BN). */
  ghostBatchSize: number | null;
  /** @default 0.1 (PyTorch's convention: running ← (1 − momentum)·running + momentum·batch) */
  momentum?: number;
  /** @default 1e-5 */
  epsilon?: number;
}

export class BatchNorm {
  readonly gamma: tf.Variable;
  readonly beta: tf.Variable;
  readonly runningMean: tf.Variable;
  readonly runningVar: tf.Variable;
  private readonly momentum: number;
  private readonly epsilon: number;
  private readonly ghost: number | null;

  constructor(features: number, settings: BatchNormSettings) {
    const g = settings.ghostBatchSize;
    if (g !== null && !(Number.isInteger(g) && g >= 2)) {
      throw new ReprobenchError(
        'E_BAD_CONFIG',
        `ghost batch size ${String(g)} is not an integer ≥ 2`,
        'set hparams.ghostBatchSize to a divisor of the batch size, at least 2 (e.g. 128)',
      );
    }
    this.ghost = g;
    this.momentum = settings.momentum ?? 0.1;
    this.epsilon = settings.epsilon ?? 1e-5;
    this.gamma = ownedVariable(tf.ones([features]), true);
    this.beta = ownedVariable(tf.zeros([features]), true);
    // Not trainable: updated in training by assignment, never by the optimizer.
    this.runningMean = ownedVariable(tf.zeros([features]), false);
    this.runningVar = ownedVariable(tf.ones([features]), false);
  }

  get params(): tf.Variable[] {
    return [this.gamma, this.beta];
  }

  get state(): tf.Variable[] {
    return [this.runningMean, this.runningVar];
  }

  /** Inference: normalise with the running statistics. */
  apply(x: tf.Tensor2D): tf.Tensor2D {
    return tf.tidy(() => {
      const scale = tf.mul(this.gamma, tf.rsqrt(tf.add(this.runningVar, this.epsilon)));
      return tf.add<tf.Tensor2D>(tf.mul(tf.sub(x, this.runningMean), scale), this.beta);
    });
  }

  /**
   * Training: normalise each ghost batch with its own statistics and fold them into the running
   * statistics in order, one momentum update per ghost batch, as Algorithm 1 and PyTorch's chunked
   * BN do: running ← (1−m)^k·running + Σ_l m(1−m)^(k−l)·stat_l over the k ghost batches.
   */
  applyTrain(x: tf.Tensor2D): tf.Tensor2D {
    const [b, d] = x.shape;
    const g = this.ghost ?? b;
    if (b % g !== 0) {
      throw new ReprobenchError(
        'E_BAD_CONFIG',
        `ghost batch size ${g} does not divide the batch size ${b}`,
        "choose a ghostBatchSize that divides the workload's batch size",
      );
    }
    const k = b / g;
    const x3 = tf.reshape(x, [k, g, d]);
    const { mean, variance } = tf.moments(x3, 1, true);
    const normed = tf.mul(tf.sub(x3, mean), tf.rsqrt(tf.add(variance, this.epsilon)));
    const y = tf.add<tf.Tensor2D>(tf.mul(tf.reshape(normed, [b, d]), this.gamma), this.beta);
    this.updateRunning(tf.reshape(mean, [k, d]), tf.mul(tf.reshape(variance, [k, d]), g / (g - 1)), k);
    return y;
  }

  private updateRunning(means: tf.Tensor2D, variances: tf.Tensor2D, k: number): void {
    const m = this.momentum;
    const decay = (1 - m) ** k;
    // Assignment is not an op on the gradient tape, so the statistics never reach the gradients.
    tf.tidy(() => {
      const weights = tf.tensor2d(
        Array.from({ length: k }, (_, l) => m * (1 - m) ** (k - 1 - l)),
        [k, 1],
      );
      const fold = (run: tf.Variable, stats: tf.Tensor2D) =>
        tf.add(tf.mul(run, decay), tf.sum(tf.mul(stats, weights), 0));
      this.runningMean.assign(fold(this.runningMean, means));
      this.runningVar.assign(fold(this.runningVar, variances));
    });
  }

  dispose(): void {
    tf.dispose([...this.params, ...this.state]);
  }
}

/** A variable owns a copy of its initial value; the initial tensor is freed so nothing leaks. */
export function ownedVariable(initial: tf.Tensor, trainable = true): tf.Variable {
  const v = tf.variable(initial, trainable);
  initial.dispose();
  return v;
}
