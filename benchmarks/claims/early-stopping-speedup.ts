import { defineClaim } from '../../harness/core/claim.js';
import { LR_SWEEP, lrSweepId } from '../methods/lr-sweep.js';
import { ADRIAENSEN_2023 } from './lc-extrapolation.js';

/**
 * Catalogue #27, the model-selection half of LC-PFN: in a learning-rate sweep run one
 * configuration after another, stopping a run once the extrapolated curve gives it under 5% chance
 * of beating the best final loss so far saves at least half the sweep's training steps (speed-up
 * ≥ 2) without losing the best configuration (regret ≤ 1%). The parametric ensemble's plug-in
 * predictive distribution stands in for LC-PFN's posterior.
 */
export const earlyStoppingSpeedupClaim = defineClaim({
  id: 'early-stopping-speedup',
  version: 1,
  title: 'Predictive early stopping speeds up a learning-rate sweep 2× without losing its best run',
  paper: ADRIAENSEN_2023,
  quote:
    'Finally, we investigate its potential in the context of model selection and find that a simple LC-PFN based predictive ' +
    'early stopping criterion obtains 2 - 6x speed-ups on 45 of these datasets, at virtually no overhead.',
  claimedEffect: {
    description:
      'compute ratio ("error ratio" here): training steps of the sweep with predictive early stopping / steps of the full sweep, ' +
      'pooled over seeds (1 / speed-up; < 1 = stopping saves compute); a seed whose kept best final loss is more than 1% worse ' +
      'than the sweep\'s best is charged the full sweep. Claimed: speed-up ≥ 2, i.e. a ratio ≤ 0.5, the low end of "2 - 6x"',
    magnitude: 0.5,
    direction: 'method-better',
  },
  fidelity: {
    kind: 'stand-in',
    differs:
      "the parametric ensemble's plug-in predictive (pow3, exp3, log-power least-squares fits with Gaussian residual noise), " +
      "not LC-PFN's posterior; one small regression sweep, not LCBench/PD1/Taskset/NAS-Bench-201",
  },
  testType: 'predictor',
  predictor: {
    task: 'early-stopping',
    description:
      'per seed: the ten curves run in a seeded random order; from 10% of its budget on, every 5%, a curve is stopped when ' +
      'P(final validation MSE < best final so far) < 0.05 under the ensemble predictive (equal-weight mixture over pow3, exp3 and ' +
      'log-power of a normal around each fit, variance SSE/(n − k)); steps with stopping vs steps of the full sweep',
    metric: 'validation/loss',
    method: 'parametric-ensemble',
    observedFraction: 0.1,
    checkEvery: 0.05,
    threshold: 0.05,
    maxRegret: 0.01,
  },
  methods: LR_SWEEP.map((lr) => ({ method: lrSweepId(lr) })),
  baselines: [],
  // The long variant: 87 evals per curve, so that 10% of the budget already holds 8 of them.
  workloads: ['polynomial-regression:long'],
  // A speed-up under 1.1× is no saving worth the name (ratio within [1/1.1, 1.1]).
  margin: { value: 0.1, units: 'relative' },
  repeats: { quick: 2, standard: 8 },
  miniature:
    "LC-PFN's model-selection experiment runs the configurations of each benchmark dataset one after another and stops a run when " +
    'the PFN gives it too little chance of beating the best run so far, reporting the speed-up in training epochs and the regret. ' +
    "Here: the polynomial-regression workload's long variant (two-layer ReLU net, batch 100, 1,740 steps, validation MSE every 20 " +
    'steps), a sweep of ten AdamW learning rates over three decades (1e-4 to 1e-1 in 1-2-5 steps, constant rate, no warmup, ' +
    'PyTorch defaults otherwise), so that the sweep holds slow and unstable configurations, in a random order per seed (a seeded ' +
    'shuffle). Stopping rule: from 10% of the budget, every 5%, stop when P(final < best so far) < 0.05; the first curve always ' +
    'runs to the end; a diverged run costs the steps it ran. LC-PFN itself is not run: its posterior is replaced by the plug-in ' +
    'predictive of the parametric ensemble it is compared with (no parameter uncertainty, so narrower than a posterior, which ' +
    'makes stopping bolder). Compute is counted in training steps (evaluation and fitting excluded, as "virtually no overhead" ' +
    'is not tested). Pre-registered: speed-up ≥ 2 with regret ≤ 1% relative per seed (a seed over it counts as speed-up 1). ' +
    "Skeptic's note: the speed-up depends on how many bad configurations the sweep holds and on its order; three decades around " +
    "AdamW's default is a common sweep, and the order is random per seed, not chosen.",
});
