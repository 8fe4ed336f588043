import { defineClaim } from '../../harness/core/claim.js';

/** One schedule for every arm, so the comparison isolates the update rule. */
const SHARED_SCHEDULE = { schedule: 'cosine', warmupFraction: 0.02 } as const;
const LR_GRID = [2e-3, 4e-3, 8e-3, 1.6e-2, 3.2e-2, 6.4e-2];

/**
 * Catalogue #22. Adan vs AdamW and NAdamW, steps to the workload's target, each optimizer's
 * learning rate picked by the same six-point sweep on two tuning seeds.
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
  },
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
    hparam: 'learningRate',
    grid: { adan: LR_GRID, adamw: LR_GRID, nadamw: LR_GRID },
    seeds: 2,
    objective: 'median-steps-to-target',
  },
  // The sweep as first run for this card (tuning trials do not depend on the preset).
  tuningRecord: {
    command: 'npx reprobench run adan --preset quick',
    date: '2026-11-27',
    backend: 'wasm-tfjs4.22.0-k1',
    chosen: { 'fashion-mnist-mlp/adan': 0.032, 'fashion-mnist-mlp/adamw': 0.008, 'fashion-mnist-mlp/nadamw': 0.008 },
    table: {
      adan: { '0.002': null, '0.004': 825, '0.008': 562.5, '0.016': 487.5, '0.032': 400, '0.064': 525 },
      adamw: { '0.002': 750, '0.004': 637.5, '0.008': 637.5, '0.016': 637.5, '0.032': 750, '0.064': null },
      nadamw: { '0.002': 662.5, '0.004': 562.5, '0.008': 537.5, '0.016': 612.5, '0.032': 625, '0.064': 800 },
    },
  },
  miniature:
    'The paper trains ViT, GPT-2 and MAE for hundreds of epochs with batch 2k–32k; here a 784-128-10 MLP learns ' +
    'Fashion-MNIST at batch 128 to a validation-accuracy target set from NAdamW baseline runs, in about two epochs. ' +
    'All optimizers share one schedule (2% linear warmup, cosine decay over the workload\'s step hint) and keep their ' +
    'authors\' other defaults (Adan: betas 0.98/0.92/0.99, weight decay 0.02; AdamW: PyTorch defaults; NAdamW: the ' +
    'AlgoPerf baseline point); only the learning rate is tuned, by the same six-point grid on two tuning seeds. ' +
    '"Training cost (epochs)" becomes optimizer steps to the target; batch-size tolerance is not tested.',
});
