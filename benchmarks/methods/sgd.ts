import { defineMethod } from '../../harness/core/method.js';
import { SgdOptimizer } from './optimizers/sgd.js';
import { scheduledLearningRate } from './schedules.js';

/** SGD with Nesterov momentum 0.9 and cosine decay: the classic vision baseline. */
export const sgdNesterov = defineMethod({
  id: 'sgd-nesterov',
  version: 1,
  title: 'SGD + Nesterov momentum',
  description: 'SGD with Nesterov momentum 0.9, no weight decay, linear warmup 2% and cosine decay.',
  reference: {
    title: 'On the importance of initialization and momentum in deep learning (Sutskever et al. 2013)',
    url: 'https://proceedings.mlr.press/v28/sutskever13.html',
  },
  hparams: {
    learningRate: 0.05,
    momentum: 0.9,
    nesterov: true,
    weightDecay: 0,
    schedule: 'cosine',
    warmupFraction: 0.02,
  },
  searchSpace: { learningRate: { min: 1e-3, max: 1, scaling: 'log' } },
  createOptimizer: (hp) =>
    new SgdOptimizer({
      learningRate: Number(hp.learningRate),
      momentum: Number(hp.momentum),
      nesterov: Boolean(hp.nesterov),
      weightDecay: Number(hp.weightDecay),
    }),
  learningRate: scheduledLearningRate,
});
