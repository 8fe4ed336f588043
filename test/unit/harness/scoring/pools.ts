import type { EvalPoint, ResultTarget, ScoringSubmission, ScoringWorkload } from '../../../../harness/scoring/types.js';

/** Hand-built pools: the target is validation/accuracy ≥ 0.9 on every workload. */
export const TARGET: ResultTarget = { metric: 'validation/accuracy', value: 0.9, direction: 'higher' };

/**
 * A curve that first meets TARGET at `seconds` (two evals before it miss), or never (null).
 * Evals every seconds/3, so the hit is always the third eval (index 2).
 */
export function curveHitting(seconds: number | null, evals = 4): EvalPoint[] {
  if (seconds === null)
    return Array.from({ length: evals }, (_, i) => ({
      step: (i + 1) * 100,
      seconds: (i + 1) * 100,
      metrics: { 'validation/accuracy': 0.5 },
    }));
  const dt = seconds / 3;
  return Array.from({ length: evals }, (_, i) => ({
    step: (i + 1) * 10,
    seconds: (i + 1) * dt,
    metrics: { 'validation/accuracy': i >= 2 ? 0.95 : 0.8 },
  }));
}

/** studies[k][j] = trial j of study k's time to target (null = never). */
export function workload(studies: Array<Array<number | null>>, budget?: number): ScoringWorkload {
  return {
    target: TARGET,
    ...(budget === undefined ? {} : { budget: { seconds: budget } }),
    studies: studies.map((trials, k) => ({
      index: k,
      trials: trials.map((t, j) => ({ index: j + 1, curve: curveHitting(t) })),
    })),
  };
}

/** One study with one trial per workload: `times[w]` is its time (null = never). */
export function submission(name: string, times: Record<string, number | null>, budget?: number): ScoringSubmission {
  return { name, workloads: Object.fromEntries(Object.entries(times).map(([w, t]) => [w, workload([[t]], budget)])) };
}
