import { defineClaim } from '../../harness/core/claim.js';

/** The refinement paper's setting: a short linear warmup before either decay. */
const WARMUP = { warmupFraction: 0.02 };
const LR_SPACE = { learningRate: { min: 1e-3, max: 1e-1, scaling: 'log' as const } };

/**
 * Catalogue #73. Linear decay vs cosine annealing at each workload's full step budget, final
 * validation loss, both tuned by AlgoPerf external tuning with the same budget (2 studies × 3
 * Halton points), the study winner picked by final validation loss.
 */
export const linearDecayClaim = defineClaim({
  id: 'linear-decay',
  version: 1,
  title: 'Linear decay matches or beats cosine annealing',
  paper: {
    title: 'When, Why and How Much? Adaptive Learning Rate Scheduling by Refinement',
    authors: 'Aaron Defazio, Ashok Cutkosky, Harsh Mehta, Konstantin Mishchenko',
    year: 2023,
    url: 'https://arxiv.org/abs/2310.07831',
    catalogue: 73,
  },
  quote:
    'We validate that overall, the linear-decay schedule matches or outperforms all commonly used default schedules ' +
    'including cosine annealing, and that our schedule refinement method gives further improvements.',
  claimedEffect: {
    description:
      'difference in final validation loss, linear decay − cosine (negative = linear better); the abstract gives no size. ' +
      '"Matches or outperforms" is a non-inferiority claim: reproduced when the whole CI stays on the better side of the ' +
      'margin\'s worse bound (linear no worse than cosine by more than the margin); the schedule-refinement half is not tested',
    direction: 'non-inferior',
  },
  fidelity: { kind: 'faithful' },
  testType: 'fixed-budget',
  outcome: 'final',
  methods: [{ method: 'linear-decay', hparams: WARMUP }],
  baselines: [{ method: 'cosine-decay', hparams: WARMUP }],
  workloads: ['polynomial-regression', 'char-lm'],
  quickWorkloads: ['polynomial-regression'],
  margin: { value: 0.01, units: 'relative' },
  repeats: { quick: 5, standard: 12 },
  tuning: { kind: 'search', ruleset: 'external', studies: 2, trialsPerStudy: 3, spaces: { 'linear-decay': LR_SPACE, 'cosine-decay': LR_SPACE } },
  // The tuning as first run for this card (tuning trials do not depend on the preset).
  tuningRecord: {
    command: 'npx reprobench reference update linear-decay --preset standard --backend blas',
    date: '2026-11-27',
    backend: 'blas-tfjs4.22.0-k2-openblas0.3.21-Haswell',
    chosen: {
      'polynomial-regression/linear-decay': { learningRate: 0.003681516971085096 },
      'polynomial-regression/cosine-decay': { learningRate: 0.03625773560130232 },
      'char-lm/linear-decay': { learningRate: 0.019716982685162924 },
      'char-lm/cosine-decay': { learningRate: 0.012596983944089781 },
    },
    metric: { 'polynomial-regression/linear-decay': 0.1671918029785156, 'polynomial-regression/cosine-decay': 0.1702860565185547, 'char-lm/linear-decay': 3.2536180019656378, 'char-lm/cosine-decay': 3.281448611313337 },
  },
  miniature:
    'The paper evaluates 10 deep-learning problems, LLMs and logistic regression with tuned baselines. Here: the polynomial ' +
    'regression net and the CMU-dict character MLP at their full calibrated step budgets, AdamW (PyTorch defaults) with a 2% ' +
    'linear warmup for both schedules, each schedule\'s learning rate tuned with the same budget (2 studies × 3 Halton points ' +
    'over 1e-3–1e-1, log scale, tuning seeds). The refinement method (schedules derived from a first run\'s gradient norms) ' +
    'is not part of this card. The paper compares against "all commonly used default schedules"; this card tests cosine only.',
});
