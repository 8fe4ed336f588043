import { defineClaim } from '../../harness/core/claim.js';
import { TUNING_NOTE } from './tuning-note.js';

const LR_SPACE = { learningRate: { min: 1e-3, max: 1e-1, scaling: 'log' as const } };

/**
 * Catalogue #23. Training on the half of the training set with the highest EL2N scores vs on all
 * of it, final validation accuracy after the same number of optimizer steps, both AdamW with
 * cosine decay, learning rates tuned by AlgoPerf external tuning with the same budget.
 */
export const el2nDietClaim = defineClaim({
  id: 'el2n-diet',
  version: 2,
  title: 'Pruning the easiest half of the training data by EL2N costs no accuracy',
  paper: {
    title: 'Deep Learning on a Data Diet: Finding Important Examples Early in Training',
    authors: 'Mansheej Paul, Surya Ganguli, Gintare Karolina Dziugaite',
    year: 2021,
    url: 'https://arxiv.org/abs/2107.07075',
    catalogue: 23,
  },
  quote:
    '[we] demonstrate their efficacy on a range of architectures and datasets by pruning significant fractions of training data ' +
    'without sacrificing test accuracy. In fact, using EL2N scores calculated a few epochs into training, we can prune half of ' +
    'the CIFAR10 training set while slightly improving test accuracy',
  claimedEffect: {
    description:
      'difference in final validation accuracy, EL2N-pruned half − full training set, after equal optimizer steps ' +
      '(positive = pruning better). The abstract\'s main statement, "without sacrificing test accuracy", is a non-inferiority ' +
      'claim: reproduced when the whole CI stays above −0.5 points. Its "slightly improving" gives no size and would be a ' +
      'superiority claim within the margin; the explanation says whether the CI also clears +0.5 points',
    direction: 'non-inferior',
  },
  fidelity: { kind: 'faithful' },
  testType: 'fixed-budget',
  outcome: 'final',
  methods: [{ method: 'el2n-prune', hparams: { keepFraction: 0.5, scoreModels: 4, scoreSteps: 160 } }],
  baselines: [{ method: 'cosine-decay' }],
  workloads: ['fashion-mnist-mlp:train-10k'],
  // Half a percentage point of validation accuracy (50 of 10,000 images): about twice the
  // seed-to-seed spread of this MLP's accuracy (calibration: 0.8696–0.8737); a smaller gain
  // would not pay for a scoring pipeline, and "slightly improving" is about that size in the paper.
  margin: { value: 0.005, units: 'absolute' },
  repeats: { quick: 2, standard: 10 },
  tuning: {
    kind: 'search',
    ruleset: 'external',
    studies: 2,
    trialsPerStudy: 6,
    spaces: { 'el2n-prune': LR_SPACE, 'cosine-decay': LR_SPACE },
  },
  miniature:
    'The paper trains ResNet18 on CIFAR-10 for 200 epochs (SGD), scores every example by EL2N averaged over 10 inits at ' +
    'epoch 20, keeps the highest-scoring half and trains it from scratch for the same number of steps as the full data ' +
    "(the authors' run_keep_max_scores.py: 200 × 390 steps whatever the subset). Here: the 784-128-10 MLP on 10,000 " +
    'Fashion-MNIST training rows (the train-10k variant; 7.7 epochs in its 600-step budget at batch 128, so the kept ' +
    '5,000 rows are seen 15.4 times; a budget that binds: tuned cosine decay gains 0.0097 accuracy from 600 to 1,200 ' +
    'steps, 0.0017 from 1,200 to 2,400), validation accuracy on 10,000 held-out rows standing for test accuracy. Both arms ' +
    'AdamW (PyTorch defaults) with cosine decay over the budget and the same 600 steps. EL2N = ‖softmax(f(x)) − ' +
    "onehot(y)‖₂ averaged over K = 4 scoring models (fewer inits than the paper's 10, for the time cap), each trained " +
    '160 steps (2 epochs of the 10k rows: "a few epochs into training") with the arm\'s optimizer, learning rate and ' +
    'schedule, inits and batch orders drawn per repeat from the method seed. Scoring costs 640 optimizer steps and 4 ' +
    "forward passes over the training rows; as in the paper's comparison they are not counted in the steps, but their " +
    'time is included in the reported training seconds (trial outcome.scoring records both). Tested: "prune half ... ' +
    'while slightly improving test accuracy" as superiority of the pruned half in final validation accuracy (no size: ' +
    '"slightly"); the transfer of scores across architectures is not tested, nor GraNd or forgetting scores, nor a ' +
    "random-half baseline (data-subset with dataFraction 0.5; left out to fit the 6-minute cap). Each arm's learning " +
    'rate is tuned with the same budget (2 studies × 6 Halton points over 1e-3–1e-1, log scale, ' +
    TUNING_NOTE +
    '), the study ' +
    'winner chosen by final validation accuracy.',
});
