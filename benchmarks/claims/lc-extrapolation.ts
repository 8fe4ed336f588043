import { defineClaim } from '../../harness/core/claim.js';

/** Constant rate, no warmup: the curves of a small hyperparameter sweep, as LC-PFN's benchmark curves are. */
const CONSTANT = { schedule: 'constant', warmupFraction: 0 };

/** LC-PFN's paper, shared by the cards that test its two halves (extrapolation, early stopping). */
export const ADRIAENSEN_2023 = {
  title: 'Efficient Bayesian Learning Curve Extrapolation using Prior-Data Fitted Networks',
  authors: 'Steven Adriaensen, Herilalaina Rakotoarison, Samuel Müller, Frank Hutter',
  year: 2023,
  url: 'https://arxiv.org/abs/2310.20447',
  catalogue: 27,
};

/**
 * Catalogue #27, the extrapolation half with a documented stand-in: from the first 25% of each
 * validation-loss curve, a parametric-curve ensemble (the extrapolators LC-PFN is compared with)
 * predicts the final value better than the last observed value does.
 */
export const lcExtrapolationClaim = defineClaim({
  id: 'lc-extrapolation',
  version: 2,
  title: 'Extrapolating a learning curve beats taking its last value',
  paper: ADRIAENSEN_2023,
  quote:
    'We also show that the same LC-PFN achieves competitive performance extrapolating a total of 20 000 real learning curves ' +
    'from four learning curve benchmarks (LCBench, NAS-Bench-201, Taskset, and PD1) that stem from training a wide range of model ' +
    'architectures (MLPs, CNNs, RNNs, and Transformers) on 53 different datasets with varying input modalities (tabular, image, text, and protein data).',
  claimedEffect: {
    description:
      'error ratio: absolute error of the predicted final validation loss from the first 25% of each curve, parametric ensemble / ' +
      'last observed value (< 1 = extrapolation helps); the abstract gives no size for extrapolation quality',
    direction: 'method-better',
  },
  fidelity: {
    kind: 'stand-in',
    differs: "a least-squares ensemble of parametric curve families (LC-PFN's baseline), not LC-PFN itself",
  },
  testType: 'predictor',
  predictor: {
    task: 'extrapolate-final',
    description:
      'per seed and curve: fit pow3, exp3 and log-power curves (Levenberg–Marquardt) to the validation-loss evals up to 25% of the ' +
      'budget, predict the loss at the last eval as their mean; error = |predicted − observed final loss|, averaged over the four ' +
      'curves of the seed; baseline: the last observed value',
    metric: 'validation/loss',
    method: 'parametric-ensemble',
    baseline: 'last-value',
    observedFraction: 0.25,
  },
  // A small sweep over optimizers and learning rates; arms are keyed by method id, so each
  // (optimizer, rate) point is its own method.
  methods: [
    { method: 'adamw', hparams: { ...CONSTANT, learningRate: 3e-3 } },
    { method: 'nadamw', hparams: { ...CONSTANT, learningRate: 1e-2 } },
    { method: 'adan', hparams: { ...CONSTANT, learningRate: 1e-2 } },
    { method: 'sgd-nesterov', hparams: { ...CONSTANT, learningRate: 0.05 } },
  ],
  baselines: [],
  // The long variant: the calibrated budget (340 steps) would leave 4 evals in the first 25%.
  workloads: ['polynomial-regression:long'],
  // Error ratios within 10% of 1 are no difference worth the name.
  margin: { value: 0.1, units: 'relative' },
  repeats: { quick: 2, standard: 8 },
  miniature:
    'LC-PFN is a transformer trained on 10 million curves drawn from a parametric prior and compared with MCMC over the same ' +
    'parametric ensemble (Domhan et al. 2015) on 20,000 benchmark curves. Training a PFN is out of reach here, so this card tests a ' +
    'stand-in for the extrapolation half only: the parametric ensemble itself (pow3, exp3 and log-power fitted by least squares, ' +
    "equal weights, each prediction kept within Domhan et al.'s monotone prior — never past the last observed value, a loss never below 0 — no MCMC, no posterior) against the last observed value, the trivial extrapolator. Curves: the " +
    "polynomial-regression workload's long variant (two-layer ReLU net, 1,740 steps, validation MSE every 20 steps, 87 evals), constant rate, " +
    'four points of an optimizer × learning-rate sweep (AdamW 3e-3, NAdamW 1e-2, Adan 1e-2, SGD-Nesterov 0.05); each curve is ' +
    'seen up to 25% of its budget and its final validation loss predicted. Not tested: the PFN, the posterior ("more accurately ' +
    'than MCMC", log-likelihood), the "10 000 times faster" claim, and the predictive early-stopping "2 - 6x speed-ups" claim; ' +
    'the speed-up and regret of predictive early stopping with the ensemble on the same curves (run in the order listed, a curve ' +
    'stopped at a tenth of its budget from 25% on when its extrapolated final loss is worse than the best so far) are reported ' +
    'as a secondary number the verdict does not use.',
});
