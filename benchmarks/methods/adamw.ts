import { defineMethod, type HParams } from '../../harness/core/method.js';
import { AdamWOptimizer } from './optimizers/adamw.js';
import { scheduledLearningRate } from './schedules.js';

const createAdamW = (hp: HParams, nesterov: boolean) =>
  new AdamWOptimizer({
    learningRate: Number(hp.learningRate),
    beta1: Number(hp.beta1),
    beta2: Number(hp.beta2),
    epsilon: Number(hp.epsilon),
    weightDecay: Number(hp.weightDecay),
    nesterov,
  });

/** AdamW with PyTorch's defaults (β = (0.9, 0.999), ε = 1e-8, λ = 0.01, η = 1e-3). */
export const adamw = defineMethod({
  id: 'adamw',
  version: 1,
  title: 'AdamW',
  description:
    'Adam with decoupled weight decay (Loshchilov & Hutter 2019), PyTorch defaults; schedule per claim card.',
  reference: { title: 'Decoupled Weight Decay Regularization', url: 'https://arxiv.org/abs/1711.05101' },
  hparams: {
    learningRate: 1e-3,
    beta1: 0.9,
    beta2: 0.999,
    epsilon: 1e-8,
    weightDecay: 0.01,
    schedule: 'constant',
    warmupFraction: 0,
  },
  searchSpace: { learningRate: { min: 1e-4, max: 3e-2, scaling: 'log' } },
  createOptimizer: (hp) => createAdamW(hp, false),
  learningRate: scheduledLearningRate,
});

/**
 * NAdamW with linear warmup and cosine decay: AlgoPerf's baseline. Defaults are the point of
 * its published search space that the self-tuning baseline uses (learning_rate 0.0017486,
 * one_minus_beta1 0.0673, beta2 0.99552, weight_decay 0.08122, warmup_factor 0.02); its label
 * smoothing and dropout are workload-side in AlgoPerf and not part of this method.
 */
export const nadamw = defineMethod({
  id: 'nadamw',
  version: 1,
  title: 'NAdamW (AlgoPerf baseline)',
  description: "AdamW with Nesterov momentum, linear warmup and cosine decay, as AlgoPerf's baseline submission.",
  reference: {
    title: 'AlgoPerf baseline pytorch_nadamw_full_budget.py (mlcommons/algorithmic-efficiency)',
    url: 'https://github.com/mlcommons/algorithmic-efficiency/tree/main/prize_qualification_baselines',
  },
  hparams: {
    learningRate: 0.0017486387539278373,
    beta1: 1 - 0.06733926164,
    beta2: 0.9955159689799007,
    epsilon: 1e-8,
    weightDecay: 0.08121616522670176,
    schedule: 'cosine',
    warmupFraction: 0.02,
  },
  searchSpace: { learningRate: { min: 1e-4, max: 3e-2, scaling: 'log' } },
  createOptimizer: (hp) => createAdamW(hp, true),
  learningRate: scheduledLearningRate,
});
