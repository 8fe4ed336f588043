import * as tf from '@tensorflow/tfjs';
import type { Model } from '../../harness/core/workload.js';
import type { Rng } from '../../harness/rng.js';
import { ownedVariable } from './batch-norm.js';
import { glorotUniform } from './mlp.js';

export interface TinyTransformerShape {
  /** Tokens in the context (the input is `context` one-hot blocks of `vocab` each). */
  context: number;
  vocab: number;
  /** Model width; must divide by `heads`. */
  width: number;
  heads: number;
  /** Hidden width of the feed-forward block. */
  ff: number;
  /**
   * qk-layernorm (Dehghani et al. 2023; Wortsman et al. 2023, § 3.1.1): LayerNorm over each head's
   * query and key vectors before their dot product, one learned gain and bias per head dimension
   * for queries and one for keys (shared by the heads, as `nn.LayerNorm(head_dim)`). @default false
   */
  qkLayerNorm?: boolean;
}

function layerNorm(x: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor): tf.Tensor {
  const { mean, variance } = tf.moments(x, -1, true);
  return tf.add(tf.mul(tf.div(tf.sub(x, mean), tf.sqrt(tf.add(variance, 1e-5))), gamma), beta);
}

/**
 * A one-block pre-LayerNorm Transformer that reads a one-hot context `[b, context · vocab]` and
 * predicts the next token from the last position: token embedding as one-hot × matMul (the
 * wasm-trainable form, as in the MLP), learned positions, multi-head self-attention over the
 * whole context (one block read at the last position: a causal mask would change nothing),
 * a ReLU feed-forward block, a final LayerNorm and a linear read-out. Embeddings and positions
 * are N(0, 0.02²), matrices Glorot-uniform, all drawn from the trial's init stream in a fixed order.
 */
export function createTinyTransformer(rng: Rng, shape: TinyTransformerShape): Model {
  const { context: n, vocab, width: d, heads, ff } = shape;
  if (d % heads !== 0) throw new Error(`width ${d} does not divide into ${heads} heads`);
  const dh = d / heads;
  const normal = (rows: number, cols: number): tf.Tensor2D =>
    tf.tensor2d(
      Float32Array.from({ length: rows * cols }, () => 0.02 * rng.normal()),
      [rows, cols],
    );
  const v = (t: tf.Tensor) => ownedVariable(t);
  const tok = v(normal(vocab, d));
  const pos = v(normal(n, d));
  const g1 = v(tf.ones([d])),
    b1 = v(tf.zeros([d]));
  const wqkv = v(glorotUniform(rng, d, 3 * d)),
    bqkv = v(tf.zeros([3 * d]));
  const wo = v(glorotUniform(rng, d, d)),
    bo = v(tf.zeros([d]));
  const g2 = v(tf.ones([d])),
    b2 = v(tf.zeros([d]));
  const w1 = v(glorotUniform(rng, d, ff)),
    bf1 = v(tf.zeros([ff]));
  const w2 = v(glorotUniform(rng, ff, d)),
    bf2 = v(tf.zeros([d]));
  const gf = v(tf.ones([d])),
    bf = v(tf.zeros([d]));
  const wout = v(glorotUniform(rng, d, vocab)),
    bout = v(tf.zeros([vocab]));
  // Ones and zeros, no draws: the init stream, and so every other weight, is the same with or without.
  const qkNorm = shape.qkLayerNorm ? [v(tf.ones([dh])), v(tf.zeros([dh])), v(tf.ones([dh])), v(tf.zeros([dh]))] : null;
  // No tidy here: like the MLP, the caller (training step, evaluation) owns the intermediates.
  const apply = (x: tf.Tensor2D): tf.Tensor2D => {
    const b = x.shape[0];
    const split = (t: tf.Tensor) => tf.transpose(tf.reshape(t, [b, n, heads, dh]), [0, 2, 1, 3]);
    const x0 = tf.add(tf.reshape(tf.matMul(tf.reshape(x, [b * n, vocab]), tok), [b, n, d]), pos);
    const h = tf.reshape<tf.Rank.R2>(layerNorm(x0, g1, b1), [b * n, d]);
    const [q, k, val] = tf.split(tf.add(tf.matMul(h, wqkv), bqkv), 3, 1);
    const [qh, kh] = qkNorm
      ? [layerNorm(split(q!), qkNorm[0]!, qkNorm[1]!), layerNorm(split(k!), qkNorm[2]!, qkNorm[3]!)]
      : [split(q!), split(k!)];
    const scores = tf.mul(tf.matMul(qh as tf.Tensor4D, kh as tf.Tensor4D, false, true), 1 / Math.sqrt(dh));
    const attended = tf.reshape<tf.Rank.R2>(tf.transpose(tf.matMul(tf.softmax(scores), split(val!)), [0, 2, 1, 3]), [
      b * n,
      d,
    ]);
    const x1 = tf.add(tf.reshape(x0, [b * n, d]), tf.add(tf.matMul(attended, wo), bo));
    const mlp = tf.add(
      tf.matMul(tf.relu(tf.add(tf.matMul(layerNorm(x1, g2, b2) as tf.Tensor2D, w1), bf1)) as tf.Tensor2D, w2),
      bf2,
    );
    const x2 = tf.reshape(tf.add(x1, mlp), [b, n, d]);
    // Only the last position predicts: the next character after the whole context.
    const last = tf.reshape(tf.slice(x2, [0, n - 1, 0], [b, 1, d]), [b, d]);
    return tf.add<tf.Tensor2D>(tf.matMul(layerNorm(last, gf, bf), wout), bout);
  };
  const params = [tok, pos, g1, b1, wqkv, bqkv, wo, bo, g2, b2, w1, bf1, w2, bf2, gf, bf, wout, bout];
  // With qk-layernorm the model reads a method's model option, so it declares a training path (the same function).
  return qkNorm ? { params: [...params, ...qkNorm], apply, applyTrain: apply } : { params, apply };
}
