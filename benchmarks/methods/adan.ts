import { defineMethod } from '../../harness/core/method.js';
import { AdanOptimizer } from './optimizers/adan.js';
import { scheduledLearningRate } from './schedules.js';

/**
 * Adan with the authors' recommended settings: betas (0.98, 0.92, 0.99) in their code's
 * convention, ε = 1e-8, weight decay 0.02 ("suitable for all experiments in our paper",
 * sail-sg/Adan README), proximal decay, learning rate 1e-3 (the code's default).
 */
export const adan = defineMethod({
  id: 'adan',
  version: 1,
  title: 'Adan',
  description: "Adaptive Nesterov momentum (Xie et al. 2022), authors' defaults; schedule per claim card.",
  reference: {
    title: 'Adan: Adaptive Nesterov Momentum Algorithm for Faster Optimizing Deep Models',
    url: 'https://arxiv.org/abs/2208.06677',
  },
  hparams: {
    learningRate: 1e-3,
    beta1: 0.98,
    beta2: 0.92,
    beta3: 0.99,
    epsilon: 1e-8,
    weightDecay: 0.02,
    noProx: false,
    schedule: 'constant',
    warmupFraction: 0,
  },
  searchSpace: { learningRate: { min: 1e-4, max: 3e-2, scaling: 'log' } },
  createOptimizer: (hp) =>
    new AdanOptimizer({
      learningRate: Number(hp.learningRate),
      beta1: Number(hp.beta1),
      beta2: Number(hp.beta2),
      beta3: Number(hp.beta3),
      epsilon: Number(hp.epsilon),
      weightDecay: Number(hp.weightDecay),
      noProx: Boolean(hp.noProx),
    }),
  learningRate: scheduledLearningRate,
});
