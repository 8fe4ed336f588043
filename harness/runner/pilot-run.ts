import { isCommandMethod, type PilotSchedule } from '../core/method.js';
import type { CurvePoint } from '../core/trial.js';
import { train, type TrainInputs, type TrainResult } from './train-loop.js';

/**
 * One trial of a tfjs method: a plain training run, or, for a method with `pilotSchedule`, its
 * pilot run and then the run at the schedule derived from the pilot's gradient norms.
 */
export async function trainTrial(inputs: TrainInputs): Promise<TrainResult> {
  const pilot = isCommandMethod(inputs.method)
    ? null
    : (inputs.method.pilotSchedule?.(inputs.config.method.hparams) ?? null);
  return pilot ? trainWithPilot(inputs, pilot) : train(inputs);
}

/**
 * The pilot trains from the trial's own seeds (same initial weights, same batches) to the full
 * budget, never stopping at the target (the schedule needs every step's norms). Then the model is
 * built again from the same seeds and trained at the derived rates. The pilot is compute the
 * method spends: its training seconds are added to the trial's (and to every curve point's), its
 * steps go to `scoring`, and its evaluation seconds to the trial's evaluation time.
 */
async function trainWithPilot(inputs: TrainInputs, pilot: PilotSchedule): Promise<TrainResult> {
  const { config } = inputs;
  const pilotLr = (step: number) => pilot.learningRate({ step, totalSteps: config.stepHint });
  const first = await train({
    ...inputs,
    config: { ...config, stopAtTarget: false },
    learningRate: pilotLr,
    recordGradNorm: true,
  });
  if (first.status === 'diverged' || !first.gradNorms) {
    const reason = `pilot run: ${first.outcome.reason}`;
    return { ...first, status: 'diverged', outcome: { ...first.outcome, reason } };
  }
  const rates = pilot.derive(first.gradNorms, { totalSteps: first.gradNorms.l2.length });
  const rateAt = (step: number) => rates[Math.min(step, rates.length - 1)]!;
  const main = await train({ ...inputs, learningRate: rateAt });
  const charged = first.outcome.trainSeconds;
  const shift = (p: CurvePoint): CurvePoint => ({ ...p, trainSeconds: p.trainSeconds + charged });
  return {
    ...main,
    curve: main.curve.map(shift),
    outcome: {
      ...main.outcome,
      trainSeconds: main.outcome.trainSeconds + charged,
      evalSeconds: main.outcome.evalSeconds + first.outcome.evalSeconds,
      secondsToTarget: main.outcome.secondsToTarget === null ? null : main.outcome.secondsToTarget + charged,
      scoring: { steps: first.outcome.stepsRun, seconds: charged },
      derivedSchedule: {
        lInfFromPilot: scheduleDistance(rates, pilotLr, first.outcome.stepsRun),
        lInfFromLinear: scheduleDistance(rates, linearFrom(rates), rates.length),
      },
    },
  };
}

/** Linear decay from the rates' peak at step 0 to 0 at their last step (schedule refinement's result for a constant norm). */
function linearFrom(rates: readonly number[]): (step: number) => number {
  const peak = Math.max(...rates);
  const last = Math.max(rates.length - 1, 1);
  return (step) => (peak * (last - step)) / last;
}

/** max_t |derived_t − reference_t| / max_t reference_t over the first `steps` steps. */
export function scheduleDistance(rates: readonly number[], pilotLr: (step: number) => number, steps: number): number {
  let peak = 0;
  let worst = 0;
  for (let t = 0; t < steps; t++) {
    const p = pilotLr(t);
    peak = Math.max(peak, p);
    worst = Math.max(worst, Math.abs(rates[Math.min(t, rates.length - 1)]! - p));
  }
  return peak > 0 ? worst / peak : 0;
}
