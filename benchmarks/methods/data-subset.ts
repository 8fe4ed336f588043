import { defineMethod } from '../../harness/core/method.js';
import { ReprobenchError } from '../../harness/errors.js';
import { BASE, createOptimizer } from './schedule-methods.js';
import { scheduledLearningRate } from './schedules.js';

/**
 * Training on a random share of the training set, repeated for as many epochs as the budget
 * allows: the "N examples × 10 epochs" arm of One Epoch Is All You Need (catalogue #3) against
 * the same optimizer on all the data. The subset is drawn from the trial's method stream, so it
 * differs per repeat and is the same for every rerun. AdamW with cosine decay unless the card says otherwise.
 */
export const dataSubset = defineMethod({
  id: 'data-subset',
  version: 1,
  title: 'Random data subset, repeated',
  description:
    'Trains on a random dataFraction of the training examples (default 10%), drawn per repeat from the method seed; AdamW, cosine decay.',
  reference: { title: 'One Epoch Is All You Need (Komatsuzaki 2019)', url: 'https://arxiv.org/abs/1906.06669' },
  hparams: { ...BASE, schedule: 'cosine', dataFraction: 0.1 },
  searchSpace: { learningRate: { min: 1e-4, max: 3e-2, scaling: 'log' } },
  createOptimizer,
  learningRate: scheduledLearningRate,
  trainSubset: (hp, { trainSize, rng }) => {
    const f = Number(hp.dataFraction);
    if (!(f > 0 && f <= 1))
      throw new ReprobenchError(
        'E_BAD_CONFIG',
        `dataFraction ${String(hp.dataFraction)} is not in (0, 1]`,
        'set hparams.dataFraction, e.g. 0.1 for a tenth of the training set',
      );
    return rng.permutation(trainSize).slice(0, Math.max(1, Math.round(f * trainSize)));
  },
});
