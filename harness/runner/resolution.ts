import type { CurvePoint } from '../core/trial.js';

/**
 * Steps between the last eval that missed the target and the eval that met it (the met eval's
 * step when it was the first): how precisely `stepsToTarget` is known. Null when not reached.
 */
export function resolutionOf(curve: Array<Pick<CurvePoint, 'step'>>, stepsToTarget: number | null): number | null {
  if (stepsToTarget === null) return null;
  const i = curve.findIndex((p) => p.step === stepsToTarget);
  if (i < 0) return null;
  return stepsToTarget - (i > 0 ? curve[i - 1]!.step : 0);
}
