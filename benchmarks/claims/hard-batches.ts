import { defineClaim } from '../../harness/core/claim.js';
import { TUNING_NOTE } from './tuning-note.js';

const LR_SPACE = { learningRate: { min: 1e-3, max: 1e-1, scaling: 'log' as const } };

/**
 * Catalogue #92. Training on the highest-loss half of each pool of mini-batches vs training on
 * every mini-batch, steps to Fashion-MNIST's validation-accuracy target, both arms AdamW with
 * cosine decay, learning rates tuned by AlgoPerf external tuning with the same budget.
 */
export const hardBatchesClaim = defineClaim({
  id: 'hard-batches',
  version: 2,
  title: 'Training on high-loss mini-batches generalises in fewer epochs',
  paper: {
    title: 'Can we learn better with hard samples?',
    authors: 'Subin Sahayam, John Zakkam, Umarani Jayaraman',
    year: 2023,
    url: 'https://arxiv.org/abs/2304.03486',
    catalogue: 92,
  },
  quote:
    'We show that the proposed method generalizes in 26.47% less number of epochs than the traditional mini-batch method in EfficientNet-B4 on STL-10.',
  claimedEffect: {
    description:
      'speedup in optimizer steps to the validation-accuracy target of high-loss mini-batch selection over plain mini-batch training; ' +
      '26.47% fewer epochs is a 1/(1 − 0.2647) = 1.36× speedup, M = 1.36',
    magnitude: 1.36,
    direction: 'method-better',
  },
  fidelity: { kind: 'faithful' },
  testType: 'time-to-target',
  methods: [{ method: 'high-loss-batches' }],
  baselines: [{ method: 'cosine-decay' }],
  workloads: ['fashion-mnist-mlp'],
  margin: { value: 0.1, units: 'relative' },
  repeats: { quick: 3, standard: 12 },
  tuning: {
    kind: 'search',
    ruleset: 'external',
    studies: 2,
    trialsPerStudy: 6,
    spaces: { 'high-loss-batches': LR_SPACE, 'cosine-decay': LR_SPACE },
  },
  miniature:
    'The paper trains ResNets, EfficientNets and MobileNets on CIFAR-10/100 and STL-10. Here: the 784-128-10 MLP on Fashion-MNIST ' +
    '(batch 128) to its calibrated validation-accuracy target; both arms AdamW (PyTorch defaults) with cosine decay over the ' +
    'step budget. The method forwards pools of 4 mini-batches and trains one step on each of the 2 with the highest loss ' +
    '(δ = 0.5); the paper\'s own pool is not checked. "Epochs" become optimizer steps (each trained mini-batch is one step); ' +
    "the extra forward passes of the selection are counted in the reported training seconds, not in the steps. Each arm's " +
    'learning rate is tuned with the same budget (2 studies × 6 Halton points over 1e-3–1e-1, log scale, ' +
    TUNING_NOTE +
    ').',
});
