import { defineMethod, type DataSelectionContext, type HParams } from '../../harness/core/method.js';
import { ReprobenchError } from '../../harness/errors.js';
import type { Rng } from '../../harness/rng.js';
import { AdamWOptimizer } from './optimizers/adamw.js';
import { NapAdamOptimizer } from './optimizers/nap.js';
import { scheduledLearningRate } from './schedules.js';

/**
 * Trains a task sequence in order: the training set holds the tasks block by block (equal blocks,
 * e.g. workloads/fashion-mnist/relabel.ts), and task t gets `stepsPerTask` steps of batches drawn
 * from its block only (fresh shuffles of the block, from the trial's order stream). The number of
 * tasks is the step hint divided by `stepsPerTask`.
 * @throws ReprobenchError E_BAD_CONFIG when the budget or the rows do not split into whole tasks
 */
export function taskSequenceRows(hp: HParams, ctx: DataSelectionContext) {
  const steps = Number(hp.stepsPerTask);
  const tasks = ctx.stepHint / steps;
  const rows = ctx.data.train.n / tasks;
  if (!Number.isInteger(steps) || steps <= 0 || !Number.isInteger(tasks) || !Number.isInteger(rows))
    throw new ReprobenchError(
      'E_BAD_CONFIG',
      `a task sequence of ${steps} steps per task does not split ${ctx.stepHint} steps and ${ctx.data.train.n} rows into whole tasks`,
      'set stepsPerTask to the workload’s steps per task (fashion-mnist-relabel: 100)',
    );
  const perTask = steps * ctx.batchSize;
  const epochRows = (_epoch: number, rng: Rng): Int32Array => {
    const out = new Int32Array(tasks * perTask);
    for (let t = 0; t < tasks; t++) {
      for (let k = 0; k < perTask; k += rows) {
        const perm = rng.permutation(rows);
        for (let i = 0; i < rows && k + i < perTask; i++) out[t * perTask + k + i] = t * rows + perm[i]!;
      }
    }
    return out;
  };
  return Promise.resolve({ epochRows, scoringSteps: 0 });
}

const HPARAMS = {
  learningRate: 1e-3,
  beta1: 0.9,
  beta2: 0.999,
  epsilon: 1e-8,
  weightDecay: 0,
  schedule: 'constant',
  stepsPerTask: 100,
};
const adamConfig = (hp: HParams) => ({
  learningRate: Number(hp.learningRate),
  beta1: Number(hp.beta1),
  beta2: Number(hp.beta2),
  epsilon: Number(hp.epsilon),
  weightDecay: Number(hp.weightDecay),
});
const SPACE = { learningRate: { min: 1e-4, max: 1e-2, scaling: 'log' as const } };

/** Adam at a constant learning rate through a task sequence: the plasticity baseline. */
export const adamTasks = defineMethod({
  id: 'adam-tasks',
  version: 1,
  title: 'Adam through a task sequence',
  description:
    'Adam (no weight decay) at a constant learning rate, trained on a task sequence task by task (stepsPerTask each).',
  hparams: HPARAMS,
  searchSpace: SPACE,
  selectData: taskSequenceRows,
  createOptimizer: (hp) => new AdamWOptimizer(adamConfig(hp)),
  learningRate: scheduledLearningRate,
});

/** The same, with every weight matrix projected back to its initial norm after each step (NaP's projection). */
export const napTasks = defineMethod({
  id: 'nap-tasks',
  version: 1,
  title: 'Normalize-and-Project through a task sequence',
  description:
    'As adam-tasks, and after every update each weight matrix is rescaled to its initial Frobenius norm (NaP, Lyle et al. ' +
    '2024); the normalisation half is the workload’s layer-normalised model.',
  reference: {
    title: 'Normalization and effective learning rates in reinforcement learning (Lyle et al., NeurIPS 2024)',
    url: 'https://arxiv.org/abs/2407.01800',
  },
  hparams: HPARAMS,
  searchSpace: SPACE,
  selectData: taskSequenceRows,
  createOptimizer: (hp) => new NapAdamOptimizer(adamConfig(hp)),
  learningRate: scheduledLearningRate,
});
