import type { GridTuning } from '../core/claim.js';
import type { ArmSpec } from '../core/claim.js';
import type { TrialRecord } from '../core/trial.js';
import { workloadRefOf } from '../core/workload.js';
import { isFinished, requireUsable } from '../store/trial-store.js';
import {
  finiteOrNull,
  medianInf,
  TUNING_FAILED_HINT,
  type TuningChoice,
  type TuningResult,
  type TuningRow,
} from './result.js';

/**
 * A grid sweep's choice per (workload, method): the grid value with the lowest median steps to
 * target over the tuning seeds (unreached = infinite, as AlgoPerf counts a missed target); ties
 * go to the better mean best metric, then to the earlier grid point.
 */
export function chooseFromGrid(
  t: GridTuning,
  arms: ArmSpec[],
  trials: TrialRecord[],
  workloads: string[],
): TuningResult {
  const rows: TuningRow[] = [];
  const choices: TuningChoice[] = [];
  for (const w of workloads) {
    for (const arm of arms) {
      let best: { row: TuningRow; key: [number, number, number] } | undefined;
      const mine: TuningRow[] = [];
      const armTrials = trials.filter(
        (r) =>
          workloadRefOf(r.config.workload) === w &&
          r.config.method.id === arm.method &&
          r.config.repeat.purpose === 'tune',
      );
      requireUsable(armTrials, `tuning of ${arm.method} on ${w}`, TUNING_FAILED_HINT);
      for (const value of t.grid[arm.method] ?? []) {
        const trs = armTrials.filter((r) => r.config.method.hparams[t.hparam] === value);
        const steps = trs.map((r) => (r.status === 'reached' ? r.outcome.stepsToTarget : null));
        const med = medianInf(steps.map((s) => s ?? Infinity));
        const bests = trs.map((r) => r.outcome.bestTargetMetric).filter((b): b is number => b !== null);
        const meanBest = bests.length ? bests.reduce((a, b) => a + b, 0) / bests.length : null;
        const row: TuningRow = {
          workload: w,
          method: arm.method,
          study: null,
          point: { [t.hparam]: value },
          steps,
          medianSteps: finiteOrNull(med),
          winner: false,
        };
        mine.push(row);
        const higher = (trs[0]?.config.target.direction ?? 'higher') === 'higher';
        // A point whose every trial failed was never measured: it loses every tie.
        const failedOnly = trs.length > 0 && !trs.some(isFinished) ? 1 : 0;
        const key: [number, number, number] = [
          med,
          failedOnly,
          meanBest === null ? Infinity : higher ? -meanBest : meanBest,
        ];
        const better = (a: number[], b: number[]) =>
          a[0]! < b[0]! || (a[0] === b[0] && (a[1]! < b[1]! || (a[1] === b[1] && a[2]! < b[2]!)));
        if (!best || better(key, best.key)) best = { row, key };
      }
      if (best) {
        best.row.winner = true;
        choices.push({ workload: w, method: arm.method, point: best.row.point, medianSteps: best.row.medianSteps });
      }
      rows.push(...mine);
    }
  }
  return {
    kind: 'grid',
    description: `grid over ${t.hparam}, ${t.seeds} tuning seed${t.seeds === 1 ? '' : 's'} per point, lowest median steps to target wins`,
    rows,
    choices,
  };
}
