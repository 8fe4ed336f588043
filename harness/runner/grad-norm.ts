import * as tf from '@tensorflow/tfjs';

/** The global norms of one step's raw minibatch gradient (before any clipping, decay or optimizer transform). */
export interface GradNorms {
  /** √(Σ_tensors Σ g²): the L2 norm of all gradients as one vector. */
  l2: number;
  /** Σ_tensors Σ |g|: the L1 norm (schedule refinement's Adam variant weighs steps by it). */
  l1: number;
}

/**
 * Both global norms of a step's gradients. Each tensor's sums are taken on the backend in float32
 * and added here in float64, as torch's `sqrt(Σ p.grad.norm()²)` adds per-tensor norms; one read
 * for all of them, asynchronous like every value a trial reads (WebGPU has no synchronous read).
 * Reading the gradients changes nothing in the update that follows.
 */
export async function gradNorms(grads: readonly tf.Tensor[]): Promise<GradNorms> {
  const sums = tf.tidy(() =>
    tf.stack([...grads.map((g) => tf.sum(tf.square(g))), ...grads.map((g) => tf.sum(tf.abs(g)))]),
  );
  try {
    const v = await sums.data();
    let sq = 0;
    let l1 = 0;
    for (let i = 0; i < grads.length; i++) {
      sq += v[i]!;
      l1 += v[grads.length + i]!;
    }
    return { l2: Math.sqrt(sq), l1 };
  } finally {
    sums.dispose();
  }
}

/** Per-step gradient norms of a trial, in step order (step k at index k − 1). */
export interface GradNormTrace {
  l2: number[];
  l1: number[];
}

/**
 * A trial's gradient-norm trace as it trains: every recorded step's norms, and the mean L2 norm
 * since the last eval (the curve's `train/grad-norm`).
 */
export class GradNormRecorder {
  readonly trace: GradNormTrace = { l2: [], l1: [] };
  private sum = 0;
  private count = 0;

  async record(grads: readonly tf.Tensor[]): Promise<void> {
    const n = await gradNorms(grads);
    this.trace.l2.push(n.l2);
    this.trace.l1.push(n.l1);
    this.sum += n.l2;
    this.count++;
  }

  /** The mean L2 norm of the steps recorded since the last call (null when there were none). */
  takeWindowMean(): number | null {
    const mean = this.count > 0 ? this.sum / this.count : null;
    this.sum = 0;
    this.count = 0;
    return mean;
  }
}
