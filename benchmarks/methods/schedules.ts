import type { HParams, ScheduleContext } from '../../harness/core/method.js';
import { ReprobenchError } from '../../harness/errors.js';

export type ScheduleName = 'constant' | 'linear' | 'cosine';

/**
 * Learning-rate multipliers in [0, 1] over a horizon of T steps (the workload's step hint).
 * Warmup is linear from 0 over `warmupFraction · T` steps (AlgoPerf's `warmup_factor`), then the
 * decay runs over the remaining steps; past the horizon the rate stays at its final value.
 * `step` is 0-based: the multiplier for the update that produces step `step + 1`.
 */
export function scheduleMultiplier(name: ScheduleName, warmupFraction: number, step: number, totalSteps: number): number {
  const warmup = Math.floor(warmupFraction * totalSteps);
  if (step < warmup) return (step + 1) / warmup;
  const span = Math.max(totalSteps - warmup, 1);
  const z = Math.min((step - warmup) / span, 1);
  switch (name) {
    case 'constant':
      return 1;
    case 'linear':
      return 1 - z;
    case 'cosine':
      return 0.5 * (1 + Math.cos(Math.PI * z));
  }
}

/** The learning rate for methods whose hparams carry `learningRate`, `schedule` and `warmupFraction`. */
export function scheduledLearningRate(hp: HParams, ctx: ScheduleContext): number {
  const name = hp.schedule ?? 'constant';
  if (name !== 'constant' && name !== 'linear' && name !== 'cosine') {
    throw new ReprobenchError('E_BAD_CONFIG', `unknown schedule "${String(name)}"`, 'use one of: constant, linear, cosine');
  }
  const warmup = Number(hp.warmupFraction ?? 0);
  return Number(hp.learningRate) * scheduleMultiplier(name, warmup, ctx.step, ctx.totalSteps);
}
