import { defineClaim } from '../../harness/core/claim.js';

const LR_SPACE = { learningRate: { min: 1e-3, max: 1e-1, scaling: 'log' as const } };

/**
 * Catalogue #3, the first comparison of the abstract: one pass over all the data vs the same
 * number of updates over a tenth of it (about ten times as many epochs), steps to the workload's
 * held-out bits/char target, both tuned by AlgoPerf external tuning with the same budget.
 */
export const oneEpochClaim = defineClaim({
  id: 'one-epoch',
  version: 1,
  title: 'One epoch over ten times the data reaches the target faster than ten epochs',
  paper: {
    title: 'One Epoch Is All You Need',
    authors: 'Aran Komatsuzaki',
    year: 2019,
    url: 'https://arxiv.org/abs/1906.06669',
    catalogue: 3,
  },
  quote:
    'For example, by replacing the training for 10 epochs with the one epoch training, this translates to 1.9-3.3x speedup in ' +
    'wall-clock time in our settings and more if the original number of epochs is greater.',
  claimedEffect: {
    description:
      'speedup in steps to the held-out bits/char target of training on all the data (under one epoch in the budget) over training ' +
      'on a random 10% of it (about 6 epochs in the budget); the paper reports 1.9–3.3× in wall-clock time, M = 1.9 (its lower end)',
    magnitude: 1.9,
    direction: 'method-better',
  },
  fidelity: { kind: 'faithful' },
  testType: 'time-to-target',
  methods: [{ method: 'cosine-decay' }],
  baselines: [{ method: 'data-subset', hparams: { dataFraction: 0.1 } }],
  workloads: ['char-lm'],
  margin: { value: 0.1, units: 'relative' },
  repeats: { quick: 3, standard: 12 },
  tuning: { kind: 'search', ruleset: 'external', studies: 2, trialsPerStudy: 3, spaces: { 'cosine-decay': LR_SPACE, 'data-subset': LR_SPACE } },
  // The tuning as first run for this card (tuning trials do not depend on the preset).
  tuningRecord: {
    command: 'npx reprobench reference update one-epoch --preset standard --backend blas',
    date: '2026-11-27',
    backend: 'blas-tfjs4.22.0-k2-openblas0.3.21-Haswell',
    chosen: {
      'char-lm/cosine-decay': { learningRate: 0.012596983944089781 },
      'char-lm/data-subset': { learningRate: 0.009093030418458726 },
    },
    time: { 'char-lm/cosine-decay': 350, 'char-lm/data-subset': 450 },
  },
  miniature:
    'The paper trains Transformer language models on WebText-scale data for 1 vs 10 epochs with the same number of updates and ' +
    'measures wall-clock time to a test loss. Here: the CMU-dict character MLP (32,768 training words, about 290k predicted ' +
    'characters; the 1,450-step budget × 128 is 0.65 of an epoch) against the same model and optimizer (AdamW, PyTorch ' +
    'defaults, cosine decay over the budget) trained on a random 10% of the training words, drawn per repeat from the method ' +
    'seed (6.4 epochs in the budget). Steps to the workload\'s held-out target replace wall-clock time (one step costs the same ' +
    'in both arms). Each arm\'s learning rate is tuned with the same budget (2 studies × 3 Halton points over 1e-3–1e-1, log ' +
    'scale, tuning seeds). The model-size/iteration heuristics, dropout and the power-law claims of the abstract are not tested.',
});
