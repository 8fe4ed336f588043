import type { ClaimDefinition } from '../core/claim.js';
import type { HParamValue } from '../core/method.js';
import type { TrialRecord } from '../core/trial.js';
import { workloadRefOf } from '../core/workload.js';
import { choiceKey, type TunedChoice } from '../scheduler/plan.js';

export interface SweepRow {
  workload: string;
  method: string;
  value: HParamValue;
  /** Steps to target per tuning seed; null = not reached (censored, diverged, failed). */
  steps: Array<number | null>;
  /** Median over seeds with unreached counted as infinite; null when the median is infinite. */
  medianSteps: number | null;
  /** Mean of the best target-metric values, the tie-breaker. */
  meanBest: number | null;
}

export interface SweepResult {
  hparam: string;
  rows: SweepRow[];
  chosen: TunedChoice;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * The sweep's choice per (workload, method): the grid value with the lowest median steps to
 * target over the tuning seeds (unreached = infinite, as AlgoPerf counts a missed target);
 * ties go to the better mean best metric, then to the earlier grid point.
 */
export function chooseFromSweep(claim: ClaimDefinition, trials: TrialRecord[], workloads: string[]): SweepResult {
  const t = claim.tuning;
  if (!t) return { hparam: '', rows: [], chosen: {} };
  const rows: SweepRow[] = [];
  const chosen: TunedChoice = {};
  for (const w of workloads) {
    for (const arm of [...claim.methods, ...claim.baselines]) {
      let best: { row: SweepRow; key: [number, number] } | undefined;
      for (const value of t.grid[arm.method] ?? []) {
        const mine = trials.filter(
          (r) => workloadRefOf(r.config.workload) === w && r.config.method.id === arm.method && r.config.repeat.purpose === 'tune' && r.config.method.hparams[t.hparam] === value,
        );
        const steps = mine.map((r) => (r.status === 'reached' ? r.outcome.stepsToTarget : null));
        const med = steps.length ? median(steps.map((s) => s ?? Infinity)) : Infinity;
        const bests = mine.map((r) => r.outcome.bestTargetMetric).filter((b): b is number => b !== null);
        const meanBest = bests.length ? bests.reduce((a, b) => a + b, 0) / bests.length : null;
        const row: SweepRow = { workload: w, method: arm.method, value, steps, medianSteps: Number.isFinite(med) ? med : null, meanBest };
        rows.push(row);
        const higher = (mine[0]?.config.target.direction ?? 'higher') === 'higher';
        const key: [number, number] = [med, meanBest === null ? Infinity : higher ? -meanBest : meanBest];
        if (!best || key[0] < best.key[0] || (key[0] === best.key[0] && key[1] < best.key[1])) best = { row, key };
      }
      if (best) chosen[choiceKey(w, arm.method)] = best.row.value;
    }
  }
  return { hparam: t.hparam, rows, chosen };
}
