import { definePredictor, type CurveHead, type ExtrapolatorDefinition } from '../../../harness/core/predictor.js';
import { normCdf } from '../../../harness/stats/index.js';
import { leastSquares } from './least-squares.js';

/**
 * Parametric learning-curve families of Domhan, Springenberg & Hutter (IJCAI 2015), the
 * baselines LC-PFN is compared with, written for a metric that approaches its limit c
 * (decreasing for a loss when a > 0):
 *   pow3:      c + a·x^(−α)
 *   exp3:      c + a·exp(−b·x)          (x in units of the last observed step, to keep b O(1))
 *   log-power: c + a / (1 + (x/e^b)^α)  (Domhan's "log power", in x scaled the same way)
 * Each returns [value, gradient] for parameters p at x.
 */
const FAMILIES: Record<
  string,
  {
    value(p: readonly number[], x: number): number;
    gradient(p: readonly number[], x: number): number[];
    start(h: number[], y: number[]): number[][];
    min: number[];
    max: number[];
  }
> = {
  pow3: {
    value: ([c, a, al], x) => c! + a! * x ** -al!,
    gradient: ([, a, al], x) => [1, x ** -al!, -a! * x ** -al! * Math.log(x)],
    start: (x, y) =>
      [0.5, 1].map((al) => [
        Math.min(...y) - 0.05 * Math.abs(y[0]! - y[y.length - 1]!),
        (y[0]! - Math.min(...y)) * x[0]! ** al,
        al,
      ]),
    min: [-1e6, -1e6, 1e-3],
    max: [1e6, 1e6, 5],
  },
  exp3: {
    value: ([c, a, b], x) => c! + a! * Math.exp(-b! * x),
    gradient: ([, a, b], x) => [1, Math.exp(-b! * x), -a! * x * Math.exp(-b! * x)],
    start: (_x, y) => [1, 3].map((b) => [y[y.length - 1]!, y[0]! - y[y.length - 1]!, b]),
    min: [-1e6, -1e6, 1e-4],
    max: [1e6, 1e6, 100],
  },
  'log-power': {
    value: ([c, a, b, al], x) => c! + a! / (1 + (x / Math.exp(b!)) ** al!),
    gradient: ([, a, b, al], x) => {
      const r = (x / Math.exp(b!)) ** al!;
      const d = (1 + r) ** 2;
      return [1, 1 / (1 + r), (a! * r * al!) / d, (-a! * r * Math.log(x / Math.exp(b!))) / d];
    },
    start: (_x, y) => [[y[y.length - 1]!, 2 * (y[0]! - y[y.length - 1]!), Math.log(0.3), 1]],
    min: [-1e6, -1e6, -10, 1e-3],
    max: [1e6, 1e6, 10, 5],
  },
};

/** One family's least-squares fit to a head: its value at the final step, sum of squares, parameter count. */
export interface FamilyFit {
  value: number;
  sse: number;
  params: number;
}

/**
 * Fits already made, by head and final step: one analysis fits the same heads more than once (the
 * summary, the reference comparison and the report each run the early-stopping sweep), and a fit is
 * deterministic. Bounded so that a long session does not grow without limit.
 */
const FIT_CACHE = new Map<string, Record<string, FamilyFit | null>>();
const FIT_CACHE_SIZE = 20_000;

/** Each family fitted to the head (null where a fit gave no finite value at `finalStep`). */
export function familyFits(head: CurveHead, finalStep: number): Record<string, FamilyFit | null> {
  const key = `${finalStep}|${head.map((p) => `${p.step}:${p.value}`).join(',')}`;
  const hit = FIT_CACHE.get(key);
  if (hit) return hit;
  const fits = fitFamilies(head, finalStep);
  if (FIT_CACHE.size >= FIT_CACHE_SIZE) FIT_CACHE.delete(FIT_CACHE.keys().next().value!);
  FIT_CACHE.set(key, fits);
  return fits;
}

function fitFamilies(head: CurveHead, finalStep: number): Record<string, FamilyFit | null> {
  const scale = head[head.length - 1]!.step;
  const x = head.map((p) => p.step / scale);
  const y = head.map((p) => p.value);
  const out: Record<string, FamilyFit | null> = {};
  for (const [name, f] of Object.entries(FAMILIES)) {
    const fit = leastSquares(
      { value: (p, k) => f.value(p, x[k]!), gradient: (p, k) => f.gradient(p, x[k]!) },
      y,
      f.start(x, y),
      { min: f.min, max: f.max },
    );
    const v = f.value(fit.params, finalStep / scale);
    out[name] =
      Number.isFinite(fit.sse) && Number.isFinite(v) ? { value: v, sse: fit.sse, params: fit.params.length } : null;
  }
  return out;
}

/** The fitted families' predictions at `finalStep` (null where a fit gave no finite value). */
export function familyPredictions(head: CurveHead, finalStep: number): Record<string, number | null> {
  return Object.fromEntries(Object.entries(familyFits(head, finalStep)).map(([k, f]) => [k, f ? f.value : null]));
}

/**
 * The ensemble's predictive P(y_final < value): an equal-weight mixture over the fitted families of
 * a normal around each family's (plausible) prediction with the fit's residual variance
 * SSE / (n − k) — the Gaussian observation noise of Domhan et al.'s model, whose prior LC-PFN is
 * trained on (automl/lcpfn, lcpfn/domhan_prior.py). A plug-in predictive: no posterior over the
 * parameters or the weights, so it is narrower than Domhan's MCMC or LC-PFN. With fewer than 4
 * points, or no usable fit, it returns 1 (no evidence against the curve).
 */
export function ensembleProbabilityBelow(head: CurveHead, finalStep: number, value: number): number {
  if (head.length < 4) return 1;
  const fits = Object.values(familyFits(head, finalStep)).filter((f): f is FamilyFit => f !== null);
  if (!fits.length) return 1;
  const p = fits.map((f) => {
    const mu = plausible(head, f.value);
    const sd = Math.sqrt(f.sse / Math.max(1, head.length - f.params));
    // A perfect fit leaves no noise: the probability is then a step at the prediction.
    return sd > 0 ? normCdf((value - mu) / sd) : value > mu ? 1 : 0;
  });
  return p.reduce((a, b) => a + b, 0) / p.length;
}

/**
 * Domhan et al.'s prior in its simplest form: learning curves are monotone, so a prediction never
 * goes back past the last observed value, and a decreasing curve of nonnegative values (a loss)
 * does not go below 0. Without it one wild fit of three parameters to a short head dominates the mean.
 */
export function plausible(head: CurveHead, v: number): number {
  const first = head[0]!.value;
  const last = head[head.length - 1]!.value;
  if (last <= first) return Math.min(last, head.every((p) => p.value >= 0) ? Math.max(0, v) : v);
  return Math.max(last, v);
}

/** The baseline extrapolator: a curve ends where it was last seen. */
export const lastValue: ExtrapolatorDefinition = definePredictor({
  id: 'last-value',
  task: 'extrapolate-final',
  title: 'the last observed value',
  predict: (head: CurveHead) => head[head.length - 1]!.value,
});

/** The parametric ensemble of Domhan et al. (2015): the families above, fitted to the head. */
export const parametricEnsemble: ExtrapolatorDefinition = definePredictor({
  id: 'parametric-ensemble',
  task: 'extrapolate-final',
  title: 'mean of the pow3, exp3 and log-power fits (Domhan et al. 2015), equal weights',
  predict(head: CurveHead, finalStep: number) {
    // Too few points to fit three parameters: fall back to the last value.
    if (head.length < 4) return head[head.length - 1]!.value;
    const vs = Object.values(familyPredictions(head, finalStep))
      .filter((v): v is number => v !== null)
      .map((v) => plausible(head, v));
    return vs.length ? vs.reduce((a, b) => a + b, 0) / vs.length : head[head.length - 1]!.value;
  },
  probabilityBelow: ensembleProbabilityBelow,
});
