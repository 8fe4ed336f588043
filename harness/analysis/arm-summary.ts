/** One arm's seeds summarised for the verdict and the reports: counts, medians with unreached seeds as infinite, time resolution. */
import type { Target } from '../core/trial.js';
import type { ArmRepeats } from './arms.js';
import type { PredictorOutcome } from './predictor-outcome.js';
import { resolveArm, type ArmResolution } from './time-resolution.js';

export interface ArmSummary extends ArmRepeats {
  n: number;
  reached: number;
  censored: number;
  divergedCount: number;
  /** Median steps to target with unreached seeds counted as infinite; null when infinite. */
  medianSteps: number | null;
  medianSeconds: number | null;
  /**
   * Time-to-target arms: how well their steps to target are known (DESIGN § Time resolution:
   * the coarsest resolution of a reached trial ≤ 2% of the median of reached steps). Null for
   * arms whose trials do not stop at the target.
   */
  timeResolution: Omit<ArmResolution, 'workload' | 'method'> | null;
}

export interface WorkloadSummary {
  workload: string;
  target: Target | null;
  arms: ArmSummary[];
  /** Predictor claims: the per-seed errors of both predictors on this workload's curves. */
  predictor?: PredictorOutcome;
}

function medianWithInfinity(values: number[], events: boolean[]): number | null {
  if (values.length === 0) return null;
  const s = values.map((v, i) => (events[i] ? v : Infinity)).sort((a, b) => a - b);
  const mid = s.length >> 1;
  const m = s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  return Number.isFinite(m) ? m : null;
}

export function summarizeArm(a: ArmRepeats): ArmSummary {
  const reached = a.events.filter(Boolean).length;
  const hit = a.events.map((e, i) => (e ? i : -1)).filter((i) => i >= 0);
  const divergedCount = a.diverged.filter(Boolean).length;
  return {
    ...a,
    n: a.steps.length,
    reached,
    divergedCount,
    censored: a.steps.length - reached - divergedCount,
    medianSteps: medianWithInfinity(a.steps, a.events),
    medianSeconds: medianWithInfinity(a.seconds, a.events),
    timeResolution: a.resolutionSteps
      ? resolveArm(
          hit.map((i) => a.steps[i]!),
          hit.map((i) => a.resolutionSteps![i] ?? null),
        )
      : null,
  };
}
