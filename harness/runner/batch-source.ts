import type * as tf from '@tensorflow/tfjs';

export interface Batch {
  x: tf.Tensor2D;
  y: tf.Tensor2D;
}

/** Where the training loop takes its next batch from; the loop disposes each batch it takes. */
export interface BatchSource {
  /** A batch, or a promise of one when choosing it reads tensors (async: WebGPU cannot read synchronously). */
  next(): Batch | Promise<Batch>;
  /** Frees batches drawn but not handed out (called once, when the trial ends). */
  dispose?(): void;
}

/** What a method's `batchSource` hook gets to choose the batches a trial trains on. */
export interface BatchSourceContext {
  /** The trial's seeded batch stream: the batches every other method sees, in the same order. */
  stream: { next(): Batch };
  /** A batch's mean training loss under the current weights (inference mode); reading it counts as training time. */
  lossOf(b: Batch): Promise<number>;
}
