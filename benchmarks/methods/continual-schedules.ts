import { defineMethod, type HParams, type ScheduleContext } from '../../harness/core/method.js';
import { ReprobenchError } from '../../harness/errors.js';
import { adamw } from './adamw.js';

/** The task a step belongs to and its 0-based iteration within that task. */
function taskOf(hp: HParams, step: number): { task: number; iter: number; steps: number } {
  const steps = hp.taskSteps;
  if (typeof steps !== 'number' || !Number.isInteger(steps) || steps < 2) {
    throw new ReprobenchError(
      'E_BAD_CONFIG',
      `taskSteps must be an integer ≥ 2, got ${String(steps)}`,
      "set hparams.taskSteps to the workload's steps per task (char-lm-continual: 1000)",
    );
  }
  const task = Math.floor(step / steps);
  return { task, iter: step - task * steps, steps };
}

/**
 * The infinite schedule of Singh, Janson et al. (2025), as the second author's code computes it per
 * iteration (github.com/Pauljanson002/MAE-1 `infinite_scheduler.py` `infinite_lr`, decay style
 * `cosine_cooldown_infinite`, one epoch per task): with T = the task's iterations, t = the
 * iteration within it, η_c = constantLrRatio·η and η_min = minLrRatio·η,
 * - task 0: t ≤ ⌊wT⌋ linear warmup t/⌊wT⌋·η; t ≤ ⌊cT⌋ cosine from η down to η_c; t ≤ ⌊kT⌋ constant η_c;
 *   then η_c·exp(−ln(η_c/η_min)·(t − ⌊kT⌋)/(T − ⌊kT⌋));
 * - later tasks: constant η_c up to ⌊kT⌋, then the same exponential anneal (no re-warming).
 * w, c, k are warmupRatio, cooldownRatio (an end point, not a duration) and constantRatio.
 */
export function infiniteLearningRate(hp: HParams, ctx: ScheduleContext): number {
  const { task, iter: t, steps: T } = taskOf(hp, ctx.step);
  const peak = Number(hp.learningRate);
  const constant = peak * Number(hp.constantLrRatio);
  const min = peak * Number(hp.minLrRatio);
  const constantEnd = Math.floor(T * Number(hp.constantRatio));
  const anneal = () => constant * Math.exp((-Math.log(constant / min) * (t - constantEnd)) / (T - constantEnd));
  if (task > 0) return t <= constantEnd ? constant : anneal();
  const warmupEnd = Math.floor(T * Number(hp.warmupRatio));
  const cooldownEnd = Math.floor(T * Number(hp.cooldownRatio));
  if (t <= warmupEnd) return (t / warmupEnd) * peak;
  if (t <= cooldownEnd) {
    const p = (t - warmupEnd) / (cooldownEnd - warmupEnd);
    return constant + ((peak - constant) / 2) * (Math.cos(Math.PI * p) + 1);
  }
  return t <= constantEnd ? constant : anneal();
}

/**
 * The repeated cosine baseline of the same code (`adjust_learning_rate`, MAE's half-cycle cosine
 * with warmup, called with the fractional epoch): every task restarts it, e = t/T of one epoch,
 * warmup e < w: η·e/w; then η_min + (η − η_min)·½(1 + cos(π(e − w)/(1 − w))).
 */
export function repeatedCosineLearningRate(hp: HParams, ctx: ScheduleContext): number {
  const { iter, steps } = taskOf(hp, ctx.step);
  const peak = Number(hp.learningRate);
  const min = peak * Number(hp.minLrRatio);
  const w = Number(hp.warmupRatio);
  const e = iter / steps;
  if (e < w) return (peak * e) / w;
  return min + (peak - min) * 0.5 * (1 + Math.cos((Math.PI * (e - w)) / (1 - w)));
}

const COMMON = { ...adamw.hparams, taskSteps: 1000, warmupRatio: 0.05, minLrRatio: 0.1 };
const reference = {
  title:
    'Beyond Cosine Decay: On the effectiveness of Infinite Learning Rate Schedule for Continual Pre-training (code: Pauljanson002/MAE-1)',
  url: 'https://arxiv.org/abs/2503.02844',
};

/** Singh, Janson et al.'s infinite schedule over a sequence of tasks of `taskSteps` steps each, AdamW. */
export const infiniteSchedule = defineMethod({
  id: 'infinite-schedule',
  version: 1,
  title: 'Infinite learning-rate schedule (continual pre-training), AdamW',
  description:
    'Task 0: warmup, cosine cooldown to constantLrRatio·η, constant, exponential anneal to minLrRatio·η; later tasks: ' +
    'constant then the same anneal, never re-warmed. AdamW.',
  reference,
  hparams: { ...COMMON, cooldownRatio: 0.4, constantRatio: 0.8, constantLrRatio: 0.5 },
  searchSpace: adamw.searchSpace,
  createOptimizer: adamw.createOptimizer,
  learningRate: infiniteLearningRate,
});

/** The baseline: warmup and a half-cycle cosine to minLrRatio·η, restarted at every task. */
export const repeatedCosine = defineMethod({
  id: 'repeated-cosine',
  version: 1,
  title: 'Repeated cosine decay (restarted per task), AdamW',
  description:
    'Every task of taskSteps steps: linear warmup over warmupRatio, half-cycle cosine to minLrRatio·η. AdamW.',
  reference,
  hparams: COMMON,
  searchSpace: adamw.searchSpace,
  createOptimizer: adamw.createOptimizer,
  learningRate: repeatedCosineLearningRate,
});
