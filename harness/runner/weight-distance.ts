import * as tf from '@tensorflow/tfjs';

/**
 * The Euclidean distance of the trainable parameters from their initial values, over all of them
 * as one vector: √(Σ_tensors Σ (w − w₀)²) (Hoffer et al. 2017, §3: "the weight distance from its
 * initialization"). Each tensor's sum of squares is taken on the backend in float32 and the sums
 * are added in float64. Read asynchronously, like every value a trial reads (WebGPU has no sync read).
 */
export async function weightDistance(params: readonly tf.Tensor[], initial: readonly tf.Tensor[]): Promise<number> {
  if (params.length !== initial.length)
    throw new Error(`weightDistance: ${params.length} tensors against ${initial.length} initial ones`);
  const sums = tf.tidy(() => params.map((p, i) => tf.sum(tf.square(tf.sub(p, initial[i]!)))));
  try {
    const values = await Promise.all(sums.map((s) => s.data()));
    return Math.sqrt(values.reduce((acc, v) => acc + v[0]!, 0));
  } finally {
    tf.dispose(sums);
  }
}
