import { defineMethod } from '../../harness/core/method.js';
import { ReprobenchError } from '../../harness/errors.js';
import { sgdNesterov } from './sgd.js';

/**
 * Ghost Batch Normalisation (Hoffer, Hubara & Soudry 2017, catalogue #52): batch normalisation
 * statistics computed per "ghost" batch of `ghostBatchSize` rows of each large batch, so a large
 * batch keeps the normalisation noise of small ones. The optimizer is `sgd-nesterov`'s (the paper
 * trains with SGD + momentum), with the same defaults, so the two differ only in the ghost size.
 * Needs a workload whose model has batch normalisation (e.g. `fashion-mnist-mlp:bn-large`).
 */
export const ghostBatchNorm = defineMethod({
  id: 'ghost-batch-norm',
  version: 1,
  title: 'Ghost Batch Normalisation (SGD + Nesterov)',
  description:
    'Batch-norm statistics per ghost batch of ghostBatchSize rows (default 128) in training; running statistics at evaluation; optimizer as sgd-nesterov.',
  reference: {
    title: 'Train longer, generalize better: closing the generalization gap in large batch training of neural networks',
    url: 'https://arxiv.org/abs/1705.08741',
  },
  hparams: { ...sgdNesterov.hparams, ghostBatchSize: 128 },
  searchSpace: sgdNesterov.searchSpace,
  createOptimizer: sgdNesterov.createOptimizer,
  learningRate: sgdNesterov.learningRate,
  modelOptions: (hp, { batchSize }) => {
    const g = hp.ghostBatchSize;
    if (typeof g !== 'number' || !Number.isInteger(g) || g < 2 || batchSize % g !== 0) {
      throw new ReprobenchError(
        'E_BAD_CONFIG',
        `ghostBatchSize ${String(g)} is not an integer ≥ 2 that divides the batch size ${batchSize}`,
        'set hparams.ghostBatchSize to a divisor of the batch size, e.g. 32 for batch 1024',
      );
    }
    return { ghostBatchSize: g };
  },
});
