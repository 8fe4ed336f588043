import {
  definePredictor,
  type ScheduleCurve,
  type SchedulePredictorDefinition,
} from '../../../harness/core/predictor.js';
import { lrAreas } from './lr-areas.js';
import { annealingLaw, fitAnnealingLaw, fitStepPowerLaw, stepPowerLaw, type LawPoint } from './loss-laws.js';

/** The decay factor λ of the annealing momentum: the paper's value. */
export const ANNEALING_LAMBDA = 0.999;

function lawPoints(c: ScheduleCurve): LawPoint[] {
  const { s1, s2 } = lrAreas(c.lrs, ANNEALING_LAMBDA);
  return c.points.map((p) => ({ step: p.step, s1: s1[p.step - 1]!, s2: s2[p.step - 1]!, loss: p.value }));
}

/** The LR annealing law (Tissue et al. 2024): fits curves of some schedules, predicts curves of others. */
export const lrAnnealingLaw: SchedulePredictorDefinition = definePredictor({
  id: 'lr-annealing-law',
  task: 'schedule-transfer',
  title: 'L = L0 + A·S1^(−α) − C·S2 (Tissue et al. 2024), λ = 0.999',
  fit(curves: ScheduleCurve[]) {
    const { params } = fitAnnealingLaw(curves.flatMap(lawPoints));
    return { params, predict: (c: ScheduleCurve) => lawPoints(c).map((q) => annealingLaw.value(params, q)) };
  },
});

/** Its baseline: a power law in steps that ignores the schedule. */
export const stepPowerLawPredictor: SchedulePredictorDefinition = definePredictor({
  id: 'step-power-law',
  task: 'schedule-transfer',
  title: 'L = L0 + A·s^(−α) in steps, schedule-agnostic',
  fit(curves: ScheduleCurve[]) {
    const { params } = fitStepPowerLaw(curves.flatMap(lawPoints));
    return { params, predict: (c: ScheduleCurve) => c.points.map((p) => stepPowerLaw.value(params, p)) };
  },
});
