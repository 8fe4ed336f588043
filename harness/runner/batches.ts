import * as tf from '@tensorflow/tfjs';
import type { ExampleSet, SupervisedData } from '../core/workload.js';
import { ReprobenchError } from '../errors.js';
import type { Rng } from '../rng.js';

/** Copies example rows into a float batch, applying the data's scale (bytes → [0, 1]). */
export function gatherFeatures(
  set: ExampleSet,
  rows: ArrayLike<number>,
  featureSize: number,
  scale: number,
): Float32Array {
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

/** The rows of one epoch in training order, drawn from the trial's order stream. */
export type EpochRows = (epoch: number, rng: Rng) => Int32Array;

/**
 * An endless stream of training batches: each epoch is a fresh permutation drawn from the
 * trial's `order` stream, and a batch that runs past the end of an epoch continues into the
 * next one, so every step sees exactly `batchSize` examples and no example is skipped.
 * A curriculum replaces the permutation with `epochRows` (e.g. a share of the easiest rows).
 */
export class BatchStream {
  private perm: Int32Array;
  private pos = 0;
  epoch = 0;
  private readonly epochRows: EpochRows;

  constructor(
    private readonly data: SupervisedData,
    private readonly batchSize: number,
    private readonly rng: Rng,
    epochRows?: EpochRows,
  ) {
    this.epochRows = epochRows ?? ((_, r) => r.permutation(data.train.n));
    this.perm = this.drawEpoch();
  }

  private drawEpoch(): Int32Array {
    const rows = this.epochRows(this.epoch, this.rng);
    if (rows.length === 0)
      throw new ReprobenchError(
        'E_BAD_CONFIG',
        `epoch ${this.epoch} of the batch stream has no rows`,
        'a curriculum must give every epoch at least one training row',
      );
    return rows;
  }

  nextRows(): Int32Array {
    const rows = new Int32Array(this.batchSize);
    for (let i = 0; i < this.batchSize; i++) {
      if (this.pos === this.perm.length) {
        this.epoch++;
        this.perm = this.drawEpoch();
        this.pos = 0;
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
