import type { CurveStatistic } from '../core/claim.js';
import type { CurvePoint } from '../core/trial.js';
import { logOverPowerLaw } from './growth-law.js';

/** A phenomenon statistic of one trial; `value` null when the curve cannot give one (with why). */
export interface StatisticValue {
  value: number | null;
  /** True when the value is a bound (a threshold never met within the budget counts at the budget). */
  censored: boolean;
  note: string | null;
}

const meets = (v: number | null | undefined, t: { value: number; direction: 'higher' | 'lower' }): boolean =>
  v != null && Number.isFinite(v) && (t.direction === 'higher' ? v >= t.value : v <= t.value);

function firstStep(
  curve: CurvePoint[],
  t: { metric: string; value: number; direction: 'higher' | 'lower' },
): number | null {
  return curve.find((p) => meets(p.metrics[t.metric], t))?.step ?? null;
}

/**
 * Reads a claim's declared statistic off one trial's eval curve (DESIGN § Statistics, phenomenon).
 * The rules for curves that never cross a threshold are part of the statistic's definition
 * (see {@link CurveStatistic}), so they are the same for every claim that declares it.
 */
export function curveStatistic(stat: CurveStatistic, curve: CurvePoint[], budgetSteps: number): StatisticValue {
  if (stat.kind === 'threshold-ratio') {
    const a = firstStep(curve, stat.first);
    if (a === null) return { value: null, censored: false, note: `${stat.first.metric} never met ${stat.first.value}` };
    const b = firstStep(curve, stat.then);
    return b === null
      ? {
          value: budgetSteps / a,
          censored: true,
          note: `${stat.then.metric} never met ${stat.then.value}: counted at the budget (a lower bound)`,
        }
      : { value: b / a, censored: false, note: null };
  }
  if (stat.kind === 'log-over-power-law') {
    const points = curve.filter((p) => p.step > 0 && Number.isFinite(p.metrics[stat.metric] ?? NaN));
    const r = logOverPowerLaw(
      points.map((p) => p.step),
      points.map((p) => p.metrics[stat.metric]!),
    );
    return { value: r.value, censored: false, note: 'note' in r ? r.note : null };
  }
  const values = curve.map((p) => p.metrics[stat.metric]).filter((v): v is number => v != null && Number.isFinite(v));
  const last = curve[curve.length - 1]?.metrics[stat.metric];
  if (values.length === 0 || last == null || !Number.isFinite(last))
    return { value: null, censored: false, note: `no finite ${stat.metric} at the last eval` };
  const best = stat.direction === 'higher' ? Math.max(...values) : Math.min(...values);
  if (stat.kind === 'best') return { value: best, censored: false, note: null };
  return { value: stat.direction === 'higher' ? best - last : last - best, censored: false, note: null };
}
