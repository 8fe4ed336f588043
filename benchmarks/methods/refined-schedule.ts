import { defineMethod, type HParams, type PilotSchedule } from '../../harness/core/method.js';
import type { GradNormTrace } from '../../harness/runner/grad-norm.js';
import { ReprobenchError } from '../../harness/errors.js';
import { BASE, createOptimizer } from './schedule-methods.js';
import { scheduledLearningRate } from './schedules.js';

const PAPER = {
  title: 'When, Why and How Much? Adaptive Learning Rate Scheduling by Refinement (Defazio et al. 2023)',
  url: 'https://arxiv.org/abs/2310.07831',
};

/** numpy's `np.pad(x, (0, pad), mode='reflect')`: the tail mirrored about the last element (periodically when pad ≥ n). */
function padReflect(x: readonly number[], pad: number): number[] {
  const n = x.length;
  const out = x.slice();
  const period = 2 * (n - 1);
  for (let i = n; i < n + pad; i++) {
    const m = period === 0 ? 0 : i % period;
    out.push(x[m < n ? m : period - m]!);
  }
  return out;
}

/**
 * The authors' smoothing (adaptive_scheduling README.md and visual.py):
 * `median_filter(np.pad(G, (0, pad), mode='reflect'), size=fw, mode='nearest')[:-pad]` with
 * fw = 2·⌊⌊σ₂·T⌋/2⌋ + 1 and pad = 2·fw. scipy's `nearest` mode repeats the edge values.
 */
export function smoothGradNorms(g: readonly number[], sigma2: number): number[] {
  const n = g.length;
  const fw = 2 * Math.floor(Math.floor(sigma2 * n) / 2) + 1;
  const x = padReflect(g, 2 * fw);
  const half = (fw - 1) / 2;
  const out: number[] = [];
  const window: number[] = new Array<number>(fw);
  for (let i = 0; i < n; i++) {
    for (let k = -half; k <= half; k++) window[k + half] = x[Math.min(Math.max(i + k, 0), x.length - 1)]!;
    window.sort((a, b) => a - b);
    out.push(window[half]!);
  }
  return out;
}

/**
 * `find_closed_form_schedule(G, weights)` of facebookresearch/adaptive_scheduling find_schedule.py:
 * with w_t = weights, s_t = w_t · Σ_{p>t} w_p / w_{T−1} and s_{T−1} = 0 (`tail_sums[-1]` is
 * w_{T−1}); the tail sums are added from the end, as numpy's cumsum of the flipped weights does.
 */
export function closedFormSchedule(weights: readonly number[]): number[] {
  const T = weights.length;
  const tail = new Array<number>(T);
  let acc = 0;
  for (let t = T - 1; t >= 0; t--) {
    acc += weights[t]!;
    tail[t] = acc;
  }
  return weights.map((w, t) => (t === T - 1 ? 0 : (w * tail[t + 1]!) / tail[T - 1]!));
}

/**
 * The refined schedule's multipliers (peak 1) from a first run's per-step gradient norms: smoothed
 * as above, weighted G̃^(−power), closed form, divided by its maximum (visual.py: `sched/np.max(sched)`).
 * The paper's SGD variant uses L2 norms and power 2; its Adam variant L1 norms and power 1
 * (visual.py: `weights=gnorms_smoothed**-1` for the `_l1` sequences; find_schedule.py's docstring).
 */
export function refinedMultipliers(norms: readonly number[], sigma2: number, power: number): number[] {
  if (norms.length < 2 || norms.some((g) => !(g > 0 && Number.isFinite(g)))) {
    throw new ReprobenchError(
      'E_BAD_CONFIG',
      `schedule refinement needs at least 2 finite, positive gradient norms (got ${norms.length})`,
      'refine from a pilot run that trained without diverging',
    );
  }
  const smoothed = smoothGradNorms(norms, sigma2);
  const sched = closedFormSchedule(smoothed.map((g) => g ** -power));
  const max = Math.max(...sched);
  return sched.map((s) => s / max);
}

/** Which norm and power fit the optimizer: Adam's variant (L1, G⁻¹) or SGD's (L2, G⁻²). */
export function refinementVariant(hp: HParams): { norm: keyof GradNormTrace; power: number } {
  return hp.optimizer === 'sgd' ? { norm: 'l2', power: 2 } : { norm: 'l1', power: 1 };
}

function refinedPilot(hp: HParams): PilotSchedule {
  const sigma2 = Number(hp.refineSigma2);
  if (!(sigma2 > 0 && sigma2 < 1)) {
    throw new ReprobenchError('E_BAD_CONFIG', `refineSigma2 ${hp.refineSigma2} is not in (0, 1)`, 'use e.g. 0.1');
  }
  const { norm, power } = refinementVariant(hp);
  const peak = Number(hp.learningRate);
  return {
    learningRate: (ctx) => scheduledLearningRate(hp, ctx),
    derive: (trace) => refinedMultipliers(trace[norm], sigma2, power).map((m) => peak * m),
  };
}

/**
 * Schedule refinement: each trial first runs the pilot schedule (`schedule`, linear decay by
 * default, with its warmup) from the trial's seeds, then trains again from the same initial
 * weights and batches at the refined schedule derived from the pilot's gradient norms, with the
 * same peak rate (the paper does not retune). σ₂ = 0.1 is the authors' visual.py value.
 */
export const refinedSchedule = defineMethod({
  id: 'refined-schedule',
  version: 1,
  title: 'Refined schedule (from a linear-decay pilot run)',
  description:
    'η_t ∝ w_t · Σ_{p>t} w_p with w = smoothed gradient norms^(−2) (SGD, L2 norms) or ^(−1) (Adam, L1 norms) of a pilot run at the ' +
    "`schedule` hparam (linear decay), peak = learningRate; the pilot's steps are charged to the trial.",
  reference: {
    title: `${PAPER.title}; facebookresearch/adaptive_scheduling find_schedule.py, visual.py, README.md`,
    url: PAPER.url,
  },
  hparams: { ...BASE, schedule: 'linear', refineSigma2: 0.1 },
  searchSpace: { learningRate: { min: 1e-4, max: 3e-2, scaling: 'log' } },
  createOptimizer,
  learningRate: scheduledLearningRate,
  pilotSchedule: refinedPilot,
});
