import * as tf from '@tensorflow/tfjs';
import type { DataSelectionContext } from '../../harness/core/method.js';
import type { TrainingOptimizer } from '../../harness/core/optimizer.js';
import type { Model, SupervisedData } from '../../harness/core/workload.js';
import { ReprobenchError } from '../../harness/errors.js';
import { BatchStream, gatherFeatures, gatherTargets } from '../../harness/runner/batches.js';
import { Rng } from '../../harness/rng.js';

/**
 * Per-example difficulty of the training rows, from a model:
 * - `el2n`: ‖softmax(f(x)) − onehot(y)‖₂, the error L2 norm of Paul et al. ("Deep Learning on a
 *   Data Diet", data_diet/scores.py `l2_error`);
 * - `loss`: the example's softmax cross-entropy −log softmax(f(x))_y (the per-example loss the
 *   Cyclical Curriculum authors score with).
 */
export type ExampleScore = 'el2n' | 'loss';

/** Training rows per forward pass when scoring: bounds memory, large enough to be fast. */
const SCORE_CHUNK = 4096;

/** Scores every training row of `data` with `model`, reading each chunk asynchronously (no dataSync anywhere in a trial). */
export async function scoreExamples(model: Model, data: SupervisedData, kind: ExampleScore): Promise<Float32Array> {
  if (data.task.kind !== 'classification') {
    throw new ReprobenchError(
      'E_BAD_CONFIG',
      `${kind} example scores need a classification workload`,
      'use the method on a classification workload (e.g. fashion-mnist-mlp)',
    );
  }
  const { train, featureSize } = data;
  const out = new Float32Array(train.n);
  for (let start = 0; start < train.n; start += SCORE_CHUNK) {
    const rows = Int32Array.from({ length: Math.min(SCORE_CHUNK, train.n - start) }, (_, i) => start + i);
    const scores = tf.tidy(() => {
      const x = tf.tensor2d(gatherFeatures(train, rows, featureSize, data.xScale ?? 1), [rows.length, featureSize]);
      const y = gatherTargets(train, rows, data.task);
      const logits = model.apply(x);
      return kind === 'el2n'
        ? tf.norm(tf.sub(tf.softmax(logits), y), 'euclidean', 1)
        : tf.neg(tf.sum(tf.mul(y, tf.logSoftmax(logits)), 1));
    });
    out.set(await scores.data(), start);
    scores.dispose();
  }
  return out;
}

/** A fresh 128-bit seed drawn from a stream, so one method stream can seed many scoring runs. */
export function childSeed(rng: Rng): string {
  let hex = '';
  for (let i = 0; i < 4; i++)
    hex += rng
      .int(2 ** 32)
      .toString(16)
      .padStart(8, '0');
  return hex;
}

/** How a method scores its training rows. */
export interface ScoringPlan {
  score: ExampleScore;
  /** K: independently initialised scoring models whose scores are averaged. */
  models: number;
  /** S: optimizer steps each scoring model trains on the whole training set before it scores. */
  steps: number;
  /** The method's optimizer, fresh for each scoring model. */
  createOptimizer(): TrainingOptimizer;
  /** The method's learning rate at a step of the scoring run (its schedule, as in a full run). */
  learningRate(step: number): number;
}

/**
 * Trains K scoring models for S steps each on all training rows (init and batch order from the
 * method stream, so each repeat differs and a rerun is identical), scores every row with each,
 * and returns the mean score per row and the optimizer steps spent (K · S).
 */
export async function scoreTrainingRows(
  ctx: DataSelectionContext,
  plan: ScoringPlan,
): Promise<{ scores: Float32Array; scoringSteps: number }> {
  if (!(Number.isInteger(plan.models) && plan.models >= 1) || !(Number.isInteger(plan.steps) && plan.steps >= 0)) {
    throw new ReprobenchError(
      'E_BAD_CONFIG',
      `scoring needs an integer number of models ≥ 1 and of steps ≥ 0, got ${plan.models} models, ${plan.steps} steps`,
      'set the method hparams scoreModels (e.g. 4) and scoreSteps (e.g. 100)',
    );
  }
  const sum = new Float64Array(ctx.data.train.n);
  for (let k = 0; k < plan.models; k++) {
    const model = ctx.createModel(new Rng(childSeed(ctx.rng)));
    const order = new Rng(childSeed(ctx.rng));
    try {
      await trainScoringModel(model, ctx, plan, order);
      const s = await scoreExamples(model, ctx.data, plan.score);
      for (let i = 0; i < s.length; i++) sum[i] = sum[i]! + s[i]!;
    } finally {
      tf.dispose(model.params);
    }
  }
  const scores = Float32Array.from(sum, (v) => v / plan.models);
  return { scores, scoringSteps: plan.models * plan.steps };
}

async function trainScoringModel(
  model: Model,
  ctx: DataSelectionContext,
  plan: ScoringPlan,
  order: Rng,
): Promise<void> {
  const optimizer = plan.createOptimizer();
  const stream = new BatchStream(ctx.data, ctx.batchSize, order);
  try {
    for (let step = 0; step < plan.steps; step++) {
      optimizer.learningRate = plan.learningRate(step);
      const { x, y } = stream.next();
      const { value, grads } = tf.variableGrads(() => ctx.loss(model.apply(x), y), model.params);
      optimizer.applyGradients(grads);
      // Awaited like the training loop's loss read, so a GPU queue never runs ahead unbounded.
      await value.data();
      tf.dispose([x, y, value, ...Object.values(grads)]);
    }
  } finally {
    optimizer.dispose();
  }
}

/** Row indices of the k highest scores (a NaN score counts as highest), in ascending row order. */
export function highestScoring(scores: ArrayLike<number>, k: number): Int32Array {
  const key = (i: number) => (Number.isNaN(scores[i]) ? Infinity : scores[i]!);
  const order = Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => key(b) - key(a) || a - b);
  return Int32Array.from(order.slice(0, k)).sort();
}
