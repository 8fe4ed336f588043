import { ReprobenchError } from '../errors.js';
import { normQuantile, normSf } from './distributions.js';

/** Lan–DeMets alpha-spending function families. */
export type SpendingFunction = 'obrien-fleming' | 'pocock';

/**
 * Cumulative one-sided alpha spent by information fraction t ∈ [0, 1] (Lan & DeMets 1983).
 * O'Brien–Fleming type: 2 − 2Φ(z_{1−α/2}/√t), which spends almost nothing early; Pocock type:
 * α·ln(1 + (e − 1)t), which spends evenly.
 */
export function alphaSpent(t: number, alpha: number, spending: SpendingFunction): number {
  if (t <= 0) return 0;
  if (t >= 1) return alpha;
  if (spending === 'pocock') return alpha * Math.log(1 + (Math.E - 1) * t);
  return 2 * normSf(normQuantile(1 - alpha / 2) / Math.sqrt(t));
}

// Simpson's rule on 201 points per look (step ≈ 0.1) reproduces published Lan–DeMets bounds to
// about 1e-6 (3× the points changes them by < 4e-7); 10 SDs below the drift is effectively −∞.
const HALF_INTERVALS = 100;
const LOWER_SDS = 10;
const MAX_BOUND = 12;

interface Density {
  z: Float64Array;
  w: Float64Array; // Simpson weight × density
}

function grid(lo: number, hi: number): { z: Float64Array; simpson: Float64Array } {
  const m = 2 * HALF_INTERVALS;
  const h = (hi - lo) / m;
  const z = new Float64Array(m + 1);
  const simpson = new Float64Array(m + 1);
  for (let j = 0; j <= m; j++) {
    z[j] = lo + j * h;
    simpson[j] = ((j === 0 || j === m ? 1 : j % 2 ? 4 : 2) * h) / 3;
  }
  return { z, simpson };
}

const phi = (x: number): number => Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);

/**
 * Group-sequential crossing probabilities by recursive numerical integration (Armitage,
 * McPherson & Rowe 1969; Jennison & Turnbull 2000 ch. 19): Z_k = S_k/√t_k with S a Brownian
 * motion with drift θ in information time, stopped when Z_k ≥ bounds[k] (one-sided, no binding
 * futility bound). Returns P(first crossing at look k) for each k.
 */
export function crossingProbabilities(
  fractions: readonly number[],
  bounds: readonly number[],
  drift: number,
): number[] {
  const out: number[] = [];
  let dens: Density | null = null;
  for (let k = 0; k < fractions.length; k++) {
    const b = bounds[k] as number;
    out.push(exitProbability(dens, fractions, k, b, drift));
    if (k + 1 < fractions.length) dens = continuation(dens, fractions, k, b, drift);
  }
  return out;
}

/** P(Z_k ≥ b, no earlier crossing), given the continuation density after look k − 1 (null at k = 0). */
function exitProbability(
  dens: Density | null,
  fractions: readonly number[],
  k: number,
  b: number,
  drift: number,
): number {
  const tk = fractions[k] as number;
  if (dens === null) return normSf(b - drift * Math.sqrt(tk));
  const tp = fractions[k - 1] as number;
  const dt = tk - tp;
  const sq = Math.sqrt(dt);
  const stk = Math.sqrt(tk);
  const stp = Math.sqrt(tp);
  let p = 0;
  for (let j = 0; j < dens.z.length; j++)
    p += (dens.w[j] as number) * normSf((b * stk - (dens.z[j] as number) * stp - drift * dt) / sq);
  return p;
}

/** The sub-density of Z_k on (−∞, b), i.e. of the paths still running after look k. */
function continuation(
  dens: Density | null,
  fractions: readonly number[],
  k: number,
  b: number,
  drift: number,
): Density {
  const tk = fractions[k] as number;
  return dens === null ? firstDensity(tk, b, drift) : nextDensity(dens, fractions[k - 1] as number, tk, b, drift);
}

function firstDensity(t: number, b: number, drift: number): Density {
  const mu = drift * Math.sqrt(t);
  const { z, simpson } = grid(Math.min(mu - LOWER_SDS, b - 1), b);
  const w = new Float64Array(z.length);
  for (let j = 0; j < z.length; j++) w[j] = (simpson[j] as number) * phi((z[j] as number) - mu);
  return { z, w };
}

function nextDensity(prev: Density, tp: number, tk: number, b: number, drift: number): Density {
  const dt = tk - tp;
  const sq = Math.sqrt(dt);
  const stk = Math.sqrt(tk);
  const stp = Math.sqrt(tp);
  const { z, simpson } = grid(Math.min(drift * stk - LOWER_SDS, b - 1), b);
  const w = new Float64Array(z.length);
  for (let i = 0; i < z.length; i++) {
    let f = 0;
    const zi = (z[i] as number) * stk - drift * dt;
    for (let j = 0; j < prev.z.length; j++) f += (prev.w[j] as number) * phi((zi - (prev.z[j] as number) * stp) / sq);
    w[i] = (simpson[i] as number) * f * (stk / sq);
  }
  return { z, w };
}

/**
 * One-sided efficacy boundaries (z-scale) for looks at the given information fractions, spending
 * `alpha` by the chosen Lan–DeMets function; the last fraction must be 1. A look whose alpha
 * increment is negligible gets an effectively unreachable bound (12).
 * @throws ReprobenchError `E_STATS_INPUT` unless fractions increase strictly to 1.
 */
export function efficacyBoundaries(fractions: readonly number[], alpha: number, spending: SpendingFunction): number[] {
  fractions.forEach((t, i) => {
    if (!(t > 0 && t <= 1 && (i === 0 || t > (fractions[i - 1] as number)))) {
      throw new ReprobenchError(
        'E_STATS_INPUT',
        'information fractions must increase strictly within (0, 1]',
        'plan looks at increasing seed counts',
      );
    }
  });
  const bounds: number[] = [];
  let spent = 0;
  let dens: Density | null = null;
  for (let k = 0; k < fractions.length; k++) {
    const target = alphaSpent(fractions[k] as number, alpha, spending) - spent;
    let b = MAX_BOUND;
    if (target > 1e-15) {
      let lo = -2;
      let hi = MAX_BOUND;
      for (let it = 0; it < 60; it++) {
        const mid = (lo + hi) / 2;
        if (exitProbability(dens, fractions, k, mid, 0) > target) lo = mid;
        else hi = mid;
      }
      b = (lo + hi) / 2;
    }
    bounds.push(b);
    spent += exitProbability(dens, fractions, k, b, 0);
    if (k + 1 < fractions.length) dens = continuation(dens, fractions, k, b, 0);
  }
  return bounds;
}

/** Probability that the design crosses an efficacy bound under drift θ (E[Z at t = 1] = θ). */
export function sequentialPower(fractions: readonly number[], bounds: readonly number[], drift: number): number {
  return crossingProbabilities(fractions, bounds, drift).reduce((s, p) => s + p, 0);
}

/**
 * The drift θ at which the design has the given power; (θ / (z_{1−α} + z_{1−β}))² is the factor
 * by which its maximum sample must exceed a fixed design's for equal power.
 */
export function driftForPower(fractions: readonly number[], bounds: readonly number[], power: number): number {
  let lo = 0;
  let hi = 10;
  for (let it = 0; it < 60; it++) {
    const mid = (lo + hi) / 2;
    if (sequentialPower(fractions, bounds, mid) < power) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Inverse of a one-sided p-value on the z scale, so t statistics with few df can meet z bounds. */
export function pToZ(pGreater: number): number {
  return -normQuantile(Math.min(1, Math.max(0, pGreater)));
}
