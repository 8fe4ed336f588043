import * as tf from '@tensorflow/tfjs';
import type { TrainingOptimizer } from '../../../harness/core/optimizer.js';

export interface NamedTensor {
  name: string;
  tensor: tf.Tensor;
}

/** Per-parameter state ("slots": moments, previous gradient) keyed by slot name. */
export type Slots = Record<string, tf.Variable>;

/**
 * Base of the project's optimizers: a tfjs `Optimizer` (so `minimize`, serialization and tfjs
 * layers models work) whose learning rate the training loop sets before every step, with
 * slot variables created lazily per parameter and exposed through getWeights/setWeights for resume.
 * Bias corrections are computed from the step count in JS doubles, like the PyTorch references.
 */
export abstract class SlotOptimizer<C extends { learningRate: number }>
  extends tf.Optimizer
  implements TrainingOptimizer
{
  learningRate: number;
  /** The hyperparameters, defaults filled in; what getConfig/fromConfig round-trip. */
  readonly config: C;
  protected abstract readonly slotNames: readonly string[];
  private slots: Slots[] = [];
  private slotOwners: string[] = [];

  constructor(config: C) {
    super();
    this.config = config;
    this.learningRate = config.learningRate;
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...this.config, learningRate: this.learningRate };
  }

  static override fromConfig<T extends tf.serialization.Serializable>(
    cls: tf.serialization.SerializableConstructor<T>,
    config: tf.serialization.ConfigDict,
  ): T {
    return new cls(config);
  }

  /** One update of `param` in place; `t` is the 1-based step. Runs inside a tidy. */
  protected abstract update(param: tf.Variable, grad: tf.Tensor, slots: Slots, t: number): void;

  override applyGradients(variableGradients: tf.NamedTensorMap | NamedTensor[]): void {
    const named = Array.isArray(variableGradients)
      ? variableGradients.map((v) => [v.name, v.tensor] as const)
      : Object.entries(variableGradients);
    // `iterations` (not `iterations_`, which tfjs initialises lazily) counts completed updates.
    const t = this.iterations + 1;
    tf.tidy(() => {
      named.forEach(([name, grad], i) => {
        const param = tf.engine().registeredVariables[name];
        if (!param) throw new Error(`optimizer: no variable named ${name}`);
        if (grad == null) return;
        this.update(param, grad, this.slotsFor(i, param), t);
      });
    });
    this.incrementIterations();
  }

  private slotsFor(i: number, param: tf.Variable): Slots {
    const existing = this.slots[i];
    if (existing) return existing;
    const made: Slots = {};
    for (const s of this.slotNames) made[s] = tf.keep(tf.zerosLike(param).variable(false));
    this.slots[i] = made;
    this.slotOwners[i] = param.name;
    return made;
  }

  override dispose(): void {
    for (const s of this.slots) for (const v of Object.values(s)) v.dispose();
    this.slots = [];
    this.slotOwners = [];
  }

  override async getWeights(): Promise<NamedTensor[]> {
    const out: NamedTensor[] = [await this.saveIterations()];
    for (const name of this.slotNames) {
      this.slots.forEach((s, i) => out.push({ name: `${this.slotOwners[i]}/${name}`, tensor: s[name]! }));
    }
    return out;
  }

  override async setWeights(weightValues: NamedTensor[]): Promise<void> {
    const rest = await this.extractIterations(weightValues);
    const perSlot = rest.length / this.slotNames.length;
    this.dispose();
    for (let i = 0; i < perSlot; i++) {
      const s: Slots = {};
      this.slotNames.forEach((name, k) => {
        s[name] = rest[k * perSlot + i]!.tensor.variable(false);
      });
      this.slots.push(s);
      this.slotOwners.push(rest[i]!.name.replace(/\/[^/]+$/, ''));
    }
  }
}
