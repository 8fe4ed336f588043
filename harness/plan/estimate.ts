import type { Registries } from '../core/registries.js';
import { mean } from '../stats/descriptives.js';
import type { PlannedTrial } from './plan.js';

/** What a finished trial measured that an estimate needs: a run's trial record or a reference's trial. */
export interface MeasuredTrial {
  config: {
    workload: { id: string; variant?: string | undefined };
    method?: { id: string };
    backend: string;
    budget: { steps: number };
  };
  outcome: { stepsRun: number; trainSeconds: number; evalSeconds: number; initSeconds: number };
}

/** What an estimate rests on: this run's finished trials, or the workloads' step-time hints with or without how far the reference's trials ran. */
export type EstimateBasis = 'finished trials' | "step-time hints and the reference's steps run" | 'step-time hints';

/** Trials of the planned trial's workload (and backend, when asked), its own variant and method where measured. */
function like(t: PlannedTrial, pool: MeasuredTrial[], sameBackend: boolean): MeasuredTrial[] {
  let match = pool.filter(
    (d) =>
      d.config.workload.id === t.config.workload.id &&
      (!sameBackend || d.config.backend === t.config.backend) &&
      d.outcome.stepsRun > 0,
  );
  // Narrow while something is left: variants differ in batch size and budget, methods in when they stop.
  for (const same of [
    (d: MeasuredTrial) => d.config.workload.variant === t.config.workload.variant,
    (d: MeasuredTrial) => d.config.method?.id === t.config.method.id,
  ]) {
    const narrower = match.filter(same);
    if (narrower.length > 0) match = narrower;
  }
  return match;
}

/** A finished trial's seconds: training, evaluation and initialisation. */
export const measuredSeconds = (d: MeasuredTrial) =>
  d.outcome.trainSeconds + d.outcome.evalSeconds + d.outcome.initSeconds;

const shareRun = (ts: MeasuredTrial[]) => mean(ts.map((d) => d.outcome.stepsRun / d.config.budget.steps));

/**
 * Seconds a set of trials should take on `workers` processes. Per workload (variant, method) and
 * backend it uses what this run's finished trials measured: train + eval + init seconds per step
 * run, and steps run as a share of the budget (stopping at the target counts). Before any trial of
 * it ran here: the workload's msPerStepHint over the share of the budget the claim's committed
 * reference trials ran (how soon an arm stops is the algorithm's, not the machine's; a reference's
 * seconds are the machine's and its load's, so they are not used), else over the full budget.
 */
export function estimateSeconds(
  trials: PlannedTrial[],
  done: MeasuredTrial[],
  registries: Registries,
  workers: number,
  reference: MeasuredTrial[] = [],
): { seconds: number; basis: EstimateBasis[] } {
  let total = 0;
  const basis = new Set<EstimateBasis>();
  for (const t of trials) {
    const own = like(t, done, true);
    if (own.length > 0) {
      basis.add('finished trials');
      const perStep = mean(own.map((d) => measuredSeconds(d) / d.outcome.stepsRun));
      total += perStep * shareRun(own) * t.config.budget.steps;
      continue;
    }
    const ref = like(t, reference, false);
    basis.add(ref.length > 0 ? "step-time hints and the reference's steps run" : 'step-time hints');
    total += plannedSeconds(t, registries) * (ref.length > 0 ? shareRun(ref) : 1);
  }
  return { seconds: total / Math.max(1, Math.min(workers, trials.length)), basis: [...basis] };
}

/** What plannedSeconds adds to a hint's cost: scripts/step-time-hints.ts takes it off measured step times. */
export const PLANNED_MARGIN = 1.15;

/**
 * A trial's cost before anything ran: the workload's msPerStepHint for the backend over the full
 * step budget. It depends on the plan alone, never on a machine's measurements, so every machine
 * that plans the same claim gets the same number (shards are balanced with it).
 */
export function plannedSeconds(t: PlannedTrial, registries: Registries): number {
  const hint = registries.workloads.get(t.config.workload.id).msPerStepHint?.[t.config.backend] ?? 50;
  return (hint / 1000) * t.config.budget.steps * PLANNED_MARGIN;
}

export function formatDuration(seconds: number): string {
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}
