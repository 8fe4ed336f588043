/**
 * AutoLRS's loss forecast (Jin et al., ICLR 2021; authors' autolrs_server.py, `exp_forecast`):
 * fit L(t) = a·exp(−b·t) + c, b > 0, by least squares to the losses of a probe's steps at
 * t = 0, 1, …, n−1, and read the fit at t = τ. As in the authors' code, the fit is separable
 * ("variable projection"): for a fixed b, a and c are an ordinary linear least-squares fit, so only
 * b is searched. The authors search log b with Nelder–Mead from b = 1; here a grid over
 * log b ∈ [ln bMin, ln bMax] and a golden-section refinement around its best point, which is
 * deterministic and does not depend on a starting point. The authors' spline smoothing and outlier
 * removal (for 100+ noisy points) are left out: a probe here has tens of points.
 */

export interface ExpFit {
  a: number;
  b: number;
  c: number;
  /** Residual sum of squares of the fit. */
  rss: number;
}

export interface ExpFitOptions {
  /** Smallest decay rate searched (per step). @default 1e-3 */
  bMin?: number;
  /** Largest decay rate searched (per step). @default 10 */
  bMax?: number;
}

/** a and c for a fixed b (closed-form simple regression of y on exp(−b t)), with the residual sum of squares. */
export function fitForRate(ys: readonly number[], b: number): ExpFit {
  const n = ys.length;
  let me = 0;
  let my = 0;
  const e = ys.map((_, t) => Math.exp(-b * t));
  for (let t = 0; t < n; t++) {
    me += e[t]!;
    my += ys[t]!;
  }
  me /= n;
  my /= n;
  let see = 0;
  let sey = 0;
  for (let t = 0; t < n; t++) {
    see += (e[t]! - me) ** 2;
    sey += (e[t]! - me) * (ys[t]! - my);
  }
  // exp(−b t) is never constant for b > 0 and n ≥ 2, but it can underflow to one non-zero point.
  const a = see > 0 ? sey / see : 0;
  const c = my - a * me;
  let rss = 0;
  for (let t = 0; t < n; t++) rss += (ys[t]! - (a * e[t]! + c)) ** 2;
  return { a, b, c, rss };
}

const GRID = 200;
const GOLDEN_ITERS = 60;

/** Least-squares fit of a·exp(−b t) + c to ys at t = 0..n−1 (n ≥ 3, all finite). */
export function fitExponential(ys: readonly number[], options: ExpFitOptions = {}): ExpFit {
  const bMin = options.bMin ?? 1e-3;
  const bMax = options.bMax ?? 10;
  if (ys.length < 3) throw new Error(`an exponential fit needs at least 3 points, got ${ys.length}`);
  if (!ys.every(Number.isFinite)) throw new Error('an exponential fit needs finite values');
  if (!(bMin > 0 && bMax > bMin)) throw new Error(`need 0 < bMin < bMax, got ${bMin}, ${bMax}`);
  const lo = Math.log(bMin);
  const hi = Math.log(bMax);
  const rssAt = (logB: number) => fitForRate(ys, Math.exp(logB)).rss;
  let bestI = 0;
  let bestRss = Infinity;
  for (let i = 0; i <= GRID; i++) {
    const r = rssAt(lo + ((hi - lo) * i) / GRID);
    if (r < bestRss) {
      bestRss = r;
      bestI = i;
    }
  }
  // Golden-section search on the bracket around the grid's best point.
  let x0 = lo + ((hi - lo) * Math.max(0, bestI - 1)) / GRID;
  let x3 = lo + ((hi - lo) * Math.min(GRID, bestI + 1)) / GRID;
  const g = (Math.sqrt(5) - 1) / 2;
  let x1 = x3 - g * (x3 - x0);
  let x2 = x0 + g * (x3 - x0);
  let f1 = rssAt(x1);
  let f2 = rssAt(x2);
  for (let k = 0; k < GOLDEN_ITERS; k++) {
    if (f1 <= f2) {
      x3 = x2;
      x2 = x1;
      f2 = f1;
      x1 = x3 - g * (x3 - x0);
      f1 = rssAt(x1);
    } else {
      x0 = x1;
      x1 = x2;
      f1 = f2;
      x2 = x0 + g * (x3 - x0);
      f2 = rssAt(x2);
    }
  }
  const refined = fitForRate(ys, Math.exp((x0 + x3) / 2));
  const gridBest = fitForRate(ys, Math.exp(lo + ((hi - lo) * bestI) / GRID));
  return refined.rss <= gridBest.rss ? refined : gridBest;
}

/**
 * The loss forecast τ steps after the probe started, from the probe's losses: Infinity when any
 * loss is not finite (a diverging candidate never wins; the authors feed BO 1e6 then); the mean
 * when there are fewer than 3 points to fit.
 */
export function forecastLoss(losses: readonly number[], tau: number, options: ExpFitOptions = {}): number {
  if (losses.length === 0 || !losses.every(Number.isFinite)) return Infinity;
  if (losses.length < 3) return losses.reduce((s, v) => s + v, 0) / losses.length;
  const { a, b, c } = fitExponential(losses, options);
  return a * Math.exp(-b * tau) + c;
}
