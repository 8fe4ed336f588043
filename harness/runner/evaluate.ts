import * as tf from '@tensorflow/tfjs';
import type { Model, SupervisedData } from '../core/workload.js';
import { gatherFeatures, gatherTargets } from './batches.js';

/** Mean training loss of a batch: softmax cross-entropy for classes, MSE for regression. */
export function taskLoss(task: SupervisedData['task'], outputs: tf.Tensor2D, targets: tf.Tensor2D): tf.Scalar {
  return task.kind === 'classification'
    ? tf.losses.softmaxCrossEntropy(targets, outputs)
    : tf.losses.meanSquaredError(targets, outputs);
}

/** Validation rows per forward pass: large passes are fastest, this bounds their memory. */
const EVAL_CHUNK = 10_000;

/** Validation tensors built once per trial (their construction is not part of any timing). */
export interface ValidationSet {
  chunks: Array<{ x: tf.Tensor2D; y: tf.Tensor2D; labels?: tf.Tensor1D }>;
  n: number;
}

export function buildValidationSet(data: SupervisedData): ValidationSet {
  const { valid, featureSize, task } = data;
  const chunks: ValidationSet['chunks'] = [];
  for (let start = 0; start < valid.n; start += EVAL_CHUNK) {
    const rows = Int32Array.from({ length: Math.min(EVAL_CHUNK, valid.n - start) }, (_, i) => start + i);
    const x = tf.tensor2d(gatherFeatures(valid, rows, featureSize, data.xScale ?? 1), [rows.length, featureSize]);
    const y = gatherTargets(valid, rows, task);
    const labels =
      task.kind === 'classification'
        ? tf.tensor1d(
            Int32Array.from(rows, (r) => valid.y[r]!),
            'int32',
          )
        : undefined;
    chunks.push(labels ? { x, y, labels } : { x, y });
  }
  return { chunks, n: valid.n };
}

const kept = new WeakMap<SupervisedData, Map<string, ValidationSet>>();

/**
 * The validation tensors of `data` on the active backend, built once per process and kept: a
 * worker runs many trials of the same data, and rebuilding 10,000 rows each time was most of the
 * harness's per-trial overhead. The tensors are never changed, so results do not depend on reuse.
 */
export function keptValidationSet(data: SupervisedData): ValidationSet {
  let byBackend = kept.get(data);
  if (!byBackend) kept.set(data, (byBackend = new Map<string, ValidationSet>()));
  const backend = tf.getBackend();
  let v = byBackend.get(backend);
  if (!v) byBackend.set(backend, (v = buildValidationSet(data)));
  return v;
}

export function disposeValidationSet(v: ValidationSet): void {
  for (const c of v.chunks) tf.dispose([c.x, c.y, ...(c.labels ? [c.labels] : [])]);
}

/** AlgoPerf-style metric names: `validation/loss`, and `validation/accuracy` for classification. */
export type LossFn = (outputs: tf.Tensor2D, targets: tf.Tensor2D) => tf.Scalar;

export async function evaluate(
  model: Model,
  task: SupervisedData['task'],
  valid: ValidationSet,
  loss: LossFn,
): Promise<Record<string, number>> {
  let lossSum = 0;
  let correct = 0;
  for (const c of valid.chunks) {
    const [chunkLoss, hits] = tf.tidy(() => {
      const out = model.apply(c.x);
      const rows = c.x.shape[0];
      const l = tf.mul(loss(out, c.y), rows);
      const h = c.labels ? tf.sum(tf.cast(tf.equal(tf.argMax(out, 1), c.labels), 'int32')) : tf.scalar(0, 'int32');
      return [l, h];
    });
    lossSum += await scalarValue(chunkLoss);
    correct += await scalarValue(hits);
    tf.dispose([chunkLoss, hits]);
  }
  const metrics: Record<string, number> = { 'validation/loss': lossSum / valid.n };
  if (task.kind === 'classification') metrics['validation/accuracy'] = correct / valid.n;
  return metrics;
}

/** Reads a scalar; async because WebGPU in Node cannot read back synchronously (see train-loop). */
async function scalarValue(t: tf.Tensor): Promise<number> {
  return (await t.data())[0]!;
}
