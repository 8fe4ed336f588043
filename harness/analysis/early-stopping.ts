import type { CurveHead, ExtrapolatorDefinition } from '../core/predictor.js';

/** What predictive early stopping did on one seed's curves (a secondary number of extrapolation claims). */
export interface EarlyStoppingResult {
  /** Steps of all curves run to the end / steps actually run. */
  speedup: number;
  /** Final value of the best curve kept to the end minus the best final value of all curves (≥ 0 for a loss: what stopping cost). */
  regret: number;
  /** Arms stopped early, with the step at which they were stopped. */
  stopped: Array<{ arm: string; step: number }>;
}

/**
 * Predictive early stopping as LC-PFN and Domhan et al. use it, in its deterministic form: the
 * curves run one after another (in the order given); from `observedFraction` of its budget on, at
 * every further tenth of the budget (the decision points: fitting at every eval costs seconds per
 * curve), a curve is stopped when its extrapolated final value is worse than the best final value
 * seen so far, as `predictor` extrapolates it. Lower values are better (a loss). The first curve
 * always runs to the end.
 */
export function predictiveEarlyStopping(
  curves: Array<{ arm: string; points: CurveHead; budget: number }>,
  predictor: Pick<ExtrapolatorDefinition, 'predict'>,
  observedFraction: number,
): EarlyStoppingResult {
  const predict = (head: CurveHead, finalStep: number) => predictor.predict(head, finalStep);
  let best = Infinity;
  let bestKept = Infinity;
  let full = 0;
  let used = 0;
  const stopped: EarlyStoppingResult['stopped'] = [];
  for (const c of curves) {
    const last = c.points[c.points.length - 1]!;
    full += last.step;
    let stopAt: number | null = null;
    if (Number.isFinite(best)) {
      for (let k = 0; observedFraction + k / 10 < 1 && stopAt === null; k++) {
        const at = (observedFraction + k / 10) * c.budget;
        const head = c.points.filter((p) => p.step <= at);
        if (head.length === 0 || head.length === c.points.length) continue;
        if (predict(head, last.step) > best) stopAt = head[head.length - 1]!.step;
      }
    }
    best = Math.min(best, last.value);
    if (stopAt === null) {
      used += last.step;
      bestKept = Math.min(bestKept, last.value);
    } else {
      used += stopAt;
      stopped.push({ arm: c.arm, step: stopAt });
    }
  }
  return { speedup: full / used, regret: bestKept - best, stopped };
}
