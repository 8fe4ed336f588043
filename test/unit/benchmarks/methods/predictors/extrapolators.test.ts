import { describe, expect, it } from 'vitest';
import {
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
});
