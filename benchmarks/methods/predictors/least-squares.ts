import { levenbergMarquardt } from 'ml-levenberg-marquardt';

/** A model in the form ml-levenberg-marquardt takes, with its analytic Jacobian. */
export interface CurveModel {
  /** Model value at row `k` of the fitted data for parameters `p`. */
  value(p: readonly number[], k: number): number;
  /** ∂value/∂p at row `k`. */
  gradient(p: readonly number[], k: number): number[];
}

export interface LeastSquaresFit {
  params: number[];
  /** Sum of squared residuals at `params`. */
  sse: number;
}

/**
 * Nonlinear least squares by Levenberg–Marquardt (ml-levenberg-marquardt), from several starting
 * points, keeping the lowest sum of squares: the power laws here have a flat valley in (A, α),
 * so one start can stop on its side. Bounds keep the exponents and scales meaningful.
 */
export function leastSquares(
  model: CurveModel,
  y: readonly number[],
  starts: number[][],
  bounds: { min: number[]; max: number[] },
): LeastSquaresFit {
  const x = y.map((_, k) => k);
  let best: LeastSquaresFit | null = null;
  for (const start of starts) {
    const r = levenbergMarquardt({ x, y }, (p) => (k) => model.value(p, k), {
      initialValues: start,
      minValues: bounds.min,
      maxValues: bounds.max,
      jacobianFunction: (p) => (k) => model.gradient(p, k),
      maxIterations: 400,
      // The library stops once the sum of squares is below this; losses here are O(0.1–5), so 0
      // lets it run to its iteration cap or until no step improves.
      errorTolerance: 0,
      damping: 1e-2,
    });
    const sse = y.reduce((s, v, k) => s + (v - model.value(r.parameterValues, k)) ** 2, 0);
    if (Number.isFinite(sse) && (best === null || sse < best.sse)) best = { params: r.parameterValues, sse };
  }
  return best ?? { params: starts[0]!.slice(), sse: Infinity };
}
