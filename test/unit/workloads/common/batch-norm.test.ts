import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { BatchNorm } from '../../../../workloads/common/batch-norm.js';
import { useBackend } from '../../../helpers/backend.js';

interface Step {
  y: number[][];
  gradX: number[][];
  gradGamma: number[];
  gradBeta: number[];
  runningMean: number[];
  runningVar: number[];
}
interface Run {
  step0: Step;
  step1: Step;
  inference: number[][];
}
/** PyTorch BatchNorm1d applied per ghost batch: scripts/fixtures/ghost_batch_norm.py. */
const fixture = JSON.parse(
  readFileSync(new URL('../../../fixtures/ghost-batch-norm.json', import.meta.url), 'utf8'),
) as {
  B: number;
  D: number;
  gamma: number[];
  beta: number[];
  ghost4: Run;
  ghost8: Run;
};
const { B, D } = fixture;

/** The fixture's inputs (same formula as the Python script). */
function inputs(step: number): tf.Tensor2D {
  return tf.tensor2d(
    Array.from({ length: B }, (_, i) =>
      Array.from({ length: D }, (_, j) => Math.sin(0.37 * i + 1.3 * j + step) * (1 + 0.5 * j) + 0.05 * i),
    ),
  );
}
const lossWeights = () =>
  tf.tensor2d(Array.from({ length: B }, (_, i) => Array.from({ length: D }, (_, j) => (i + 1) * 0.1 - j * 0.2)));

function layer(ghost: number | null): BatchNorm {
  const bn = new BatchNorm(D, { ghostBatchSize: ghost });
  bn.gamma.assign(tf.tensor1d(fixture.gamma));
  bn.beta.assign(tf.tensor1d(fixture.beta));
  return bn;
}

const close = (actual: number[] | number[][], expected: number[] | number[][], tol = 2e-5) =>
  expect(
    (actual as number[][])
      .flat()
      .map((v, i) => Math.abs(v - (expected as number[][]).flat()[i]!))
      .every((e) => e < tol),
    `${JSON.stringify(actual)} vs ${JSON.stringify(expected)}`,
  ).toBe(true);

/** Two training steps (forward, gradients, running statistics) then inference, against the fixture. */
function expectMatches(bn: BatchNorm, run: Run) {
  for (const [s, ref] of [
    [0, run.step0],
    [1, run.step1],
  ] as const) {
    const x = inputs(s);
    const w = lossWeights();
    const y = tf.tidy(() => bn.applyTrain(x));
    close(y.arraySync(), ref.y);
    y.dispose();
    // The gradient pass runs the forward again: restore the running statistics it folded in.
    const [mean, variance] = [bn.runningMean.clone(), bn.runningVar.clone()];
    const { grads } = tf.variableGrads(() => tf.sum(tf.mul(bn.applyTrain(x), w)), bn.params);
    close(grads[bn.gamma.name]!.arraySync() as number[], ref.gradGamma);
    close(grads[bn.beta.name]!.arraySync() as number[], ref.gradBeta);
    bn.runningMean.assign(mean);
    bn.runningVar.assign(variance);
    const gx = tf.grad((xi: tf.Tensor) => tf.sum(tf.mul(bn.applyTrain(xi as tf.Tensor2D), w)))(x);
    close(gx.arraySync() as number[][], ref.gradX, 1e-4);
    bn.runningMean.assign(mean);
    bn.runningVar.assign(variance);
    close(bn.runningMean.arraySync() as number[], ref.runningMean);
    close(bn.runningVar.arraySync() as number[], ref.runningVar);
    tf.dispose([x, w, gx, mean, variance, ...Object.values(grads)]);
  }
  const x = inputs(5);
  const out = bn.apply(x);
  close(out.arraySync(), run.inference);
  tf.dispose([x, out]);
}

describe('batch normalisation with ghost batches', () => {
  beforeAll(() => useBackend('cpu'));

  it('normalises each ghost batch on its own and folds every ghost batch into the running statistics, as chunked torch BatchNorm1d', () => {
    const bn = layer(4);
    expectMatches(bn, fixture.ghost4);
    bn.dispose();
  });

  it('ghost size = batch size (and no ghost size) is ordinary batch normalisation', () => {
    for (const g of [8, null]) {
      const bn = layer(g);
      expectMatches(bn, fixture.ghost8);
      bn.dispose();
    }
    // Ghost batches really change the training output (the two fixtures differ).
    expect(Math.abs(fixture.ghost4.step0.y[0]![0]! - fixture.ghost8.step0.y[0]![0]!)).toBeGreaterThan(0.01);
  });

  it('infers with the running statistics, hand-computed', () => {
    const bn = new BatchNorm(2, { ghostBatchSize: null, epsilon: 0 });
    bn.runningMean.assign(tf.tensor1d([1, -2]));
    bn.runningVar.assign(tf.tensor1d([4, 0.25]));
    bn.gamma.assign(tf.tensor1d([3, 1]));
    bn.beta.assign(tf.tensor1d([0.5, 0]));
    const x = tf.tensor2d([
      [3, -1],
      [1, -2.5],
    ]);
    const y = bn.apply(x);
    // (3 − 1)/2·3 + 0.5 = 3.5; (−1 + 2)/0.5 = 2; (1 − 1)/2·3 + 0.5 = 0.5; (−2.5 + 2)/0.5 = −1
    close(
      y.arraySync(),
      [
        [3.5, 2],
        [0.5, -1],
      ],
      1e-6,
    );
    // Inference normalises each row on its own: a batch of one gives the same row.
    const one = tf.tensor2d([[3, -1]]);
    const y1 = bn.apply(one);
    close(y1.arraySync(), [[3.5, 2]], 1e-6);
    tf.dispose([x, y, one, y1]);
    bn.dispose();
  });

  it('one momentum update per ghost batch, hand-computed: running ← 0.9²·running + 0.9·0.1·μ₁ + 0.1·μ₂', () => {
    const bn = new BatchNorm(1, { ghostBatchSize: 2 });
    const x = tf.tensor2d([[1], [3], [10], [14]]);
    tf.tidy(() => bn.applyTrain(x)).dispose();
    // ghost means 2 and 12; unbiased variances 2 and 8; initial running mean 0, variance 1
    close(bn.runningMean.arraySync() as number[], [0.09 * 2 + 0.1 * 12], 1e-6);
    close(bn.runningVar.arraySync() as number[], [0.81 * 1 + 0.09 * 2 + 0.1 * 8], 1e-6);
    x.dispose();
    bn.dispose();
  });

  it('rejects a ghost size that does not divide the batch, or is below 2, with E_BAD_CONFIG', () => {
    const bn = new BatchNorm(1, { ghostBatchSize: 3 });
    const x = tf.zeros<tf.Rank.R2>([4, 1]);
    expect(() => tf.tidy(() => bn.applyTrain(x))).toThrow(expect.objectContaining({ code: 'E_BAD_CONFIG' }));
    expect(() => new BatchNorm(1, { ghostBatchSize: 1 })).toThrow(expect.objectContaining({ code: 'E_BAD_CONFIG' }));
    x.dispose();
    bn.dispose();
  });

  it('frees every intermediate tensor', () => {
    const bn = new BatchNorm(D, { ghostBatchSize: 4 });
    const x = inputs(0);
    const before = tf.memory().numTensors;
    tf.tidy(() => bn.applyTrain(x)).dispose();
    const y = bn.apply(x);
    y.dispose();
    expect(tf.memory().numTensors).toBe(before);
    x.dispose();
    bn.dispose();
  });
});
