import { defineClaim } from '../../harness/core/claim.js';

/** Plain full-batch gradient descent: the dynamics the paper solves (no momentum, constant step). */
export const LINEAR_GD = {
  learningRate: 0.05,
  momentum: 0,
  nesterov: false,
  weightDecay: 0,
  schedule: 'constant',
  warmupFraction: 0,
};

export const ADVANI_SAXE = {
  title: 'High-dimensional dynamics of generalization error in neural networks',
  authors: 'Madhu S. Advani, Andrew M. Saxe',
  year: 2017,
  url: 'https://arxiv.org/abs/1710.03667',
  catalogue: 79,
};

/**
 * Catalogue #79, its first linear-model claim: overtraining (the test error at the end of training
 * minus its best value along the way) peaks where the number of parameters equals the number of
 * samples. The statistic is that overtraining at P/N = 1 minus overtraining at P/N = 0.25 and at
 * P/N = 4, per repeat; P/N = 0.5 and 2 run to show the shape of the sweep and are not judged.
 */
export const overtrainingPeakClaim = defineClaim({
  id: 'overtraining-peak',
  version: 1,
  title: 'Overtraining peaks when the number of parameters equals the number of samples',
  paper: ADVANI_SAXE,
  quote:
    'Overtraining is worst at intermediate network sizes, when the effective number of free parameters equals the number of samples, ' +
    'and thus can be reduced by making a network smaller or larger.',
  claimedEffect: {
    description:
      'overtraining (final minus best validation MSE over training) at P/N = 1 exceeds that at P/N = 0.25 and at P/N = 4 ' +
      '(the abstract gives no size)',
    direction: 'method-better',
  },
  fidelity: { kind: 'faithful' },
  testType: 'phenomenon',
  phenomenon: {
    description:
      'overtraining = validation MSE at the last eval (step 2,000) minus its lowest value over the evals, per repeat; judged as ' +
      'overtraining at P/N = 1 minus overtraining at P/N = 0.25 (and at P/N = 4) of the same repeat index, in MSE units',
    statistic: { kind: 'final-minus-best', metric: 'validation/loss', direction: 'lower' },
    // ±0.05 MSE, a fifth of the label-noise variance σ² = 0.25: a smaller difference in overtraining is not worth naming.
    nullRegion: [-0.05, 0.05],
    claimedSide: 'above',
    contrasts: [{ workload: 'linear-teacher', than: ['linear-teacher:ratio-0.25', 'linear-teacher:ratio-4'] }],
  },
  methods: [{ method: 'sgd-nesterov', hparams: LINEAR_GD }],
  baselines: [],
  workloads: [
    'linear-teacher:ratio-0.25',
    'linear-teacher:ratio-0.5',
    'linear-teacher',
    'linear-teacher:ratio-2',
    'linear-teacher:ratio-4',
  ],
  quickWorkloads: ['linear-teacher:ratio-0.25', 'linear-teacher', 'linear-teacher:ratio-4'],
  // Not used by a phenomenon verdict (the null region plays its part); required by the card format.
  margin: { value: 0.05, units: 'absolute' },
  repeats: { quick: 3, standard: 12 },
  miniature:
    "The paper's own linear setting in miniature: y = w̄·x + ε with x ~ N(0, I_p), w̄ ~ N(0, I_p/p) and σ = 0.5 (SNR 4), n = 100 " +
    'training examples drawn afresh for each repeat, p = 25, 50, 100, 200, 400 features, a linear student from small initial ' +
    'weights (σ₀ = 0.1) trained by full-batch gradient descent on the mean squared error (step 0.05, no momentum), 2,000 steps, ' +
    'test error on 1,000 fresh examples every 20 steps. The paper analyses gradient flow to t → ∞; here "final" is step 2,000 of ' +
    'discrete steps. No hyperparameter is tuned: the step size is one for every arm, small enough to be stable at P/N = 4 ' +
    '(η·λ_max ≈ 0.9 < 2). The integration test checks each curve against the exact gradient-descent solution on the same data and ' +
    "the average curve against the paper's Marchenko–Pastur theory. Skeptical notes: with a finite budget the P/N = 1 arm's " +
    'overtraining depends on how long it trains — the theory has it growing without bound, so a later end only widens the gap — ' +
    'while at P/N = 0.25 and 4 the theory has converged to its t → ∞ value well before step 2,000, so the target is late enough. ' +
    'The nonlinear-network half of the abstract ("making networks very large does not harm their generalization") is not tested.',
});
