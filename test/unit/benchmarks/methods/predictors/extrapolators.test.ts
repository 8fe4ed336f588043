import { describe, expect, it } from 'vitest';
import {
  ensembleProbabilityBelow,
  familyFits,
  familyPredictions,
  lastValue,
  parametricEnsemble,
  plausible,
} from '../../../../../benchmarks/methods/predictors/extrapolators.js';

const head = (f: (s: number) => number, until: number, every = 20) =>
  Array.from({ length: until / every }, (_, j) => (j + 1) * every).map((step) => ({ step, value: f(step) }));

describe('learning-curve extrapolators', () => {
  it('each family extrapolates a noiseless curve of its own form to the final step', () => {
    const pow = (s: number) => 0.2 + 3 * s ** -0.6;
    const exp = (s: number) => 0.3 + 0.8 * Math.exp(-s / 150);
    const logPower = (s: number) => 0.25 + 1.2 / (1 + (s / 120) ** 1.3);
    expect(familyPredictions(head(pow, 400), 1600).pow3).toBeCloseTo(pow(1600), 4);
    expect(familyPredictions(head(exp, 400), 1600).exp3).toBeCloseTo(exp(1600), 4);
    expect(familyPredictions(head(logPower, 400), 1600)['log-power']).toBeCloseTo(logPower(1600), 3);
  });

  it('last-value returns the last observation; the ensemble is the mean of the plausible family predictions', () => {
    const h = head((s) => 0.3 + 0.8 * Math.exp(-s / 150), 400);
    expect(lastValue.predict(h, 1600)).toBe(h[h.length - 1]!.value);
    const fam = Object.values(familyPredictions(h, 1600)).map((v) => plausible(h, v!));
    expect(parametricEnsemble.predict(h, 1600)).toBeCloseTo(fam.reduce((a, b) => a + b) / 3, 12);
  });

  it('keeps predictions monotone past the last value and a loss at or above 0', () => {
    const down = [
      { step: 1, value: 1 },
      { step: 2, value: 0.5 },
    ];
    expect(plausible(down, 0.7)).toBe(0.5);
    expect(plausible(down, -0.2)).toBe(0);
    expect(plausible(down, 0.3)).toBe(0.3);
    const up = [
      { step: 1, value: 0.2 },
      { step: 2, value: 0.6 },
    ];
    expect(plausible(up, 0.4)).toBe(0.6);
    expect(plausible(up, 0.9)).toBe(0.9);
  });

  it("gives the ensemble's predictive P(final < v) that scipy's fits give (test/fixtures/early-stopping/ensemble_probability.py)", () => {
    const h = Array.from({ length: 20 }, (_, j) => ({
      step: (j + 1) * 20,
      value: 0.3 + 0.8 * Math.exp(-((j + 1) * 20) / 150) + 0.01 * Math.sin(7 * j),
    }));
    // scipy least_squares (trf, bounded) from the same starts: value and SSE per family, then P at five values.
    const fits = familyFits(h, 1600);
    expect(fits.exp3!.value).toBeCloseTo(0.30227473292930834, 6);
    expect(fits.exp3!.sse).toBeCloseTo(0.0008918236408807998, 9);
    expect(fits['log-power']!.value).toBeCloseTo(0.2352526118525844, 6);
    expect(fits.pow3!.sse).toBeCloseTo(0.010982061349356781, 6);
    // A second fit of the same head is the cached one (the analysis fits the same heads several times).
    expect(familyFits([...h], 1600)).toBe(fits);
    const scipy: Array<[number, number]> = [
      [0.1, 0.3331168056556168],
      [0.2, 0.3333333861624028],
      [0.24, 0.5848171088133273],
      [0.28, 0.6670170683981579],
      [0.3, 0.7922456589763348],
    ];
    for (const [v, p] of scipy) expect(ensembleProbabilityBelow(h, 1600, v)).toBeCloseTo(p, 5);
    expect(parametricEnsemble.probabilityBelow!(h, 1600, 0.24)).toBe(ensembleProbabilityBelow(h, 1600, 0.24));
  });

  it('gives no evidence against a curve too short to fit (P = 1), and a probability that grows with the value', () => {
    expect(
      ensembleProbabilityBelow(
        head((s) => 1 / s, 60),
        1600,
        0.0,
      ),
    ).toBe(1);
    const h = head((s) => 0.3 + 0.8 * Math.exp(-s / 150) + 0.01 * Math.sin(s), 400);
    const ps = [0.1, 0.2, 0.3, 0.4, 0.5].map((v) => ensembleProbabilityBelow(h, 1600, v));
    for (let i = 1; i < ps.length; i++) expect(ps[i]!).toBeGreaterThanOrEqual(ps[i - 1]!);
    expect(ps[4]).toBeGreaterThan(0.99);
  });
});
