import { defineClaim } from '../../harness/core/claim.js';

/** Catalogue #70, the paper behind this card and ln-plasticity-loss. */
export const LYLE_2024 = {
  title: 'Normalization and effective learning rates in reinforcement learning',
  authors: 'Clare Lyle, Zeyu Zheng, Khimya Khetarpal, James Martens, Hado van Hasselt, Razvan Pascanu, Will Dabney',
  year: 2024,
  url: 'https://arxiv.org/abs/2407.01800',
  catalogue: 70,
};

/**
 * One learning rate for both arms, chosen on the baseline (adam-tasks) before the cards were
 * committed: final accuracy on the sequence's last task, tuning seed 0: 3e-4 → 0.580, 1e-3 → 0.642,
 * 3e-3 → 0.598. The NaP arm was not run before the cards were committed.
 */
export const TASKS_HPARAMS = { learningRate: 1e-3 };

/** The miniature both #70 cards share. */
export const RELABEL_MINIATURE =
  "The paper's synthetic plasticity benchmarks re-randomise the labels of an image data set (MNIST, CIFAR) many times and " +
  'train MLPs and CNNs on each task in turn; it also runs Atari. Here: 500 Fashion-MNIST training images, 20 tasks of fresh ' +
  'random labels (fixed seeds), 100 Adam steps of batch 100 per task (20 epochs), a 784-128-128-10 MLP with layer ' +
  'normalisation before each ReLU (no learnable gain or offset, no hidden biases, so each hidden layer is exactly ' +
  'scale-invariant; how the paper constrains LN gains and offsets could not be read here, so the model has none), constant ' +
  'learning rate 1e-3 without weight decay for every arm, chosen on the baseline on one tuning seed (3e-4, 1e-3, 3e-3). ' +
  'NaP projects every weight matrix, the output layer included, to its initial Frobenius norm after every step; the output ' +
  'bias is free. Validation is the last task itself (its images and labels): the outcome is how well the network fits a ' +
  'new task at the end of the sequence, not generalisation.';

/**
 * Catalogue #70. Normalize-and-Project vs the same layer-normalised network without the projection,
 * accuracy on the last of 20 random-label tasks after its 100 steps. The validity check is the
 * companion card ln-plasticity-loss: unless the baseline loses plasticity there, this card's
 * verdict reads as inconclusive.
 */
export const napPlasticityClaim = defineClaim({
  id: 'nap-plasticity',
  version: 1,
  title: 'Normalize-and-Project keeps a layer-normalised network able to learn new tasks late in a task sequence',
  paper: LYLE_2024,
  quote:
    'We propose to make the learning rate schedule explicit with a simple re-parameterization which we call ' +
    'Normalize-and-Project (NaP), which couples the insertion of normalization layers with weight projection, ensuring that ' +
    'the effective learning rate remains constant throughout training. This technique reveals itself as [...] a means of ' +
    'improving robustness to nonstationarity in synthetic plasticity loss benchmarks',
  claimedEffect: {
    description:
      'difference in accuracy on the last of 20 random-label tasks after its 100 steps, NaP − layer norm alone (positive = ' +
      'NaP keeps more plasticity); the abstract gives no size',
    direction: 'method-better',
  },
  fidelity: {
    kind: 'stand-in',
    differs:
      'a Fashion-MNIST random-label task sequence with Adam stands in for the paper’s synthetic benchmarks; LN without gain ' +
      'or offset, since the paper’s handling of them was not read',
  },
  testType: 'fixed-budget',
  outcome: 'final',
  methods: [{ method: 'nap-tasks', hparams: TASKS_HPARAMS }],
  baselines: [{ method: 'adam-tasks', hparams: TASKS_HPARAMS }],
  workloads: ['fashion-mnist-relabel'],
  // Two points of accuracy: about one standard error of one accuracy on the 500 images
  // (√(0.7·0.3/500) ≈ 0.02); a smaller gain in fitting a new task is not worth a reparameterisation.
  margin: { value: 0.02, units: 'absolute' },
  repeats: { quick: 2, standard: 8 },
  miniature:
    RELABEL_MINIATURE +
    ' Pre-registered validity check: the baseline must lose plasticity — the companion card ln-plasticity-loss (adam-tasks ' +
    'on the sequence vs a fresh network on the same last task) must be reproduced, otherwise this card reads as ' +
    'inconclusive whatever its label. Skeptic: Adam at a constant rate over 20 short tasks may lose little plasticity (the ' +
    'check guards that); the learning rate was tuned on the baseline only, so any tuning bias favours it; the target is the ' +
    'end of the sequence, as late as the budget allows.',
});
