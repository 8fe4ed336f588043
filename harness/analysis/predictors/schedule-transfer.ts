import { lrAreas } from './lr-areas.js';
import { annealingLaw, fitAnnealingLaw, fitStepPowerLaw, stepPowerLaw, type LawPoint } from './loss-laws.js';

/** One training curve with the learning rate of every update that produced it. */
export interface ScheduleCurve {
  arm: string;
  /** Rate of update i + 1 at index i, for at least as many updates as the last point's step. */
  lrs: number[];
  points: Array<{ step: number; value: number }>;
}

/** A fitted loss-curve model: predicts a curve's values at its points from its schedule. */
export interface FittedSchedulePredictor {
  params: number[];
  predict(curve: ScheduleCurve): number[];
}

/** The decay factor λ of the annealing momentum: the paper's value. */
export const ANNEALING_LAMBDA = 0.999;

function lawPoints(c: ScheduleCurve): LawPoint[] {
  const { s1, s2 } = lrAreas(c.lrs, ANNEALING_LAMBDA);
  return c.points.map((p) => ({ step: p.step, s1: s1[p.step - 1]!, s2: s2[p.step - 1]!, loss: p.value }));
}

/** Predictors that fit curves of some schedules and predict curves of others, by id. */
export const SCHEDULE_PREDICTORS: Record<string, { title: string; fit(curves: ScheduleCurve[]): FittedSchedulePredictor }> = {
  'lr-annealing-law': {
    title: 'L = L0 + A·S1^(−α) − C·S2 (Tissue et al. 2024), λ = 0.999',
    fit(curves) {
      const { params } = fitAnnealingLaw(curves.flatMap(lawPoints));
      return { params, predict: (c) => lawPoints(c).map((q) => annealingLaw.value(params, q)) };
    },
  },
  'step-power-law': {
    title: 'L = L0 + A·s^(−α) in steps, schedule-agnostic',
    fit(curves) {
      const { params } = fitStepPowerLaw(curves.flatMap(lawPoints));
      return { params, predict: (c) => c.points.map((p) => stepPowerLaw.value(params, p)) };
    },
  },
};

/** Mean absolute percentage error, as a fraction (0.01 = 1%). */
export function mape(predicted: readonly number[], observed: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < observed.length; i++) s += Math.abs((predicted[i]! - observed[i]!) / observed[i]!);
  return s / observed.length;
}
