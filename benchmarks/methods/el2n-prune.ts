import { defineMethod, type HParams } from '../../harness/core/method.js';
import { ReprobenchError } from '../../harness/errors.js';
import { highestScoring, scoreTrainingRows } from './example-scores.js';
import { BASE, createOptimizer } from './schedule-methods.js';
import { scheduledLearningRate } from './schedules.js';

/**
 * EL2N data pruning (catalogue #23, Paul, Ganguli & Dziugaite, "Deep Learning on a Data Diet"):
 * train K = `scoreModels` models from different inits for S = `scoreSteps` steps on all the data,
 * score every training example by ‖softmax(f(x)) − onehot(y)‖₂ averaged over them, keep the
 * `keepFraction` with the highest scores (the hardest; the authors' `keep_max_scores` subset) and
 * train a fresh model on those rows for the full step budget (the authors' run_keep_max_scores.py
 * trains the subset for the same 200 × 390 steps as the full data). The scoring runs use this
 * method's optimizer and schedule (a normal run stopped early, as the paper's "a few epochs into
 * training") and count in the trial's training seconds, not in its steps.
 */
export const el2nPrune = defineMethod({
  id: 'el2n-prune',
  version: 1,
  title: 'EL2N data pruning (keep the hardest)',
  description:
    'Scores the training rows by EL2N, ‖softmax(f(x)) − onehot(y)‖₂ averaged over scoreModels (4) models trained scoreSteps (100) steps each, ' +
    'keeps the keepFraction (0.5) with the highest scores and trains on them; AdamW, cosine decay. Scoring steps are recorded in the ' +
    'outcome (scoring.steps) and their time is included in the training seconds.',
  reference: {
    title: 'Deep Learning on a Data Diet: Finding Important Examples Early in Training (Paul, Ganguli, Dziugaite 2021)',
    url: 'https://arxiv.org/abs/2107.07075',
  },
  hparams: { ...BASE, schedule: 'cosine', keepFraction: 0.5, scoreModels: 4, scoreSteps: 100 },
  searchSpace: { learningRate: { min: 1e-4, max: 3e-2, scaling: 'log' } },
  createOptimizer,
  learningRate: scheduledLearningRate,
  selectData: async (hp, ctx) => {
    const keep = keepFractionOf(hp);
    const { scores, scoringSteps } = await scoreTrainingRows(ctx, {
      score: 'el2n',
      models: Number(hp.scoreModels),
      steps: Number(hp.scoreSteps),
      createOptimizer: () => createOptimizer(hp),
      learningRate: (step) => scheduledLearningRate(hp, { step, totalSteps: ctx.stepHint }),
    });
    return { rows: highestScoring(scores, Math.max(1, Math.round(keep * scores.length))), scoringSteps };
  },
});

function keepFractionOf(hp: HParams): number {
  const f = Number(hp.keepFraction);
  if (!(f > 0 && f <= 1))
    throw new ReprobenchError(
      'E_BAD_CONFIG',
      `keepFraction ${String(hp.keepFraction)} is not in (0, 1]`,
      'set hparams.keepFraction, e.g. 0.5 to keep the hardest half',
    );
  return f;
}
