import * as tf from '@tensorflow/tfjs';
import { AdamWOptimizer, type AdamWConfig } from './adamw.js';
import type { Slots } from './slot-optimizer.js';

/**
 * The "project" half of Normalize-and-Project (Lyle et al. 2024, "Normalization and effective
 * learning rates in reinforcement learning", arXiv 2407.01800): after every update each weight
 * matrix (rank ≥ 2) is rescaled to the Frobenius norm it had at initialisation, W ← ρ·W/‖W‖, so
 * in a network whose layers are scale-invariant (layer normalisation before each nonlinearity:
 * workloads/common/ln-mlp.ts) the parameter norm cannot grow and the effective learning rate
 * η/‖W‖² stays where it started. Vectors (biases) are left alone. The update itself is AdamW's.
 */
export class NapAdamOptimizer extends AdamWOptimizer {
  static override get className(): string {
    return 'NaPAdamW';
  }
  private readonly initialNorms = new Map<string, number>();

  constructor(config: Partial<AdamWConfig> & { learningRate: number }) {
    super(config);
  }

  /** The norm a parameter is projected to (its norm before the first update), or undefined before then. */
  radiusOf(name: string): number | undefined {
    return this.initialNorms.get(name);
  }

  protected override update(param: tf.Variable, grad: tf.Tensor, s: Slots, t: number): void {
    if (param.shape.length >= 2 && !this.initialNorms.has(param.name))
      this.initialNorms.set(param.name, tf.norm(param).dataSync()[0]!);
    super.update(param, grad, s, t);
    const rho = this.initialNorms.get(param.name);
    if (rho !== undefined) param.assign(tf.mul(param, tf.div(rho, tf.norm(param))));
  }
}
tf.serialization.registerClass(NapAdamOptimizer);
