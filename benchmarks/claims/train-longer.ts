import { defineClaim } from '../../harness/core/claim.js';
import { HOFFER_2017 } from './ghost-bn.js';

/**
 * Every arm: the paper's MNIST regime (the authors' models/mnist_f1.py): SGD with heavy-ball
 * momentum 0.9, L2 1e-4, the rate × 0.1 at 20, 40 and 60% of the run (epochs 10/20/30 of 50), no warmup.
 */
const REGIME = {
  momentum: 0.9,
  nesterov: false,
  weightDecay: 1e-4,
  schedule: 'step',
  stepMilestones: '0.2,0.4,0.6',
  stepGamma: 0.1,
  warmupFraction: 0,
};
/** The small batch's learning rate; the large-batch arms multiply it by √(512/32) = 4 (the paper's rule). */
const BASE_LR_SPACE = { learningRate: { min: 1e-2, max: 0.3, scaling: 'log' as const } };

/**
 * Catalogue #52, the regime-adaptation half: batch 512 trained for as many updates as batch 32
 * (√-scaled learning rate, Ghost BN, the schedule stretched over the same updates) against batch
 * 32, final validation accuracy; a non-inferiority card ("completely eliminated"). Batch 512 at
 * batch 32's number of epochs is the second baseline: it shows the gap the regime has to close.
 */
export const trainLongerClaim = defineClaim({
  id: 'train-longer',
  version: 1,
  title: 'Large-batch training for as many updates as the small batch closes the generalisation gap',
  paper: HOFFER_2017,
  quote:
    'Following this hypothesis we conducted experiments to show empirically that the "generalization gap" stems from the ' +
    'relatively small number of updates rather than the batch size, and can be completely eliminated by adapting the training regime used.',
  claimedEffect: {
    description:
      'difference in final validation accuracy, batch 512 with the adapted regime (as many updates as batch 32) − each baseline: ' +
      'batch 32, and batch 512 at batch 32\'s number of epochs (1/16 of the updates). "Completely eliminated" is a ' +
      "non-inferiority claim: reproduced when the CI's worse end stays above −0.5 points against both; the abstract gives no size",
    direction: 'non-inferior',
  },
  fidelity: { kind: 'faithful' },
  testType: 'fixed-budget',
  outcome: 'final',
  methods: [{ method: 'large-batch-adapted', hparams: REGIME }],
  baselines: [
    { method: 'sgd-nesterov', hparams: REGIME },
    { method: 'large-batch-same-epochs', hparams: REGIME },
  ],
  workloads: ['fashion-mnist-mlp:bn-2k'],
  // Half a point of accuracy, as on ghost-bn: about 1.5 standard errors of one accuracy measured on
  // the 10,000 validation images; a residual gap smaller than that is "eliminated".
  margin: { value: 0.005, units: 'absolute' },
  repeats: { quick: 2, standard: 10 },
  tuning: {
    kind: 'search',
    ruleset: 'external',
    studies: 1,
    trialsPerStudy: 4,
    recheck: { top: 1, seeds: 2 },
    spaces: {
      'large-batch-adapted': BASE_LR_SPACE,
      'sgd-nesterov': BASE_LR_SPACE,
      'large-batch-same-epochs': BASE_LR_SPACE,
    },
    reducedBudget:
      'an adapted-regime trial trains 16 × the examples of a small-batch one (512,000 rows, about 20 s on an idle core), so 2 × 6 ' +
      "points with re-checks would take the claim's standard run far past its 4-minute share of `run all`",
  },
  miniature:
    'The paper trains MLPs, ConvNets and ResNets on MNIST, CIFAR-10/100 and ImageNet at batch 4096 vs 128, and shows (its Table 1) ' +
    'that large-batch accuracy matches small-batch accuracy once the learning rate is scaled by √(batch ratio), Ghost BN is ' +
    'used and the number of epochs (and the epochs of every learning-rate drop) is multiplied by the batch ratio, so both run ' +
    'the same number of updates. Here: Fashion-MNIST with the 784-128-BN-ReLU-10 MLP trained on the first 2,000 rows of the ' +
    'seeded training split (validation: 10,000 rows), so that the small batch trains for many epochs; batch 32 for 1,000 updates ' +
    '(16 epochs) against batch 512 (ratio 16, as 4096/128 is 32 in the paper) for the same 1,000 updates (256 epochs), and ' +
    "batch 512 for 63 updates (16 epochs, the unadapted regime). Every arm uses the authors' MNIST regime (SGD, momentum 0.9, " +
    'L2 1e-4, rate × 0.1 at 20/40/60% of its own run); the large-batch arms multiply the rate by √16 = 4 and normalise ghost ' +
    "batches of 32 rows. Each arm's base learning rate (the batch-32 rate, before the × 4) is tuned with the same reduced budget " +
    "(1 study × 4 Halton points over 1e-2–0.3, log scale, the study's best re-run on a second tuning seed; the same points for " +
    'every arm, each trial on its own tuning seed), the winner chosen by final validation accuracy; the paper instead carries ' +
    "the small batch's rate over by the √ rule. Not reproduced from the authors' code: its gradient-norm clipping at 5. " +
    "Reviewer's note: the gap this regime has to close is measured (batch 512 at 16 epochs, the second baseline, in the arms " +
    'table), but no comparison tests that it exists; the adapted arm sees 16 × the examples of batch 32, so matching it is ' +
    'not free.',
});
