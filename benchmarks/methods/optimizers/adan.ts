import * as tf from '@tensorflow/tfjs';
import { fusedAdan } from '../../../harness/backends/kernels/adan.js';
import { SlotOptimizer, type Slots } from './slot-optimizer.js';

export interface AdanConfig {
  learningRate: number;
  /** EMA weights in the authors' code convention: 1 − the paper's β1, β2, β3. @default [0.98, 0.92, 0.99] */
  beta1: number;
  beta2: number;
  beta3: number;
  /** @default 1e-8 */
  epsilon: number;
  /** Decoupled weight decay λ. @default 0 (the authors' code; the paper uses 0.02 on vision models) */
  weightDecay: number;
  /** `false`: proximal decay θ ← θ / (1 + ηλ) after the step (the default); `true`: θ ← θ(1 − ηλ) before it. */
  noProx: boolean;
}

/**
 * Adan (Xie et al., "Adan: Adaptive Nesterov Momentum Algorithm for Faster Optimizing Deep
 * Models", arXiv:2208.06677), as the authors implement it in sail-sg/Adan `adan.py`
 * (`_single_tensor_adan`, checked at commit 062d4cd on 2026-11-27):
 *
 *   d_k = g_k − g_{k−1}            (g_0 := g_1, so the first difference is 0)
 *   m_k = β1 m + (1 − β1) g_k
 *   v_k = β2 v + (1 − β2) d_k
 *   n_k = β3 n + (1 − β3) (g_k + β2 d_k)²
 *   θ  ← θ − η/(1 − β1^k) · m_k / D − η β2/(1 − β2^k) · v_k / D,   D = √n_k / √(1 − β3^k) + ε
 *   θ  ← θ / (1 + ηλ)
 *
 * Gradient clipping (`max_grad_norm`, off by default there) is not implemented.
 */
export class AdanOptimizer extends SlotOptimizer<AdanConfig> {
  static get className(): string {
    return 'Adan';
  }
  protected readonly slotNames = ['m', 'v', 'n', 'prevGrad'] as const;

  constructor(config: Partial<AdanConfig> & { learningRate: number }) {
    super({ beta1: 0.98, beta2: 0.92, beta3: 0.99, epsilon: 1e-8, weightDecay: 0, noProx: false, ...config });
  }

  protected update(param: tf.Variable, grad: tf.Tensor, s: Slots, t: number): void {
    const { beta1, beta2, beta3, epsilon, weightDecay, noProx } = this.config;
    const lr = this.learningRate;
    const stepM = lr / (1 - beta1 ** t);
    const stepV = (lr * beta2) / (1 - beta2 ** t);
    const sqrtBias3 = Math.sqrt(1 - beta3 ** t);
    // On wasm, blas and webgpu one fused pass (harness/backends/kernels/adan.ts), the same float32
    // operations as the ops below, which every other backend runs.
    const decayMode = noProx ? 1 : weightDecay !== 0 ? 2 : 0;
    const fused = fusedAdan(
      { param, grad, prevGrad: s.prevGrad!, m: s.m!, v: s.v!, n: s.n! },
      {
        first: t === 1,
        beta1,
        oneMinusBeta1: 1 - beta1,
        beta2,
        oneMinusBeta2: 1 - beta2,
        beta3,
        oneMinusBeta3: 1 - beta3,
        sqrtBias3,
        epsilon,
        stepM,
        stepV,
        decayMode,
        decayFactor: noProx ? 1 - lr * weightDecay : 1 + lr * weightDecay,
      },
    );
    if (fused) {
      const [p, m, v, n] = fused as [tf.Tensor, tf.Tensor, tf.Tensor, tf.Tensor];
      s.m!.assign(m);
      s.v!.assign(v);
      s.n!.assign(n);
      s.prevGrad!.assign(grad);
      param.assign(p);
      return;
    }
    const diff = t === 1 ? tf.zerosLike(grad) : tf.sub(grad, s.prevGrad!);
    const m = tf.add(tf.mul(s.m!, beta1), tf.mul(grad, 1 - beta1));
    const v = tf.add(tf.mul(s.v!, beta2), tf.mul(diff, 1 - beta2));
    const u = tf.add(grad, tf.mul(diff, beta2));
    const n = tf.add(tf.mul(s.n!, beta3), tf.mul(tf.square(u), 1 - beta3));
    const denom = tf.add(tf.div(tf.sqrt(n), sqrtBias3), epsilon);
    let p: tf.Tensor = noProx ? tf.mul(param, 1 - lr * weightDecay) : param;
    p = tf.sub(p, tf.add(tf.mul(tf.div(m, denom), stepM), tf.mul(tf.div(v, denom), stepV)));
    if (!noProx && weightDecay !== 0) p = tf.div(p, 1 + lr * weightDecay);
    s.m!.assign(m);
    s.v!.assign(v);
    s.n!.assign(n);
    s.prevGrad!.assign(grad);
    param.assign(p);
  }
}
tf.serialization.registerClass(AdanOptimizer);
