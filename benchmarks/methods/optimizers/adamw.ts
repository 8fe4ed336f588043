import * as tf from '@tensorflow/tfjs';
import { fusedAdamW } from '../../../harness/backends/kernels/adamw.js';
import { SlotOptimizer, type Slots } from './slot-optimizer.js';

export interface AdamWConfig {
  learningRate: number;
  /** @default 0.9 */
  beta1: number;
  /** @default 0.999 */
  beta2: number;
  /** @default 1e-8 */
  epsilon: number;
  /** Decoupled weight decay. @default 0.01 (PyTorch's AdamW default) */
  weightDecay: number;
  /**
   * Nesterov momentum in the numerator, as AlgoPerf's NAdamW baseline does it:
   * the step uses β1 m_k + (1 − β1) g_k instead of m_k. @default false
   */
  nesterov: boolean;
}

/**
 * AdamW (Loshchilov & Hutter, "Decoupled Weight Decay Regularization", arXiv:1711.05101) in
 * PyTorch's form: θ ← θ(1 − ηλ); m, v EMAs; θ ← θ − η/(1 − β1^k) · m̂ / (√v / √(1 − β2^k) + ε).
 * With `nesterov: true` it is AlgoPerf's NAdamW (prize_qualification_baselines/external_tuning/
 * pytorch_nadamw_full_budget.py in mlcommons/algorithmic-efficiency, checked 2026-11-27).
 */
export class AdamWOptimizer extends SlotOptimizer<AdamWConfig> {
  static get className(): string {
    return 'AdamW';
  }
  protected readonly slotNames = ['m', 'v'] as const;

  constructor(config: Partial<AdamWConfig> & { learningRate: number }) {
    super({ beta1: 0.9, beta2: 0.999, epsilon: 1e-8, weightDecay: 0.01, nesterov: false, ...config });
  }

  protected update(param: tf.Variable, grad: tf.Tensor, s: Slots, t: number): void {
    const { beta1, beta2, epsilon, weightDecay, nesterov } = this.config;
    const lr = this.learningRate;
    const decayFactor = weightDecay !== 0 ? 1 - lr * weightDecay : null;
    const sqrtBias2 = Math.sqrt(1 - beta2 ** t);
    const step = lr / (1 - beta1 ** t);
    // On wasm and blas one fused pass (harness/backends/kernels/adamw.ts), bit-identical to the
    // ops below, which every other backend runs.
    const fused = fusedAdamW(param, grad, s.m!, s.v!, {
      decayFactor,
      beta1,
      oneMinusBeta1: 1 - beta1,
      beta2,
      oneMinusBeta2: 1 - beta2,
      sqrtBias2,
      epsilon,
      step,
      nesterov,
    });
    if (fused) {
      const [p, m, v] = fused as [tf.Tensor, tf.Tensor, tf.Tensor];
      s.m!.assign(m);
      s.v!.assign(v);
      param.assign(p);
      return;
    }
    const decayed = decayFactor !== null ? tf.mul(param, decayFactor) : param;
    const m = tf.add(tf.mul(s.m!, beta1), tf.mul(grad, 1 - beta1));
    const v = tf.add(tf.mul(s.v!, beta2), tf.mul(tf.square(grad), 1 - beta2));
    const numer = nesterov ? tf.add(tf.mul(m, beta1), tf.mul(grad, 1 - beta1)) : m;
    const denom = tf.add(tf.div(tf.sqrt(v), sqrtBias2), epsilon);
    s.m!.assign(m);
    s.v!.assign(v);
    param.assign(tf.sub(decayed, tf.mul(tf.div(numer, denom), step)));
  }
}
tf.serialization.registerClass(AdamWOptimizer);
