import type { CurveHead, ExtrapolatorDefinition } from '../core/predictor.js';

/** What predictive early stopping did on one seed's curves. */
export interface EarlyStoppingResult {
  /** Steps of all curves run to the end / steps actually run. */
  speedup: number;
  /** Final value of the best curve kept to the end minus the best final value of all curves (≥ 0 for a loss: what stopping cost). */
  regret: number;
  /** Arms stopped early, with the step at which they were stopped. */
  stopped: Array<{ arm: string; step: number }>;
  /** Steps of the full sweep and steps run with stopping (the two sides of `speedup`). */
  fullSteps?: number;
  usedSteps?: number;
  /** The best final value of all curves (what `regret` is relative to). */
  best?: number;
  /** The order the curves ran in, when it was not the card's arm order. */
  order?: string[];
}

/** One curve of a sweep: its finite evals, its step budget, and whether it diverged (it then stops itself). */
export interface SweepCurve {
  arm: string;
  points: CurveHead;
  budget: number;
  diverged?: boolean;
}

/**
 * The stopping loop shared by both rules: curves run one after another (in the order given); at
 * each decision point (fractions of the budget) a curve is stopped when `stop(head, finalStep,
 * best)` says so, `best` being the best final value of the curves run to the end so far (a stopped
 * curve's final value is never seen). Lower values are better (a loss).
 * The first curve always runs to the end; a diverged curve costs the steps it ran and is never the best.
 */
export function sweepWithStopping(
  curves: SweepCurve[],
  decisionFractions: number[],
  stop: (head: CurveHead, finalStep: number, best: number) => boolean,
): EarlyStoppingResult {
  // The rule compares with the best final value of the curves run to the end (all it can know);
  // `best` is the best final value of every curve, what the regret is measured against.
  let best = Infinity;
  let bestKept = Infinity;
  let full = 0;
  let used = 0;
  const stopped: EarlyStoppingResult['stopped'] = [];
  for (const c of curves) {
    const last = c.points[c.points.length - 1]!;
    full += last.step;
    let stopAt: number | null = null;
    if (Number.isFinite(bestKept) && !c.diverged) {
      for (const f of decisionFractions) {
        const head = c.points.filter((p) => p.step <= f * c.budget);
        if (head.length === 0 || head.length === c.points.length) continue;
        if (stop(head, last.step, bestKept)) {
          stopAt = head[head.length - 1]!.step;
          break;
        }
      }
    }
    if (!c.diverged) best = Math.min(best, last.value);
    if (stopAt === null) {
      used += last.step;
      if (!c.diverged) bestKept = Math.min(bestKept, last.value);
    } else {
      used += stopAt;
      stopped.push({ arm: c.arm, step: stopAt });
    }
  }
  return { speedup: full / used, regret: bestKept - best, stopped, fullSteps: full, usedSteps: used, best };
}

/**
 * Predictive early stopping as LC-PFN and Domhan et al. use it, in its deterministic form (the
 * secondary number of extrapolation claims): from `observedFraction` of its budget on, at every
 * further tenth of the budget (fitting at every eval costs seconds per curve), a curve is stopped
 * when its extrapolated final value is worse than the best final value seen so far.
 */
export function predictiveEarlyStopping(
  curves: SweepCurve[],
  predictor: Pick<ExtrapolatorDefinition, 'predict'>,
  observedFraction: number,
): EarlyStoppingResult {
  const fractions: number[] = [];
  for (let k = 0; observedFraction + k / 10 < 1; k++) fractions.push(observedFraction + k / 10);
  return sweepWithStopping(curves, fractions, (head, finalStep, best) => predictor.predict(head, finalStep) > best);
}

/**
 * LC-PFN's early-stopping criterion (after Domhan et al. 2015): stop a curve once the predictive
 * probability that its final value beats the best so far, P(y_final < best), falls below
 * `threshold`; checked from `observedFraction` of the budget every `checkEvery` of it.
 */
export function probabilisticEarlyStopping(
  curves: SweepCurve[],
  probabilityBelow: (head: CurveHead, finalStep: number, value: number) => number,
  rule: { observedFraction: number; checkEvery: number; threshold: number },
): EarlyStoppingResult {
  const fractions: number[] = [];
  // Integer steps of `checkEvery` so that no decision point is lost to rounding.
  for (let k = 0; rule.observedFraction + k * rule.checkEvery < 1 - 1e-9; k++)
    fractions.push(rule.observedFraction + k * rule.checkEvery);
  return sweepWithStopping(
    curves,
    fractions,
    (head, finalStep, best) => probabilityBelow(head, finalStep, best) < rule.threshold,
  );
}
