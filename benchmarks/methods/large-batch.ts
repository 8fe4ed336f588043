import {
  defineMethod,
  type HParams,
  type ScheduleContext,
  type TfjsMethodDefinition,
} from '../../harness/core/method.js';
import { ReprobenchError } from '../../harness/errors.js';
import { ghostBatchNorm } from './ghost-batch-norm.js';
import { scheduledLearningRate } from './schedules.js';
import { sgdNesterov } from './sgd.js';

/** The large batch of both large-batch methods: 16 × the small batch of `train-longer` (32). */
export const LARGE_BATCH = 512;

/**
 * The learning rate of a large-batch run under Hoffer et al.'s rule: the small batch's rate (the
 * `learningRate` hparam, at batch `baseBatchSize`) × √(large batch / small batch), on the same
 * schedule over the run's own horizon. As the authors' code computes it
 * (github.com/eladhoffer/bigBatch, main_gbn.py `--lr_bb_fix`: `lr *= (batch_size / mini_batch_size) ** 0.5`).
 * @throws ReprobenchError E_BAD_CONFIG when `baseBatchSize` is not a positive integer dividing the large batch
 */
export function sqrtScaledLearningRate(hp: HParams, ctx: ScheduleContext, batchSize: number): number {
  const base = hp.baseBatchSize;
  if (typeof base !== 'number' || !Number.isInteger(base) || base < 1 || batchSize % base !== 0) {
    throw new ReprobenchError(
      'E_BAD_CONFIG',
      `baseBatchSize ${String(base)} is not a positive integer that divides the batch size ${batchSize}`,
      'set hparams.baseBatchSize to the small batch whose learning rate `learningRate` is, e.g. 32',
    );
  }
  return scheduledLearningRate(hp, ctx) * Math.sqrt(batchSize / base);
}

/**
 * Large-batch training as "Train longer, generalize better" (Hoffer, Hubara & Soudry 2017,
 * catalogue #52) adapts it, at batch 512: the learning rate scaled by √(512 / baseBatchSize), Ghost
 * Batch Normalisation over ghost batches of `ghostBatchSize` rows, SGD with momentum (sgd-nesterov's
 * optimizer and hparams). `adaptRegime` is the paper's regime adaptation (main_gbn.py
 * `--regime_bb_fix`: epochs, and the epochs of every learning-rate drop, × the batch ratio): the run
 * keeps the workload's number of updates, so its schedule stretches over as many steps as the small
 * batch's. Without it the run keeps the workload's number of examples (epochs) and takes 512 /
 * workload batch times fewer steps, its schedule compressed into them.
 */
function largeBatchMethod(id: string, adaptRegime: boolean): TfjsMethodDefinition {
  return defineMethod({
    id,
    version: 1,
    title: adaptRegime
      ? 'Large batch, adapted regime (√ learning rate, Ghost BN, same updates)'
      : 'Large batch at the same epochs (√ learning rate, Ghost BN)',
    description:
      `Batch ${LARGE_BATCH}; learning rate × √(${LARGE_BATCH} / baseBatchSize); Ghost BN per ghostBatchSize rows; ` +
      'SGD as sgd-nesterov; ' +
      (adaptRegime
        ? "the workload's number of updates (regime adaptation)."
        : "the workload's number of examples (epochs), so fewer updates."),
    reference: ghostBatchNorm.reference,
    batchSize: LARGE_BATCH,
    budgetUnit: adaptRegime ? 'steps' : 'examples',
    hparams: { ...sgdNesterov.hparams, baseBatchSize: 32, ghostBatchSize: 32 },
    searchSpace: sgdNesterov.searchSpace,
    createOptimizer: sgdNesterov.createOptimizer,
    learningRate: (hp, ctx) => sqrtScaledLearningRate(hp, ctx, LARGE_BATCH),
    modelOptions: ghostBatchNorm.modelOptions,
  });
}

/** The paper's full large-batch recipe: same number of updates as the small batch ("train longer"). */
export const largeBatchAdapted = largeBatchMethod('large-batch-adapted', true);
/** The same recipe without regime adaptation: same epochs as the small batch, 1/16 of its updates at batch 32. */
export const largeBatchSameEpochs = largeBatchMethod('large-batch-same-epochs', false);
