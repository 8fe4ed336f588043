import * as tf from '@tensorflow/tfjs';
import { granetEvent, isEventStep, type GranetSchedule } from '../sparsity/granet-masks.js';
import { SgdOptimizer, type SgdConfig } from './sgd.js';
import type { Slots } from './slot-optimizer.js';

export interface MaskedSgdConfig extends SgdConfig, GranetSchedule {
  /** Neuroregeneration at every event (GraNet); false = gradual magnitude pruning alone (GMP). */
  regrow: boolean;
}

/**
 * SGD (with momentum) under GraNet's `Masking` (benchmarks/methods/sparsity/granet-masks.ts): every
 * matrix parameter (rank ≥ 2, as `add_module` masks weights and not biases) has a 0/1 mask; after
 * every update the weight and its momentum buffer are multiplied by it, and after every
 * `every`-th update an event prunes (GMP) and, with `regrow`, regenerates by the update's dense
 * gradient. Events read tensors back synchronously (`dataSync`), so they run on the CPU-side
 * backends (wasm, blas, cpu, tensorflow); WebGPU in Node cannot read synchronously and fails.
 */
export class MaskedSgdOptimizer extends SgdOptimizer {
  static override get className(): string {
    return 'MaskedSGD';
  }
  private readonly schedule: MaskedSgdConfig;
  private readonly masks = new Map<string, { cpu: Uint8Array; tensor: tf.Tensor }>();
  private readonly bufs = new Map<string, tf.Variable>();

  constructor(config: Partial<SgdConfig> & Omit<MaskedSgdConfig, keyof SgdConfig> & { learningRate: number }) {
    super(config);
    this.schedule = { ...this.config, ...config };
  }

  /** The current 0/1 mask of a parameter, or null while it is dense (tests and traces). */
  maskOf(name: string): Uint8Array | null {
    return this.masks.get(name)?.cpu ?? null;
  }

  protected override update(param: tf.Variable, grad: tf.Tensor, s: Slots, t: number): void {
    super.update(param, grad, s, t);
    if (param.shape.length >= 2) this.bufs.set(param.name, s.buf!);
    const mask = this.masks.get(param.name);
    if (!mask) return;
    param.assign(tf.mul(param, mask.tensor));
    s.buf!.assign(tf.mul(s.buf!, mask.tensor));
  }

  override applyGradients(grads: tf.NamedTensorMap | { name: string; tensor: tf.Tensor }[]): void {
    super.applyGradients(grads);
    const step = this.iterations;
    if (!isEventStep(step, this.schedule)) return;
    const named = Array.isArray(grads) ? grads.map((g) => [g.name, g.tensor] as const) : Object.entries(grads);
    const matrices = named.filter(([name, g]) => g != null && this.bufs.has(name));
    const params = matrices.map(([name]) => tf.engine().registeredVariables[name]!);
    const after = granetEvent(
      matrices.map(([name, g], i) => ({
        weight: params[i]!.dataSync() as Float32Array,
        buf: this.bufs.get(name)!.dataSync() as Float32Array,
        grad: g.dataSync() as Float32Array,
        mask: this.masks.get(name)?.cpu ?? new Uint8Array(g.size).fill(1),
      })),
      step,
      this.schedule,
      this.schedule.regrow,
    );
    after.forEach((a, i) => {
      const [name] = matrices[i]!;
      const p = params[i]!;
      tf.tidy(() => {
        p.assign(tf.tensor(a.weight, p.shape, 'float32'));
        this.bufs.get(name)!.assign(tf.tensor(a.buf!, p.shape, 'float32'));
      });
      this.masks.get(name)?.tensor.dispose();
      this.masks.set(name, { cpu: a.mask, tensor: tf.keep(tf.tensor(Float32Array.from(a.mask), p.shape, 'float32')) });
    });
  }

  override dispose(): void {
    for (const m of this.masks.values()) m.tensor.dispose();
    this.masks.clear();
    this.bufs.clear();
    super.dispose();
  }
}
tf.serialization.registerClass(MaskedSgdOptimizer);
