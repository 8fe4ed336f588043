import type { Direction } from '../core/workload.js';
import type { CurvePoint } from '../core/trial.js';

/** What a seed contributes to the target: its best value over the curve (DESIGN), or its last (a card's "loss at the end of the budget"). */
export type SeedOutcome = 'best' | 'final';

export interface TargetSetting {
  /** Per seed: best (or final, see {@link SeedOutcome}) value of the metric within the generous budget. */
  best: number[];
  /** The quantile of `best` that about 80% of the seeds reach, before rounding. */
  quantile: number;
  target: number;
  /** Per seed: first eval step meeting the target (null if never). */
  firstReach: Array<number | null>;
  reachedShare: number;
  medianFirstReach: number | null;
  budgetSteps: number | null;
}

/** Linear-interpolation quantile (numpy's default), q in [0, 1]. */
export function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo]! + (s[hi]! - s[lo]!) * (pos - lo);
}

/** Rounds to `digits` (DESIGN: 3) significant digits toward the easier side, so rounding never lowers the share that reaches it. */
export function roundTarget(v: number, direction: Direction, digits = 3): number {
  if (v === 0) return 0;
  const scale = 10 ** (Math.floor(Math.log10(Math.abs(v))) - (digits - 1));
  const r = direction === 'higher' ? Math.floor(v / scale + 1e-9) * scale : Math.ceil(v / scale - 1e-9) * scale;
  return Number(r.toPrecision(digits));
}

/**
 * DESIGN § Rules, targets and budgets: from baseline runs with a generous budget, the target
 * is the value about 80% of seeds reach (20th percentile of per-seed best values when higher is
 * better, 80th when lower is better), rounded to 3 significant digits; the budget is 4/3 of the
 * median step at which the seeds first reach it, rounded up to a whole number of evals.
 * With `outcome: 'final'` each seed contributes its value at the last eval instead of its best (a
 * non-finite or missing one counts as the worst), for targets a card defines as "what the arm
 * reaches at the end of its budget"; pass a diverged seed's curve as empty. `digits` keeps more
 * significant digits where 3 would move such a target far along a flat curve.
 */
export function setTarget(
  curves: CurvePoint[][],
  metric: string,
  direction: Direction,
  evalEvery: number,
  { outcome = 'best', digits = 3 }: { outcome?: SeedOutcome; digits?: number } = {},
): TargetSetting {
  const better = (a: number, b: number) => (direction === 'higher' ? a >= b : a <= b);
  const series = curves.map((c) =>
    c
      .map((p) => ({ step: p.step, v: p.metrics[metric] }))
      .filter((p): p is { step: number; v: number } => p.v != null && Number.isFinite(p.v)),
  );
  const worst = direction === 'higher' ? -Infinity : Infinity;
  const lastOf = (c: CurvePoint[]) => {
    const v = c[c.length - 1]?.metrics[metric];
    return v != null && Number.isFinite(v) ? v : worst;
  };
  const best = series.map((s, i) =>
    outcome === 'final' ? lastOf(curves[i]!) : s.reduce((b, p) => (better(p.v, b) ? p.v : b), worst),
  );
  const q = quantile(best, direction === 'higher' ? 0.2 : 0.8);
  const target = roundTarget(q, direction, digits);
  const firstReach = series.map((s) => s.find((p) => better(p.v, target))?.step ?? null);
  const reached = firstReach.filter((s): s is number => s !== null).sort((a, b) => a - b);
  const reachedShare = reached.length / curves.length;
  // Median over all seeds, unreached counted as infinite.
  const all = firstReach.map((s) => s ?? Infinity).sort((a, b) => a - b);
  const mid = all.length >> 1;
  const med = all.length % 2 ? all[mid]! : (all[mid - 1]! + all[mid]!) / 2;
  const medianFirstReach = Number.isFinite(med) ? med : null;
  const budgetSteps =
    medianFirstReach === null ? null : Math.ceil(((4 / 3) * medianFirstReach) / evalEvery) * evalEvery;
  return { best, quantile: q, target, firstReach, reachedShare, medianFirstReach, budgetSteps };
}
