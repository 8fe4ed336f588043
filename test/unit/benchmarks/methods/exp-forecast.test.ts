import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fitExponential, fitForRate, forecastLoss } from '../../../../benchmarks/methods/exp-forecast.js';

interface Fit {
  a: number;
  b: number;
  c: number;
  rss: number;
  forecast: number;
}
/** From scripts/fixtures/exp_forecast_reference.py (scipy.optimize.curve_fit, independent of this code). */
const ref = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', '..', '..', 'fixtures', 'exp-forecast.json'), 'utf8'),
) as {
  source: string;
  tau: number;
  bMin: number;
  bMax: number;
  cases: Array<{ name: string; ys: number[]; truth?: { a: number; b: number; c: number }; scipy: Fit }>;
};

describe('exponential loss forecast (AutoLRS)', () => {
  it('recovers the parameters of noise-free curves', () => {
    const exact = ref.cases.filter((c) => c.truth);
    expect(exact.length).toBe(3);
    for (const c of exact) {
      const f = fitExponential(c.ys, { bMin: ref.bMin, bMax: ref.bMax });
      expect(f.a, c.name).toBeCloseTo(c.truth!.a, 6);
      expect(f.b, c.name).toBeCloseTo(c.truth!.b, 6);
      expect(f.c, c.name).toBeCloseTo(c.truth!.c, 6);
      expect(forecastLoss(c.ys, ref.tau, { bMin: ref.bMin, bMax: ref.bMax })).toBeCloseTo(c.scipy.forecast, 6);
    }
  });

  it('matches scipy curve_fit on noisy probe-like series, including a fit pinned at the smallest rate', () => {
    expect(ref.source).toMatch(/curve_fit/);
    for (const c of ref.cases.filter((x) => !x.truth)) {
      const f = fitExponential(c.ys, { bMin: ref.bMin, bMax: ref.bMax });
      // The residual is what both minimise: ours is never worse than scipy's by more than rounding.
      expect(f.rss, c.name).toBeLessThanOrEqual(c.scipy.rss * (1 + 1e-7) + 1e-15);
      expect(f.b / c.scipy.b, c.name).toBeCloseTo(1, 4);
      const forecast = forecastLoss(c.ys, ref.tau, { bMin: ref.bMin, bMax: ref.bMax });
      expect(forecast, c.name).toBeCloseTo(c.scipy.forecast, 3);
    }
    // One noisy series has no visible curvature: the fit degenerates to a line (b at bMin) and
    // extrapolates it 15× past the probe, below zero, as the authors' unconstrained fit would.
    const flat = ref.cases.filter((c) => c.scipy.b <= ref.bMin * (1 + 1e-9));
    expect(flat.length).toBe(1);
    expect(fitExponential(flat[0]!.ys, { bMin: ref.bMin, bMax: ref.bMax }).b).toBeCloseTo(ref.bMin, 12);
    expect(forecastLoss(flat[0]!.ys, ref.tau, { bMin: ref.bMin, bMax: ref.bMax })).toBeLessThan(0);
  });

  it('fitForRate is the closed-form least-squares a, c for a fixed rate (hand-computed)', () => {
    // ys = 2·e^{−t} + 1 exactly at t = 0, 1, 2: with b = 1 the fit is exact.
    const ys = [0, 1, 2].map((t) => 2 * Math.exp(-t) + 1);
    const f = fitForRate(ys, 1);
    expect(f.a).toBeCloseTo(2, 12);
    expect(f.c).toBeCloseTo(1, 12);
    expect(f.rss).toBeLessThan(1e-24);
    // With b = ln 2, e = (1, 1/2, 1/4), ē = 7/12; ys = (3, 2, 2), ȳ = 7/3.
    // Σ(e−ē)² = (5/12)² + (1/12)² + (4/12)² = 42/144; Σ(e−ē)(y−ȳ) = (5/12)(2/3) + (1/12)(1/3) + (4/12)(1/3) = 15/36;
    // a = (15/36)/(42/144) = 10/7; c = 7/3 − (10/7)(7/12) = 3/2.
    const g = fitForRate([3, 2, 2], Math.LN2);
    expect(g.a).toBeCloseTo(10 / 7, 12);
    expect(g.c).toBeCloseTo(3 / 2, 12);
  });

  it('gives Infinity for a diverged probe, the mean for fewer than 3 points, and refuses bad input', () => {
    expect(forecastLoss([1, 0.9, NaN], 100)).toBe(Infinity);
    expect(forecastLoss([1, Infinity], 100)).toBe(Infinity);
    expect(forecastLoss([], 100)).toBe(Infinity);
    expect(forecastLoss([1, 0.5], 100)).toBe(0.75);
    expect(() => fitExponential([1, 2])).toThrow(/3 points/);
    expect(() => fitExponential([1, 2, 3], { bMin: 1, bMax: 0.5 })).toThrow(/bMin/);
  });
});
