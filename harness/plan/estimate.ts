import type { Registries } from '../core/registries.js';
import type { TrialRecord } from '../core/trial.js';
import type { PlannedTrial } from './plan.js';

/**
 * Seconds a set of trials should take on `workers` processes. Per workload and backend it uses
 * what finished trials measured (train + eval + init seconds per step run, and steps run as a
 * share of the budget); before any trial ran, the workload's msPerStepHint and the full budget.
 */
export function estimateSeconds(
  trials: PlannedTrial[],
  done: TrialRecord[],
  registries: Registries,
  workers: number,
): number {
  let total = 0;
  for (const t of trials) {
    const same = done.filter(
      (d) =>
        d.config.workload.id === t.config.workload.id &&
        d.config.backend === t.config.backend &&
        d.outcome.stepsRun > 0,
    );
    if (same.length > 0) {
      const perStep =
        same.reduce(
          (s, d) => s + (d.outcome.trainSeconds + d.outcome.evalSeconds + d.outcome.initSeconds) / d.outcome.stepsRun,
          0,
        ) / same.length;
      const share = same.reduce((s, d) => s + d.outcome.stepsRun / d.config.budget.steps, 0) / same.length;
      total += perStep * share * t.config.budget.steps;
    } else {
      total += plannedSeconds(t, registries);
    }
  }
  return total / Math.max(1, Math.min(workers, trials.length));
}

/**
 * A trial's cost before anything ran: the workload's msPerStepHint for the backend over the full
 * step budget. It depends on the plan alone, never on a machine's measurements, so every machine
 * that plans the same claim gets the same number (shards are balanced with it).
 */
export function plannedSeconds(t: PlannedTrial, registries: Registries): number {
  const hint = registries.workloads.get(t.config.workload.id).msPerStepHint?.[t.config.backend] ?? 50;
  return (hint / 1000) * t.config.budget.steps * 1.15;
}

export function formatDuration(seconds: number): string {
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}
