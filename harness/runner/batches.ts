import * as tf from '@tensorflow/tfjs';
import type { ExampleSet, SupervisedData } from '../core/workload.js';
import type { Rng } from './rng.js';

/** Copies example rows into a float batch, applying the data's scale (bytes → [0, 1]). */
export function gatherFeatures(set: ExampleSet, rows: ArrayLike<number>, featureSize: number, scale: number): Float32Array {
  const out = new Float32Array(rows.length * featureSize);
  for (let i = 0; i < rows.length; i++) {
    const src = rows[i]! * featureSize;
    const dst = i * featureSize;
    for (let j = 0; j < featureSize; j++) out[dst + j] = set.x[src + j]! * scale;
  }
  return out;
}

/** Targets as the loss wants them: one-hot rows for classes, raw values for regression. */
export function gatherTargets(set: ExampleSet, rows: ArrayLike<number>, task: SupervisedData['task']): tf.Tensor2D {
  if (task.kind === 'classification') {
    const out = new Float32Array(rows.length * task.numClasses);
    for (let i = 0; i < rows.length; i++) out[i * task.numClasses + set.y[rows[i]!]!] = 1;
    return tf.tensor2d(out, [rows.length, task.numClasses]);
  }
  const k = task.targetSize;
  const out = new Float32Array(rows.length * k);
  for (let i = 0; i < rows.length; i++) for (let j = 0; j < k; j++) out[i * k + j] = set.y[rows[i]! * k + j]!;
  return tf.tensor2d(out, [rows.length, k]);
}

/**
 * An endless stream of training batches: each epoch is a fresh permutation drawn from the
 * trial's `order` stream, and a batch that runs past the end of an epoch continues into the
 * next one, so every step sees exactly `batchSize` examples and no example is skipped.
 */
export class BatchStream {
  private perm: Int32Array;
  private pos = 0;
  epoch = 0;

  constructor(
    private readonly data: SupervisedData,
    private readonly batchSize: number,
    private readonly rng: Rng,
  ) {
    this.perm = rng.permutation(data.train.n);
  }

  nextRows(): Int32Array {
    const rows = new Int32Array(this.batchSize);
    for (let i = 0; i < this.batchSize; i++) {
      if (this.pos === this.perm.length) {
        this.perm = this.rng.permutation(this.data.train.n);
        this.pos = 0;
        this.epoch++;
      }
      rows[i] = this.perm[this.pos++]!;
    }
    return rows;
  }

  next(): { x: tf.Tensor2D; y: tf.Tensor2D } {
    const rows = this.nextRows();
    const { train, featureSize } = this.data;
    const x = tf.tensor2d(gatherFeatures(train, rows, featureSize, this.data.xScale ?? 1), [rows.length, featureSize]);
    return { x, y: gatherTargets(train, rows, this.data.task) };
  }
}
