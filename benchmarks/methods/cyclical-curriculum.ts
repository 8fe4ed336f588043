import { defineMethod, type HParams } from '../../harness/core/method.js';
import { ReprobenchError } from '../../harness/errors.js';
import { scoreTrainingRows } from './example-scores.js';
import type { Rng } from '../../harness/rng.js';
import { weightedSampleWithoutReplacement } from '../../harness/runner/weighted-sample.js';
import { CycleSizes } from './cycle-sizes.js';
import { BASE, createOptimizer } from './schedule-methods.js';
import { scheduledLearningRate } from './schedules.js';

/**
 * Cyclical Curriculum Learning (catalogue #69, Kesgin & Amasyali): a scoring model's
 * per-example loss ranks the training rows; epoch e trains on ⌊N · share(e)⌋ rows, the share
 * cycling between `cycleStart` and `cycleEnd` (cycle-sizes.ts). As in the authors' `CyclicalTrain`
 * (example/utils.py), the rows of an epoch are drawn without replacement with probability ∝ 1/loss
 * (`curriculumPick: 'sample'`, easy rows likelier); `'easiest'` takes the lowest-loss rows
 * outright. The scoring model is one model trained `scoreSteps` steps with this method's optimizer
 * and schedule (the authors score with a fully trained vanilla model); its steps are recorded in
 * the outcome and its time counts as training time.
 */
export const cyclicalCurriculum = defineMethod({
  id: 'cyclical-curriculum',
  version: 1,
  title: 'Cyclical curriculum (easy-first, cycling training-set size)',
  description:
    'Per-example loss from one scoring model (scoreSteps 200); epoch e trains on a share of the rows that cycles 0.25 → 0.5 → 1 → 0.5 → 0.25 …, ' +
    'drawn ∝ 1/loss without replacement (curriculumPick sample) or the lowest-loss rows (easiest); AdamW, cosine decay over the step budget. ' +
    'Scoring steps are recorded in the outcome (scoring.steps) and their time is included in the training seconds.',
  reference: {
    title: 'Cyclical Curriculum Learning (Kesgin & Amasyali, IEEE TNNLS 2023)',
    url: 'https://arxiv.org/abs/2202.05531',
  },
  hparams: {
    ...BASE,
    schedule: 'cosine',
    cycleStart: 0.25,
    cycleEnd: 1,
    cycleMultiplier: 0.5,
    curriculumPick: 'sample',
    scoreModels: 1,
    scoreSteps: 200,
  },
  searchSpace: { learningRate: { min: 1e-4, max: 3e-2, scaling: 'log' } },
  createOptimizer,
  learningRate: scheduledLearningRate,
  selectData: async (hp, ctx) => {
    const sizes = new CycleSizes(Number(hp.cycleStart), Number(hp.cycleEnd), Number(hp.cycleMultiplier));
    const pick = pickOf(hp);
    const { scores: losses, scoringSteps } = await scoreTrainingRows(ctx, {
      score: 'loss',
      models: Number(hp.scoreModels),
      steps: Number(hp.scoreSteps),
      createOptimizer: () => createOptimizer(hp),
      learningRate: (step) => scheduledLearningRate(hp, { step, totalSteps: ctx.stepHint }),
    });
    const n = losses.length;
    const easiness = Float64Array.from(losses, (l) => 1 / Math.max(l, 1e-12)); // the authors' easy scores, 1 / loss
    const methodRng = ctx.rng;
    const easiestFirst = pick === 'easiest' ? lowestScoring(losses, n) : null;
    return {
      scoringSteps,
      epochRows: (epoch: number, orderRng: Rng) => {
        const k = Math.max(1, Math.floor(n * sizes.at(epoch)));
        const chosen = easiestFirst
          ? easiestFirst.subarray(0, k)
          : weightedSampleWithoutReplacement(easiness, k, methodRng);
        // Keras' fit shuffles each epoch; the order stream does it here.
        const perm = orderRng.permutation(k);
        return Int32Array.from(perm, (i) => chosen[i]!);
      },
    };
  },
});

function pickOf(hp: HParams): 'sample' | 'easiest' {
  if (hp.curriculumPick === 'sample' || hp.curriculumPick === 'easiest') return hp.curriculumPick;
  throw new ReprobenchError(
    'E_BAD_CONFIG',
    `curriculumPick "${String(hp.curriculumPick)}" is not 'sample' or 'easiest'`,
    "set hparams.curriculumPick to 'sample' (the authors' code) or 'easiest'",
  );
}

/** The k rows with the lowest scores (a NaN counts as hardest), lowest first. */
export function lowestScoring(scores: ArrayLike<number>, k: number): Int32Array {
  const key = (i: number) => (Number.isNaN(scores[i]) ? Infinity : scores[i]!);
  const order = Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => key(a) - key(b) || a - b);
  return Int32Array.from(order.slice(0, k));
}
