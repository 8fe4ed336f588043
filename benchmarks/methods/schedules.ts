import type { HParams, ScheduleContext } from '../../harness/core/method.js';
import { ReprobenchError } from '../../harness/errors.js';

export type ScheduleName = 'constant' | 'linear' | 'cosine' | 'rex' | 'step' | 'exponential' | 'onecycle' | 'wsd';

export const SCHEDULE_NAMES: readonly ScheduleName[] = [
  'constant',
  'linear',
  'cosine',
  'rex',
  'step',
  'exponential',
  'onecycle',
  'wsd',
];

/**
 * Shape parameters of the schedules beyond the warmup; each has the default its source uses
 * (see the case in {@link scheduleMultiplier}). Methods carry them as hparams of the same name.
 */
export interface ScheduleOptions {
  /** REX: β of (1 − z) / (1/2 + 1/2·(1 − β z)); the paper's profile is β = 1 (some code uses 0.9). @default 1 */
  rexBeta?: number;
  /** step: the fractions of the horizon where the rate is multiplied by `stepGamma`. @default '0.3,0.6,0.9' */
  stepMilestones?: string;
  /** step: the factor applied at each milestone. @default 0.1 */
  stepGamma?: number;
  /** exponential: the multiplier reached at the horizon (η_t = η_0 · final^z). @default 0.01 */
  expFinal?: number;
  /** onecycle: fraction of the horizon spent rising (PyTorch `pct_start`). @default 0.3 */
  onecyclePctStart?: number;
  /** onecycle: initial rate = peak / divFactor (PyTorch `div_factor`). @default 25 */
  onecycleDivFactor?: number;
  /** onecycle: final rate = initial / finalDivFactor (PyTorch `final_div_factor`). @default 10000 */
  onecycleFinalDivFactor?: number;
  /** wsd: the fraction of the horizon, at its end, spent cooling down. @default 0.2 */
  wsdDecayFraction?: number;
  /** wsd: cooldown shape, `linear` (1 − u) or `1-sqrt` (1 − √u). @default 'linear' */
  wsdDecayShape?: string;
}

const cosineAnneal = (start: number, end: number, pct: number): number =>
  end + ((start - end) / 2) * (1 + Math.cos(Math.PI * pct));

/**
 * OneCycle as torch.optim.lr_scheduler.OneCycleLR computes it (two phases, cosine annealing;
 * Smith & Topin 2019): from peak/div up to the peak at step pct·T − 1, then down to
 * peak/(div·finalDiv) at step T − 1. It replaces the generic warmup.
 */
function oneCycle(step: number, totalSteps: number, o: ScheduleOptions): number {
  const pct = o.onecyclePctStart ?? 0.3;
  const initial = 1 / (o.onecycleDivFactor ?? 25);
  const min = initial / (o.onecycleFinalDivFactor ?? 1e4);
  const peakAt = pct * totalSteps - 1;
  const end = totalSteps - 1;
  const s = Math.min(step, end);
  if (s <= peakAt) return cosineAnneal(initial, 1, peakAt > 0 ? s / peakAt : 1);
  return cosineAnneal(1, min, (s - peakAt) / (end - peakAt));
}

function milestones(text: string): number[] {
  const ms = text.split(',').map((s) => Number(s.trim()));
  if (ms.some((m) => !(m > 0 && m < 1))) {
    throw new ReprobenchError(
      'E_BAD_CONFIG',
      `step milestones "${text}" are not fractions in (0, 1)`,
      "give comma-separated fractions of the horizon, e.g. '0.3,0.6,0.9'",
    );
  }
  return ms;
}

/**
 * Learning-rate multipliers over a horizon of T steps (the workload's step hint).
 * Warmup is linear from 0 over `warmupFraction · T` steps (AlgoPerf's `warmup_factor`), then the
 * decay runs over the remaining steps with progress z ∈ [0, 1]; past the horizon the rate stays
 * at its final value. `step` is 0-based: the multiplier for the update that produces step `step + 1`.
 * `onecycle` has its own rising phase and ignores `warmupFraction`.
 */
export function scheduleMultiplier(
  name: ScheduleName,
  warmupFraction: number,
  step: number,
  totalSteps: number,
  o: ScheduleOptions = {},
): number {
  if (name === 'onecycle') return oneCycle(step, totalSteps, o);
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
    case 'rex': {
      // Chen, Wolfe & Kyrillidis (MLSys 2022), the paper's profile; checked against init2winit's
      // RexScheduleFamily docstring ("beta = 0.9 (in code) or 1 (in paper)").
      const beta = o.rexBeta ?? 1;
      return (1 - z) / (0.5 + 0.5 * (1 - beta * z));
    }
    case 'step': {
      const passed = milestones(o.stepMilestones ?? '0.3,0.6,0.9').filter((m) => z >= m).length;
      return (o.stepGamma ?? 0.1) ** passed;
    }
    case 'exponential':
      return (o.expFinal ?? 0.01) ** z;
    case 'wsd': {
      // Warmup–stable–decay (Hägele et al. 2024, "Scaling Laws and Compute-Optimal Training
      // Beyond Fixed Training Durations"): constant, then a cooldown over the last fraction.
      const frac = o.wsdDecayFraction ?? 0.2;
      const start = 1 - frac;
      if (z < start) return 1;
      const u = z >= 1 ? 1 : Math.min((z - start) / frac, 1);
      const shape = o.wsdDecayShape ?? 'linear';
      if (shape !== 'linear' && shape !== '1-sqrt') {
        throw new ReprobenchError('E_BAD_CONFIG', `unknown wsd cooldown shape "${shape}"`, "use 'linear' or '1-sqrt'");
      }
      return shape === 'linear' ? 1 - u : 1 - Math.sqrt(u);
    }
  }
}

const OPTION_KEYS = [
  'rexBeta',
  'stepMilestones',
  'stepGamma',
  'expFinal',
  'onecyclePctStart',
  'onecycleDivFactor',
  'onecycleFinalDivFactor',
  'wsdDecayFraction',
  'wsdDecayShape',
] as const;

/** The schedule's shape options found among a method's hparams. */
export function scheduleOptionsOf(hp: HParams): ScheduleOptions {
  const o: Record<string, number | string> = {};
  for (const k of OPTION_KEYS) {
    const v = hp[k];
    if (v === undefined) continue;
    o[k] = k === 'stepMilestones' || k === 'wsdDecayShape' ? String(v) : Number(v);
  }
  return o;
}

/** The learning rate for methods whose hparams carry `learningRate`, `schedule` and `warmupFraction` (and shape options). */
export function scheduledLearningRate(hp: HParams, ctx: ScheduleContext): number {
  const name = hp.schedule ?? 'constant';
  if (!(SCHEDULE_NAMES as readonly unknown[]).includes(name)) {
    throw new ReprobenchError(
      'E_BAD_CONFIG',
      `unknown schedule "${String(name)}"`,
      `use one of: ${SCHEDULE_NAMES.join(', ')}`,
    );
  }
  const warmup = Number(hp.warmupFraction ?? 0);
  return (
    Number(hp.learningRate) *
    scheduleMultiplier(name as ScheduleName, warmup, ctx.step, ctx.totalSteps, scheduleOptionsOf(hp))
  );
}
