import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  annealingLaw,
  fitAnnealingLaw,
  fitStepPowerLaw,
  stepPowerLaw,
  type LawPoint,
} from '../../../../../benchmarks/methods/predictors/loss-laws.js';
import { lrAreas } from '../../../../../benchmarks/methods/predictors/lr-areas.js';

interface Fixture {
  lambda: number;
  steps: number;
  peak: number;
  points: Array<LawPoint & { schedule: string }>;
  annealingLaw: { params: number[]; sse: number };
  stepPowerLaw: { params: number[]; sse: number };
}
const fx = JSON.parse(
  readFileSync(new URL('../../../../fixtures/predictors/loss-law-fits.json', import.meta.url), 'utf8'),
) as Fixture;

describe('loss-curve laws', () => {
  it("the fixture's areas are the ones lrAreas computes (same schedule, same λ)", () => {
    const lrs = Array.from({ length: fx.steps }, (_, i) => fx.peak * 0.5 * (1 + Math.cos((Math.PI * i) / fx.steps)));
    const { s1, s2 } = lrAreas(lrs, fx.lambda);
    for (const p of fx.points.filter((q) => q.schedule === 'cosine')) {
      expect(s1[p.step - 1]).toBeCloseTo(p.s1, 12);
      expect(s2[p.step - 1]).toBeCloseTo(p.s2, 12);
    }
  });

  it('fits the annealing law as scipy curve_fit does on the fixture (parameters and sum of squares)', () => {
    const fit = fitAnnealingLaw(fx.points);
    expect(fit.sse).toBeLessThanOrEqual(fx.annealingLaw.sse * (1 + 1e-3));
    fit.params.forEach((p, i) => expect(p).toBeCloseTo(fx.annealingLaw.params[i]!, 2));
  });

  it('fits the step power law as scipy curve_fit does on the fixture', () => {
    const fit = fitStepPowerLaw(fx.points);
    expect(fit.sse).toBeLessThanOrEqual(fx.stepPowerLaw.sse * (1 + 1e-3));
    expect(Math.abs(fit.sse - fx.stepPowerLaw.sse) / fx.stepPowerLaw.sse).toBeLessThan(1e-3);
    fit.params.forEach((p, i) =>
      expect(Math.abs(p - fx.stepPowerLaw.params[i]!) / Math.abs(fx.stepPowerLaw.params[i]!)).toBeLessThan(0.02),
    );
  });

  it('recovers the parameters of noiseless curves of two schedules', () => {
    const truth = [2.5, 0.6, 0.4, 0.05];
    const steps = 800;
    const pts = (lrs: number[]): LawPoint[] => {
      const { s1, s2 } = lrAreas(lrs, 0.999);
      return Array.from({ length: 16 }, (_, j) => (j + 1) * 50).map((s) => {
        const q = { step: s, s1: s1[s - 1]!, s2: s2[s - 1]! };
        return { ...q, loss: annealingLaw.value(truth, q) };
      });
    };
    const constant = pts(Array(steps).fill(0.01));
    const linear = pts(Array.from({ length: steps }, (_, i) => 0.01 * (1 - i / steps)));
    const fit = fitAnnealingLaw([...constant, ...linear]);
    fit.params.forEach((p, i) => expect(p).toBeCloseTo(truth[i]!, 4));
    // The step power law cannot follow the annealing drop of the linear curve.
    expect(fitStepPowerLaw([...constant, ...linear]).sse).toBeGreaterThan(1e3 * fit.sse);
  });

  it('analytic gradients match finite differences', () => {
    const q = { step: 300, s1: 2.1, s2: 0.3 };
    const check = (
      f: { value(p: readonly number[], q: never): number; gradient(p: readonly number[], q: never): number[] },
      p: number[],
    ) => {
      const g = f.gradient(p, q as never);
      p.forEach((_, i) => {
        const h = 1e-6;
        const up = p.map((v, j) => (j === i ? v + h : v));
        const dn = p.map((v, j) => (j === i ? v - h : v));
        expect(g[i]).toBeCloseTo((f.value(up, q as never) - f.value(dn, q as never)) / (2 * h), 5);
      });
    };
    check(annealingLaw, [3, 0.5, 0.6, 0.1]);
    check(stepPowerLaw, [3, 5, 0.6]);
  });
});
