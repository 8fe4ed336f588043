import { defineClaim } from '../../harness/core/claim.js';

/** One schedule for every arm, so the comparison isolates the update rule. */
const SHARED_SCHEDULE = { schedule: 'cosine', warmupFraction: 0.02 } as const;
/** The same search space for every method: learning rate, log-uniform over 32×. */
const LR_SPACE = { learningRate: { min: 2e-3, max: 6.4e-2, scaling: 'log' as const } };

/**
 * Catalogue #22. Adan vs AdamW and NAdamW, steps to the workload's target, each optimizer tuned
 * by AlgoPerf's external-tuning ruleset with the same budget (2 studies × 6 Halton points).
 */
export const adanClaim = defineClaim({
  id: 'adan',
  version: 1,
  title: 'Adan reaches the target in half the steps of AdamW-family optimizers',
  paper: {
    title: 'Adan: Adaptive Nesterov Momentum Algorithm for Faster Optimizing Deep Models',
    authors: 'Xingyu Xie, Pan Zhou, Huan Li, Zhouchen Lin, Shuicheng Yan',
    year: 2022,
    url: 'https://arxiv.org/abs/2208.06677',
    catalogue: 22,
  },
  quote:
    'More surprisingly, Adan can use half of the training cost (epochs) of SoTA optimizers to achieve higher or ' +
    'comparable performance on ViT, GPT-2, MAE, e.t.c., and also shows great tolerance to a large range of minibatch size, e.g., from 1k to 32k.',
  claimedEffect: {
    description: 'speedup in steps to the target of Adan over each baseline (baseline steps / Adan steps); the paper claims 2×',
    magnitude: 2,
    direction: 'method-better',
  },
  fidelity: { kind: 'faithful' },
  testType: 'time-to-target',
  methods: [{ method: 'adan', hparams: SHARED_SCHEDULE }],
  baselines: [
    { method: 'adamw', hparams: SHARED_SCHEDULE },
    { method: 'nadamw', hparams: SHARED_SCHEDULE },
  ],
  workloads: ['fashion-mnist-mlp'],
  margin: { value: 0.1, units: 'relative' },
  repeats: { quick: 5, standard: 20 },
  tuning: {
    kind: 'search',
    ruleset: 'external',
    studies: 2,
    trialsPerStudy: 6,
    spaces: { adan: LR_SPACE, adamw: LR_SPACE, nadamw: LR_SPACE },
  },
  // The tuning as first run for this card (tuning trials do not depend on the preset).
  tuningRecord: {
    command: 'npx reprobench reference update adan --preset standard',
    date: '2026-11-27',
    backend: 'wasm-tfjs4.22.0-k1',
    chosen: {
      'fashion-mnist-mlp/adan': { learningRate: 0.01833231350118136 },
      'fashion-mnist-mlp/adamw': { learningRate: 0.01030173106268039 },
      'fashion-mnist-mlp/nadamw': { learningRate: 0.012432190070400797 },
    },
    time: { 'fashion-mnist-mlp/adan': 425, 'fashion-mnist-mlp/adamw': 587.5, 'fashion-mnist-mlp/nadamw': 462.5 },
  },
  miniature:
    'The paper trains ViT, GPT-2 and MAE for hundreds of epochs with batch 2k–32k; here a 784-128-10 MLP learns ' +
    'Fashion-MNIST at batch 128 to a validation-accuracy target set from NAdamW baseline runs, in about two epochs. ' +
    'All optimizers share one schedule (2% linear warmup, cosine decay over the workload\'s step hint) and keep their ' +
    'authors\' other defaults (Adan: betas 0.98/0.92/0.99, weight decay 0.02; AdamW: PyTorch defaults; NAdamW: the ' +
    'AlgoPerf baseline point); only the learning rate is tuned, by AlgoPerf external tuning with the same budget for ' +
    'each (2 studies × 6 Halton points over 2e-3–6.4e-2, log scale, each trial on its own tuning seed). ' +
    '"Training cost (epochs)" becomes optimizer steps to the target; batch-size tolerance is not tested.',
});
