import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluate, taskLoss, buildValidationSet, disposeValidationSet } from '../../../../harness/runner/evaluate.js';
import { Rng } from '../../../../harness/rng.js';
import type { SupervisedData } from '../../../../harness/core/workload.js';
import { createBnMlp } from '../../../../workloads/common/bn-mlp.js';
import { useBackend } from '../../../helpers/backend.js';

const SEED = '0123456789abcdef0123456789abcdef';
const rows = (n: number, d: number, shift: number) =>
  tf.tensor2d(
    Array.from({ length: n * d }, (_, i) => Math.cos(i * 0.7 + shift) + shift),
    [n, d],
  );

describe('batch-normalised MLP', () => {
  beforeAll(() => useBackend('cpu'));

  it('trains only weights, γ and β; the running statistics are separate, non-trainable state', () => {
    const m = createBnMlp(new Rng(SEED), [6, 4, 3], { ghostBatchSize: null });
    expect(m.params.map((p) => p.shape)).toEqual([[6, 4], [4], [4], [4, 3], [3]]);
    expect(m.params.every((p) => p.trainable)).toBe(true);
    expect(m.state!.map((p) => [p.shape, p.trainable])).toEqual([
      [[4], false],
      [[4], false],
    ]);
    tf.dispose([...m.params, ...m.state!]);
  });

  it('infers row by row with the running statistics; training normalises with the batch and moves the running statistics', () => {
    const m = createBnMlp(new Rng(SEED), [6, 4, 3], { ghostBatchSize: null });
    const x = rows(8, 6, 2);
    const first = tf.slice(x, [0, 0], [1, 6]);
    // Inference: a row's output does not depend on the rest of the batch.
    const all = m.apply(x);
    const one = m.apply(first);
    expect(Array.from(one.dataSync())).toEqual(Array.from(tf.slice(all, [0, 0], [1, 3]).dataSync()).map((v) => v));
    // At initialisation (running mean 0, variance 1, γ = 1, β = 0) inference is relu(x·W1/√(1+ε))·W2 + b2.
    const expected = tf.tidy(() =>
      tf.add(
        tf.matMul(
          tf.relu(tf.div(tf.matMul(x, m.params[0] as tf.Tensor2D), Math.sqrt(1 + 1e-5))),
          m.params[3] as tf.Tensor2D,
        ),
        m.params[4]!,
      ),
    );
    expect(Math.max(...Array.from(tf.abs(tf.sub(all, expected)).dataSync()))).toBeLessThan(1e-5);
    // Training mode: the whole batch's statistics (inputs shifted by 2, so they differ from the running ones) ...
    const before = m.state![0]!.arraySync() as number[];
    const trained = tf.tidy(() => m.applyTrain!(x));
    expect(Math.max(...Array.from(tf.abs(tf.sub(trained, all)).dataSync()))).toBeGreaterThan(0.01);
    // ... and the running mean moved a tenth of the way to the batch mean (momentum 0.1).
    const batchMean = tf.tidy(() => tf.mean(tf.matMul(x, m.params[0] as tf.Tensor2D), 0)).arraySync() as number[];
    const after = m.state![0]!.arraySync() as number[];
    after.forEach((v, i) => expect(v).toBeCloseTo(0.9 * before[i]! + 0.1 * batchMean[i]!, 5));
    tf.dispose([x, first, all, one, expected, trained, ...m.params, ...m.state!]);
  });

  it('evaluation uses the inference path, never the training one', async () => {
    const data: SupervisedData = {
      train: { x: new Float32Array(0), y: new Int32Array(0), n: 0 },
      valid: { x: new Float32Array([1, 0, 0, 1, 1, 1]), y: new Int32Array([0, 1, 1]), n: 3 },
      featureSize: 2,
      task: { kind: 'classification', numClasses: 2 },
    };
    const valid = buildValidationSet(data);
    const model = {
      params: [],
      // Always predicts class 1: accuracy 2/3.
      apply: (x: tf.Tensor2D) =>
        tf.tidy(() => tf.concat<tf.Tensor2D>([tf.zeros([x.shape[0], 1]), tf.ones([x.shape[0], 1])], 1)),
      applyTrain: () => {
        throw new Error('evaluation called the training path');
      },
    };
    const metrics = await evaluate(model, data.task, valid, (o, y) => taskLoss(data.task, o, y));
    expect(metrics['validation/accuracy']).toBeCloseTo(2 / 3, 10);
    disposeValidationSet(valid);
  });
});
