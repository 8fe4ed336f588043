import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fitLogLaw, fitPowerLaw, logOverPowerLaw } from '../../../../harness/analysis/growth-law.js';

// numpy.polyfit and scipy.optimize.curve_fit on the same curves: scripts/fixtures/growth_law_fits.py.
interface Fit {
  y: number[];
  log: { a: number; b: number; sse: number };
  power: { c: number; alpha: number; sse: number };
}
const fixture = JSON.parse(
  readFileSync(new URL('../../../fixtures/growth/growth-law-fits.json', import.meta.url), 'utf8'),
) as { t: number[]; fits: Record<string, Fit> };
const { t, fits } = fixture;

describe('growth-law fits (log vs power law)', () => {
  it.each(Object.keys(fits))('%s: both fits match numpy/scipy', (name) => {
    const f = fits[name]!;
    const log = fitLogLaw(t, f.y);
    expect(log.params[0]).toBeCloseTo(f.log.a, 6);
    expect(log.params[1]).toBeCloseTo(f.log.b, 6);
    expect(log.sse).toBeCloseTo(f.log.sse, 6);
    const power = fitPowerLaw(t, f.y);
    // Where scipy's curve is exact (sse 0) the parameters are exact too; elsewhere the minimum's sum of squares.
    expect(power.params[1]).toBeCloseTo(f.power.alpha, 3);
    expect(power.params[0] / f.power.c).toBeCloseTo(1, 3);
    expect(power.sse).toBeLessThanOrEqual(f.power.sse * (1 + 1e-4) + 1e-9);
  });

  it('the statistic is positive for logarithmic growth and negative for a random walk or a power law', () => {
    const v = (name: string) => logOverPowerLaw(t, fits[name]!.y).value!;
    expect(v('noisy-log')).toBeCloseTo(Math.log2(fits['noisy-log']!.power.sse / fits['noisy-log']!.log.sse), 2);
    expect(v('noisy-log')).toBeGreaterThan(1);
    expect(v('log')).toBeGreaterThan(10);
    expect(v('sqrt')).toBeLessThan(-10);
    expect(v('power02')).toBeLessThan(-10);
  });

  it('gives no value, with why, for too few points or a step ≤ 0, and 0 for a curve both laws fit exactly', () => {
    expect(logOverPowerLaw([1, 2, 3], [0, 1, 2])).toMatchObject({
      value: null,
      note: expect.stringContaining('at least 4'),
    });
    expect(logOverPowerLaw([0, 1, 2, 3], [0, 1, 2, 3])).toMatchObject({
      value: null,
      note: expect.stringContaining('ln t'),
    });
    // A constant is a + 0·ln t and c·t^0.
    expect(logOverPowerLaw([1, 2, 3, 4], [2, 2, 2, 2]).value).toBe(0);
  });
});
