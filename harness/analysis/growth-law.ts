import { levenbergMarquardt } from 'ml-levenberg-marquardt';
import { linearRegression } from 'simple-statistics';

/** A two-parameter growth law fitted to points (t, y) by least squares in y. */
export interface GrowthFit {
  params: [number, number];
  /** Sum of squared residuals in y. */
  sse: number;
}

/** y = a + b·ln t, by ordinary least squares (simple-statistics' linearRegression on ln t). */
export function fitLogLaw(t: readonly number[], y: readonly number[]): GrowthFit {
  const { b: a, m: b } = linearRegression(t.map((s, i) => [Math.log(s), y[i]!]));
  return { params: [a, b], sse: sse(t, y, (s) => a + b * Math.log(s)) };
}

/**
 * y = c·t^α, by Levenberg–Marquardt least squares in y (ml-levenberg-marquardt), so its residuals
 * are on the same scale as the log law's; started from the straight-line fit of ln y on ln t
 * (and from α = 0.5, the random walk's exponent), keeping the lower sum of squares.
 */
export function fitPowerLaw(t: readonly number[], y: readonly number[]): GrowthFit {
  const starts: Array<[number, number]> = [[Math.max(y[y.length - 1]! / Math.sqrt(t[t.length - 1]!), 1e-12), 0.5]];
  if (y.every((v) => v > 0)) {
    const { b, m } = linearRegression(t.map((s, i) => [Math.log(s), Math.log(y[i]!)]));
    starts.unshift([Math.exp(b), m]);
  }
  let best: GrowthFit | null = null;
  for (const start of starts) {
    const r = levenbergMarquardt(
      { x: [...t], y: [...y] },
      ([c, alpha]) =>
        (s) =>
          c! * s ** alpha!,
      {
        initialValues: start,
        maxIterations: 200,
        errorTolerance: 0,
        damping: 1e-2,
        minValues: [0, -5],
        maxValues: [Number.MAX_VALUE, 5],
        jacobianFunction:
          ([c, alpha]) =>
          (s) => [s ** alpha!, c! * s ** alpha! * Math.log(s)],
      },
    );
    const [c, alpha] = r.parameterValues as [number, number];
    const fit: GrowthFit = { params: [c, alpha], sse: sse(t, y, (s) => c * s ** alpha) };
    if (Number.isFinite(fit.sse) && (best === null || fit.sse < best.sse)) best = fit;
  }
  return best ?? { params: starts[0]!, sse: Infinity };
}

function sse(t: readonly number[], y: readonly number[], f: (s: number) => number): number {
  return t.reduce((s, ti, i) => s + (y[i]! - f(ti)) ** 2, 0);
}

/**
 * How much better a logarithmic law describes a growth curve than a power law with as many
 * parameters: log2(SSE of y = c·t^α / SSE of y = a + b·ln t). Positive = the log law fits better
 * (+1: half the squared error); a random walk (y ∝ √t) or any power law gives ≤ 0. Null when fewer
 * than 4 points or a fit fails.
 */
export function logOverPowerLaw(
  t: readonly number[],
  y: readonly number[],
): { value: number | null; log: GrowthFit; power: GrowthFit } | { value: null; note: string } {
  if (t.length < 4)
    return { value: null, note: `${t.length} points: at least 4 are needed to compare two 2-parameter laws` };
  if (t.some((s) => !(s > 0))) return { value: null, note: 'a step ≤ 0: ln t is undefined' };
  const log = fitLogLaw(t, y);
  const power = fitPowerLaw(t, y);
  if (!Number.isFinite(log.sse) || !Number.isFinite(power.sse)) return { value: null, note: 'a fit failed' };
  // Both exact (a curve on both laws at once, e.g. constant): no preference either way.
  const tiny = 1e-24 * y.reduce((s, v) => s + v * v, 0);
  if (log.sse <= tiny && power.sse <= tiny) return { value: 0, log, power };
  return { value: Math.log2(Math.max(power.sse, tiny) / Math.max(log.sse, tiny)), log, power };
}
