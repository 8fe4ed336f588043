import * as tf from '@tensorflow/tfjs';
import { fusedSgd } from '../../../harness/backends/kernels/sgd.js';
import { SlotOptimizer, type Slots } from './slot-optimizer.js';

export interface SgdConfig {
  learningRate: number;
  /** @default 0.9 */
  momentum: number;
  /** @default true */
  nesterov: boolean;
  /** L2 penalty added to the gradient (PyTorch's coupled `weight_decay`). @default 0 */
  weightDecay: number;
}

/**
 * SGD with heavy-ball or Nesterov momentum, as torch.optim.SGD computes it (dampening 0):
 * d = g + λθ; b_1 = d, b_k = μ b_{k−1} + d; step direction b (or d + μ b with Nesterov); θ ← θ − η·step.
 */
export class SgdOptimizer extends SlotOptimizer<SgdConfig> {
  static get className(): string {
    return 'SGDMomentum';
  }
  protected readonly slotNames = ['buf'] as const;

  constructor(config: Partial<SgdConfig> & { learningRate: number }) {
    super({ momentum: 0.9, nesterov: true, weightDecay: 0, ...config });
  }

  protected update(param: tf.Variable, grad: tf.Tensor, s: Slots, t: number): void {
    const { momentum, nesterov, weightDecay } = this.config;
    // On wasm, blas and webgpu one fused pass (harness/backends/kernels/sgd.ts), the same float32
    // operations as the ops below, which every other backend runs.
    const fused = fusedSgd(
      { param, grad, buf: s.buf! },
      { weightDecay, first: t === 1, momentum, nesterov, learningRate: this.learningRate },
    );
    if (fused) {
      const [p, buf] = fused as [tf.Tensor, tf.Tensor];
      s.buf!.assign(buf);
      param.assign(p);
      return;
    }
    const d = weightDecay !== 0 ? tf.add(grad, tf.mul(param, weightDecay)) : grad;
    const buf = t === 1 ? d : tf.add(tf.mul(s.buf!, momentum), d);
    const dir = nesterov ? tf.add(d, tf.mul(buf, momentum)) : buf;
    s.buf!.assign(buf);
    param.assign(tf.sub(param, tf.mul(dir, this.learningRate)));
  }
}
tf.serialization.registerClass(SgdOptimizer);
