import { defineMethod } from '../../harness/core/method.js';
import { BASE, createOptimizer } from './schedule-methods.js';
import { scheduledLearningRate } from './schedules.js';
import { HighLossBatches } from './high-loss-selection.js';

/**
 * High-loss mini-batch selection (catalogue #92, "Can we learn better with hard samples?"):
 * each round forwards `selectPool` candidate batches and trains one step on each of the
 * ⌈δ · pool⌉ with the highest loss (δ = `selectFraction`). The forward passes count as training
 * time. Optimizer and schedule as the schedule methods (AdamW, cosine unless the card says otherwise).
 * Checked against methods.md's description of the paper ("forward a pool of mini-batches, train
 * on the δ fraction with the highest loss"); pool size 4 and δ = 0.5 are this method's defaults.
 */
export const highLossBatches = defineMethod({
  id: 'high-loss-batches',
  version: 1,
  title: 'High-loss mini-batch selection',
  description:
    'Forward a pool of candidate mini-batches, train on the δ share with the highest loss (pool 4, δ = 0.5 by default); ' +
    'AdamW with cosine decay unless the card sets hparams.optimizer / schedule. Scoring passes count as training time.',
  reference: {
    title: 'Can we learn better with hard samples? (catalogue #92)',
    url: 'https://arxiv.org/abs/2304.03486',
  },
  hparams: { ...BASE, schedule: 'cosine', selectPool: 4, selectFraction: 0.5 },
  searchSpace: { learningRate: { min: 1e-4, max: 3e-2, scaling: 'log' } },
  createOptimizer,
  learningRate: scheduledLearningRate,
  batchSource: (hp, ctx) =>
    new HighLossBatches(ctx.stream, (b) => ctx.lossOf(b), {
      pool: Number(hp.selectPool),
      fraction: Number(hp.selectFraction),
    }),
});
