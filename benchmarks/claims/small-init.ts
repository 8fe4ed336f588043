import { defineClaim } from '../../harness/core/claim.js';
import { ADVANI_SAXE, LINEAR_GD } from './overtraining-peak.js';

/**
 * Catalogue #79, its second linear-model claim: with more parameters than samples, large initial
 * weights leave a high test error even at its best along training (the "frozen subspace" that
 * gradient descent never moves). The statistic is the lowest validation MSE over training with
 * the usual fan-in initial scale minus that with small initial weights, per repeat, at P/N = 4.
 */
export const smallInitClaim = defineClaim({
  id: 'small-init',
  version: 1,
  title: 'In the high-dimensional regime, low test error requires small initial weights',
  paper: ADVANI_SAXE,
  quote:
    'Additionally, in the high-dimensional regime, low generalization error requires starting with small initial weights.',
  claimedEffect: {
    description:
      'the best validation MSE over training from initial scale σ₀ = 1 exceeds that from σ₀ = 0.1 at P/N = 4 (the abstract gives no size)',
    direction: 'method-better',
  },
  fidelity: { kind: 'faithful' },
  testType: 'phenomenon',
  phenomenon: {
    description:
      'lowest validation MSE over the evals (the early-stopped error) with initial scale σ₀ = 1 minus that with σ₀ = 0.1, same ' +
      'repeat index (same data), P/N = 4, in MSE units',
    statistic: { kind: 'best', metric: 'validation/loss', direction: 'lower' },
    // ±0.05 MSE, a fifth of the label-noise variance σ² = 0.25, as on the overtraining-peak card.
    nullRegion: [-0.05, 0.05],
    claimedSide: 'above',
    contrasts: [{ workload: 'linear-teacher:ratio-4-large-init', than: ['linear-teacher:ratio-4'] }],
  },
  methods: [{ method: 'sgd-nesterov', hparams: LINEAR_GD }],
  baselines: [],
  workloads: ['linear-teacher:ratio-4', 'linear-teacher:ratio-4-large-init'],
  // Not used by a phenomenon verdict (the null region plays its part); required by the card format.
  margin: { value: 0.05, units: 'absolute' },
  repeats: { quick: 3, standard: 12 },
  miniature:
    "The paper's linear setting (see overtraining-peak): n = 100 examples, p = 400 features (P/N = 4, the high-dimensional " +
    'regime: more parameters than samples), full-batch gradient descent, step 0.05, 2,000 steps; initial weights w₀ ~ N(0, σ₀²/p) ' +
    "with σ₀ = 0.1 (small) or σ₀ = 1 (the usual fan-in scale, whose output variance equals the teacher's). Both arms see the same " +
    'data in each repeat. The statistic takes the best error along training, so early stopping cannot rescue the large start. ' +
    'Skeptical notes: in the linear model the gap is the frozen subspace (the 3/4 of weight space no example reaches) keeping ' +
    'its initial values, so it is as large as the theory says by construction of the setting; whether the same holds for ' +
    'nonlinear networks, which the paper also discusses, is not tested. No hyperparameter is tuned.',
});
