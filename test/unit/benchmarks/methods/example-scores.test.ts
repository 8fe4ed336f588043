import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DataSelectionContext } from '../../../../harness/core/method.js';
import type { Model, SupervisedData } from '../../../../harness/core/workload.js';
import {
  childSeed,
  highestScoring,
  scoreExamples,
  scoreTrainingRows,
} from '../../../../benchmarks/methods/example-scores.js';
import { taskLoss } from '../../../../harness/runner/evaluate.js';
import { Rng } from '../../../../harness/rng.js';
import { AdamWOptimizer } from '../../../../benchmarks/methods/optimizers/adamw.js';
import { createMlp } from '../../../../workloads/common/mlp.js';
import { useBackend } from '../../../helpers/backend.js';

/** Four rows of two features, three classes; a linear model with fixed weights. */
const data: SupervisedData = {
  train: { x: Float32Array.from([1, 2, 0, -1, 3, 0.5, -2, 1]), y: Int32Array.from([0, 2, 1, 0]), n: 4 },
  valid: { x: Float32Array.from([0, 0]), y: Int32Array.from([0]), n: 1 },
  featureSize: 2,
  task: { kind: 'classification', numClasses: 3 },
};

function linearModel(): Model {
  const w = tf.variable(
    tf.tensor2d([
      [0.5, -1, 0.25],
      [1.5, 0, -0.5],
    ]),
  );
  const b = tf.variable(tf.tensor1d([0.1, -0.2, 0.3]));
  return { params: [w, b], apply: (x) => tf.add<tf.Tensor2D>(tf.matMul(x, w), b) };
}

beforeAll(() => useBackend('cpu'));

describe('per-example scores', () => {
  // numpy: logits = X @ W + b; p = softmax(logits); norm(p − onehot(y), axis=1) and −log p[y]
  it('EL2N is ‖softmax(f(x)) − onehot(y)‖₂ per row (numpy reference)', async () => {
    const m = linearModel();
    const s = await scoreExamples(m, data, 'el2n');
    [0.031280287744184905, 0.4150987913916161, 1.3039232417140147, 1.066801899162757].forEach((v, i) =>
      expect(s[i]).toBeCloseTo(v, 5),
    );
    tf.dispose(m.params);
  });

  it("the loss score is the row's softmax cross-entropy (numpy reference)", async () => {
    const m = linearModel();
    const s = await scoreExamples(m, data, 'loss');
    [0.02532862657206937, 0.3911515559200586, 5.745678151577704, 1.5244569198954359].forEach((v, i) =>
      expect(s[i]).toBeCloseTo(v, 4),
    );
    tf.dispose(m.params);
  });

  it('refuses a regression workload with a hint', async () => {
    const m = linearModel();
    await expect(
      scoreExamples(m, { ...data, task: { kind: 'regression', targetSize: 1 } }, 'el2n'),
    ).rejects.toMatchObject({ code: 'E_BAD_CONFIG' });
    tf.dispose(m.params);
  });
});

describe('keeping the highest scores', () => {
  it('returns the top-k rows in row order, NaN counted as highest, ties by row', () => {
    expect([...highestScoring([0.1, 0.9, 0.5, 0.7, 0.2], 2)]).toEqual([1, 3]);
    expect([...highestScoring([0.1, NaN, 0.5, 0.7], 2)]).toEqual([1, 3]);
    expect([...highestScoring([0.3, 0.3, 0.3], 2)]).toEqual([0, 1]);
    expect([...highestScoring([0.3, 0.2], 5)]).toEqual([0, 1]);
  });
});

describe('scoring runs', () => {
  const ctx = (seed: string): DataSelectionContext => ({
    data,
    createModel: (rng) => createMlp(rng, [2, 4, 3]),
    loss: (o, y) => taskLoss(data.task, o, y),
    batchSize: 2,
    stepHint: 10,
    rng: new Rng(seed),
  });
  const plan = (models: number, steps: number) => ({
    score: 'el2n' as const,
    models,
    steps,
    createOptimizer: () =>
      new AdamWOptimizer({
        learningRate: 0.05,
        beta1: 0.9,
        beta2: 0.999,
        epsilon: 1e-8,
        weightDecay: 0,
        nesterov: false,
      }),
    learningRate: () => 0.05,
  });
  const seed = 'a'.repeat(32);

  it('with 0 steps averages the scores of K models initialised from successive child seeds of the method stream', async () => {
    const before = tf.memory().numTensors;
    const got = await scoreTrainingRows(ctx(seed), plan(2, 0));
    expect(got.scoringSteps).toBe(0);
    const rng = new Rng(seed);
    const per: Float32Array[] = [];
    for (let k = 0; k < 2; k++) {
      const m = createMlp(new Rng(childSeed(rng)), [2, 4, 3]);
      childSeed(rng); // the order seed
      per.push(await scoreExamples(m, data, 'el2n'));
      tf.dispose(m.params);
    }
    for (let i = 0; i < 4; i++) expect(got.scores[i]).toBeCloseTo((per[0]![i]! + per[1]![i]!) / 2, 6);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('training the scoring models changes the scores, counts K·S steps, is identical on a rerun and leaks nothing', async () => {
    const before = tf.memory().numTensors;
    const untrained = await scoreTrainingRows(ctx(seed), plan(2, 0));
    const a = await scoreTrainingRows(ctx(seed), plan(2, 5));
    const b = await scoreTrainingRows(ctx(seed), plan(2, 5));
    const other = await scoreTrainingRows(ctx('b'.repeat(32)), plan(2, 5));
    expect(a.scoringSteps).toBe(10);
    expect([...a.scores]).toEqual([...b.scores]);
    expect([...a.scores]).not.toEqual([...untrained.scores]);
    expect([...a.scores]).not.toEqual([...other.scores]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('rejects a number of models or steps it cannot use', async () => {
    await expect(scoreTrainingRows(ctx(seed), plan(0, 5))).rejects.toMatchObject({
      code: 'E_BAD_CONFIG',
      hint: expect.stringContaining('scoreModels'),
    });
    await expect(scoreTrainingRows(ctx(seed), plan(1, 2.5))).rejects.toMatchObject({ code: 'E_BAD_CONFIG' });
  });

  it('child seeds are 32 hex digits and differ draw by draw', () => {
    const rng = new Rng(seed);
    const s1 = childSeed(rng);
    expect(s1).toMatch(/^[0-9a-f]{32}$/);
    expect(childSeed(rng)).not.toBe(s1);
  });
});
