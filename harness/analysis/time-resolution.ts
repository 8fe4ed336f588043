import type { CurvePoint, Outcome, TrialConfig, TrialStatus } from '../core/trial.js';
import { workloadRefOf } from '../core/workload.js';
import { resolutionOf } from '../runner/resolution.js';

/** DESIGN § Time resolution: steps to target known to within this share of the arm's median. */
export const RESOLUTION_SHARE = 0.02;

/** What the check reads of a trial: a stored trial record and a reference file's trial both have it. */
export interface ResolutionTrial {
  config: Pick<TrialConfig, 'workload' | 'method' | 'repeat' | 'stopAtTarget' | 'evalEvery'>;
  status: TrialStatus;
  outcome: Pick<Outcome, 'stepsToTarget'> & { resolutionSteps?: number | null };
  curve: Array<Pick<CurvePoint, 'step'>>;
  /** Reference files store long curves thinned: then only `outcome.resolutionSteps` tells. */
  curveThinned?: boolean;
}

export interface ArmResolution {
  workload: string;
  method: string;
  /** Evaluation trials that reached the target. */
  reached: number;
  /** Median steps to target over those trials (null when none reached). */
  medianSteps: number | null;
  /** The coarsest resolution among them, in steps (null when none reached or none is known). */
  worstSteps: number | null;
  /** Reached trials whose resolution cannot be told (older records with thinned curves). */
  unknown: number;
  /** worstSteps ≤ 2% of medianSteps with nothing unknown; true when nothing was reached (nothing to resolve). */
  resolved: boolean;
}

/** A reached trial's resolution: the recorded one, else read off its (unthinned) curve. */
export function trialResolution(t: ResolutionTrial): number | null {
  if (t.status !== 'reached' || t.outcome.stepsToTarget === null) return null;
  if (t.outcome.resolutionSteps !== undefined) return t.outcome.resolutionSteps;
  return t.curveThinned ? null : resolutionOf(t.curve, t.outcome.stepsToTarget);
}

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * For each time-to-target arm (workload × method) among the evaluation trials of a run or a
 * reference: is every reached trial's step to target known to within 2% of the arm's median
 * steps to target? The median is taken over the reached trials (the steps that were measured),
 * which is never above the median with unreached trials counted as infinite, so the check is the
 * stricter of the two.
 */
export function timeResolution(trials: ResolutionTrial[]): ArmResolution[] {
  const arms = new Map<string, ResolutionTrial[]>();
  for (const t of trials) {
    if (t.config.repeat.purpose !== 'eval' || !t.config.stopAtTarget) continue;
    const key = `${workloadRefOf(t.config.workload)}\u0000${t.config.method.id}`;
    arms.set(key, [...(arms.get(key) ?? []), t]);
  }
  return [...arms.entries()].map(([key, ts]) => {
    const [workload, method] = key.split('\u0000') as [string, string];
    const reached = ts.filter((t) => t.status === 'reached' && t.outcome.stepsToTarget !== null);
    return {
      workload,
      method,
      ...resolveArm(
        reached.map((t) => t.outcome.stepsToTarget!),
        reached.map(trialResolution),
      ),
    };
  });
}

/** The check for one arm, from its reached trials' steps to target and resolutions (null = not known). */
export function resolveArm(
  steps: number[],
  resolutions: Array<number | null>,
): Omit<ArmResolution, 'workload' | 'method'> {
  const known = resolutions.filter((r): r is number => r !== null);
  const medianSteps = median(steps);
  const worstSteps = known.length ? Math.max(...known) : null;
  const unknown = resolutions.length - known.length;
  const resolved = steps.length === 0 || (unknown === 0 && worstSteps! <= RESOLUTION_SHARE * medianSteps!);
  return { reached: steps.length, medianSteps, worstSteps, unknown, resolved };
}
