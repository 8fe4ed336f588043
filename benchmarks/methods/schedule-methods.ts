import { defineMethod, type HParams, type TfjsMethodDefinition } from '../../harness/core/method.js';
import { ReprobenchError } from '../../harness/errors.js';
import { AdamWOptimizer } from './optimizers/adamw.js';
import { SgdOptimizer } from './optimizers/sgd.js';
import { scheduledLearningRate, type ScheduleName } from './schedules.js';

/**
 * Schedule claims compare learning-rate schedules on one optimizer, and a claim's arms are
 * methods, so each schedule is its own method. The optimizer is an hparam (`optimizer`:
 * `adamw` with PyTorch's defaults, or `sgd` with heavy-ball momentum), so a card can run the
 * REX paper's SGD and Adam settings without more methods.
 */
export function createOptimizer(hp: HParams) {
  const lr = Number(hp.learningRate);
  switch (hp.optimizer) {
    case 'adamw':
      return new AdamWOptimizer({
        learningRate: lr,
        beta1: Number(hp.beta1),
        beta2: Number(hp.beta2),
        epsilon: Number(hp.epsilon),
        weightDecay: Number(hp.weightDecay),
        nesterov: false,
      });
    case 'sgd':
      return new SgdOptimizer({
        learningRate: lr,
        momentum: Number(hp.momentum),
        nesterov: Boolean(hp.nesterov),
        weightDecay: Number(hp.weightDecay),
      });
    default:
      throw new ReprobenchError(
        'E_BAD_CONFIG',
        `unknown optimizer "${String(hp.optimizer)}" for a schedule method`,
        "set hparams.optimizer to 'adamw' or 'sgd'",
      );
  }
}

export const BASE: HParams & { learningRate: number } = {
  learningRate: 1e-3,
  optimizer: 'adamw',
  beta1: 0.9,
  beta2: 0.999,
  epsilon: 1e-8,
  weightDecay: 0.01,
  momentum: 0.9,
  nesterov: false,
  warmupFraction: 0,
};

function scheduleMethod(
  id: string,
  schedule: ScheduleName,
  title: string,
  description: string,
  reference: TfjsMethodDefinition['reference'],
  shape: HParams = {},
): TfjsMethodDefinition {
  return defineMethod({
    id,
    version: 1,
    title,
    description: `${description} Optimizer AdamW (PyTorch defaults) unless the card sets hparams.optimizer = 'sgd' (momentum 0.9).`,
    ...(reference ? { reference } : {}),
    hparams: { ...BASE, schedule, ...shape },
    searchSpace: { learningRate: { min: 1e-4, max: 3e-2, scaling: 'log' } },
    createOptimizer,
    learningRate: scheduledLearningRate,
  });
}

const REX_PAPER = {
  title: 'REX: Revisiting Budgeted Training with an Improved Schedule (Chen, Wolfe, Kyrillidis, MLSys 2022)',
  url: 'https://arxiv.org/abs/2107.04197',
};

export const rexSchedule = scheduleMethod(
  'rex',
  'rex',
  'REX schedule',
  'Reflected exponential profile η_t = η_0 (1 − z) / (1/2 + 1/2 (1 − z)), z = t/T, updated every step.',
  REX_PAPER,
  { rexBeta: 1 },
);
export const linearDecay = scheduleMethod(
  'linear-decay',
  'linear',
  'Linear decay',
  "η_t = η_0 (1 − t/T) after an optional linear warmup: the schedule the refinement paper's worst-case theory picks.",
  {
    title: 'When, Why and How Much? Adaptive Learning Rate Scheduling by Refinement (Defazio et al. 2023)',
    url: 'https://arxiv.org/abs/2310.07831',
  },
);
export const cosineDecay = scheduleMethod(
  'cosine-decay',
  'cosine',
  'Cosine decay',
  'η_t = η_0 · (1 + cos(π t/T)) / 2 after an optional linear warmup (no restarts).',
  {
    title: 'SGDR: Stochastic Gradient Descent with Warm Restarts (Loshchilov & Hutter 2017)',
    url: 'https://arxiv.org/abs/1608.03983',
  },
);
export const stepDecay = scheduleMethod(
  'step-decay',
  'step',
  'Step decay',
  "η multiplied by 0.1 at 30%, 60% and 90% of the horizon (the REX paper's 30-60-90 step baseline).",
  REX_PAPER,
  { stepMilestones: '0.3,0.6,0.9', stepGamma: 0.1 },
);
export const expDecay = scheduleMethod(
  'exp-decay',
  'exponential',
  'Exponential decay',
  'η_t = η_0 · 0.01^(t/T): a constant per-step factor that ends at 1% of the peak.',
  REX_PAPER,
  { expFinal: 0.01 },
);
export const oneCycle = scheduleMethod(
  'onecycle',
  'onecycle',
  'OneCycle',
  'torch.optim.lr_scheduler.OneCycleLR: cosine rise from η/25 over 30% of the horizon, cosine fall to η/(25·10⁴).',
  {
    title: 'Super-Convergence: Very Fast Training of Neural Networks Using Large Learning Rates (Smith & Topin 2019)',
    url: 'https://arxiv.org/abs/1708.07120',
  },
  { onecyclePctStart: 0.3, onecycleDivFactor: 25, onecycleFinalDivFactor: 1e4 },
);
export const wsdSchedule = scheduleMethod(
  'wsd',
  'wsd',
  'Warmup–stable–decay',
  'Linear warmup, constant plateau, linear cooldown to 0 over the last 20% of the horizon.',
  {
    title: 'Scaling Laws and Compute-Optimal Training Beyond Fixed Training Durations (Hägele et al. 2024)',
    url: 'https://arxiv.org/abs/2405.18392',
  },
  { wsdDecayFraction: 0.2, wsdDecayShape: 'linear' },
);

export const scheduleMethods: TfjsMethodDefinition[] = [
  rexSchedule,
  linearDecay,
  cosineDecay,
  stepDecay,
  expDecay,
  oneCycle,
  wsdSchedule,
];
