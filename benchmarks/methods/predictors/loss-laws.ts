import { leastSquares, type LeastSquaresFit } from './least-squares.js';

/** One fitted point: the eval's loss and what the law reads at that step. */
export interface LawPoint {
  /** Updates run (the eval's step). */
  step: number;
  /** S1 and S2 after `step` updates (see lr-areas.ts). */
  s1: number;
  s2: number;
  loss: number;
}

/** L(s) = L0 + A·S1^(−α) − C·S2 (Tissue et al. 2024). Parameters [L0, A, α, C]. */
export const annealingLaw = {
  value: ([l0, a, alpha, c]: readonly number[], q: Pick<LawPoint, 's1' | 's2'>): number =>
    l0! + a! * q.s1 ** -alpha! - c! * q.s2,
  gradient: ([, a, alpha]: readonly number[], q: Pick<LawPoint, 's1' | 's2'>): number[] => {
    const pw = q.s1 ** -alpha!;
    return [1, pw, -a! * pw * Math.log(q.s1), -q.s2];
  },
};

/** L(s) = L0 + A·s^(−α): a power law in steps that knows nothing of the schedule. Parameters [L0, A, α]. */
export const stepPowerLaw = {
  value: ([l0, a, alpha]: readonly number[], q: Pick<LawPoint, 'step'>): number => l0! + a! * q.step ** -alpha!,
  gradient: ([, a, alpha]: readonly number[], q: Pick<LawPoint, 'step'>): number[] => {
    const pw = q.step ** -alpha!;
    return [1, pw, -a! * pw * Math.log(q.step)];
  },
};

const ALPHAS = [0.3, 0.7, 1.5];

/**
 * Starting points: L0 just below the lowest loss, A so that the law passes through the first
 * point, for a few exponents (and C = 0: no annealing effect).
 */
function starts(points: LawPoint[], x: (q: LawPoint) => number, withC: boolean): number[][] {
  const lo = Math.min(...points.map((q) => q.loss));
  const first = points.reduce((a, b) => (x(b) < x(a) ? b : a));
  const l0 = lo > 0 ? 0.9 * lo : lo - 0.1 * Math.abs(lo);
  return ALPHAS.map((alpha) => {
    const a = Math.max((first.loss - l0) * x(first) ** alpha, 1e-6);
    return withC ? [l0, a, alpha, 0] : [l0, a, alpha];
  });
}

/** Fits the annealing law to points from one or more curves (least squares on the loss). */
export function fitAnnealingLaw(points: LawPoint[]): LeastSquaresFit {
  return leastSquares(
    { value: (p, k) => annealingLaw.value(p, points[k]!), gradient: (p, k) => annealingLaw.gradient(p, points[k]!) },
    points.map((q) => q.loss),
    starts(points, (q) => q.s1, true),
    // α > 0 keeps the forward term a decreasing power law; C ≥ 0: annealing lowers the loss.
    { min: [-1e6, 0, 1e-3, 0], max: [1e6, 1e9, 5, 1e9] },
  );
}

/** Fits the schedule-agnostic power law in steps. */
export function fitStepPowerLaw(points: LawPoint[]): LeastSquaresFit {
  return leastSquares(
    { value: (p, k) => stepPowerLaw.value(p, points[k]!), gradient: (p, k) => stepPowerLaw.gradient(p, points[k]!) },
    points.map((q) => q.loss),
    starts(points, (q) => q.step, false),
    { min: [-1e6, 0, 1e-3], max: [1e6, 1e9, 5] },
  );
}
