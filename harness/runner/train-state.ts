import * as tf from '@tensorflow/tfjs';
import type { TrainingOptimizer } from '../core/optimizer.js';
import { ReprobenchError } from '../errors.js';

/** A named tensor as tfjs optimizers exchange their state (`getWeights` / `setWeights`). */
interface NamedTensor {
  name: string;
  tensor: tf.Tensor;
}

/** An optimizer whose state (step count and slot variables) can be read and replaced, as tfjs optimizers can. */
export interface StatefulOptimizer extends TrainingOptimizer {
  getWeights(): Promise<NamedTensor[]>;
  setWeights(weights: NamedTensor[]): Promise<void>;
}

/**
 * A copy of the training state at one step: every parameter's value and the optimizer's step
 * count and slot variables. Copies, not the live variables, because training assigns new values
 * to those; `restoreTrainingState` can be called any number of times from one snapshot.
 */
export interface TrainingSnapshot {
  params: tf.Tensor[];
  optimizer: NamedTensor[];
  learningRate: number;
}

export function isStatefulOptimizer(o: TrainingOptimizer): o is StatefulOptimizer {
  const c = o as Partial<StatefulOptimizer>;
  return typeof c.getWeights === 'function' && typeof c.setWeights === 'function';
}

function stateful(o: TrainingOptimizer): StatefulOptimizer {
  if (!isStatefulOptimizer(o)) {
    throw new ReprobenchError(
      'E_BAD_CONFIG',
      'a stage-planning method needs an optimizer whose state can be saved and restored (getWeights/setWeights)',
      "use one of the project's optimizers (benchmarks/methods/optimizers/), which extend tfjs's Optimizer",
    );
  }
  return o;
}

/** Copies the parameters and the optimizer state. Free the copies with `disposeSnapshot`. */
export async function snapshotTrainingState(
  params: tf.Variable[],
  optimizer: TrainingOptimizer,
): Promise<TrainingSnapshot> {
  const weights = await stateful(optimizer).getWeights();
  // getWeights hands out the live slot variables (and a fresh step-count scalar): clone the former.
  return {
    params: params.map((p) => tf.clone(p)),
    optimizer: weights.map((w) => ({
      name: w.name,
      tensor: w.tensor instanceof tf.Variable ? tf.clone(w.tensor) : w.tensor,
    })),
    learningRate: optimizer.learningRate,
  };
}

/**
 * Puts the snapshot's values back. `assign` shares the snapshot tensor's storage (tfjs tensors are
 * immutable, a later update assigns a new one), and `setWeights` builds new slot variables from
 * the snapshot's tensors, so the snapshot stays intact for the next restore.
 */
export async function restoreTrainingState(
  snapshot: TrainingSnapshot,
  params: tf.Variable[],
  optimizer: TrainingOptimizer,
): Promise<void> {
  if (snapshot.params.length !== params.length)
    throw new Error(`snapshot holds ${snapshot.params.length} parameters, the model ${params.length}`);
  params.forEach((p, i) => p.assign(snapshot.params[i]!));
  await stateful(optimizer).setWeights(snapshot.optimizer);
  optimizer.learningRate = snapshot.learningRate;
}

export function disposeSnapshot(snapshot: TrainingSnapshot): void {
  tf.dispose([...snapshot.params, ...snapshot.optimizer.map((w) => w.tensor)]);
}
