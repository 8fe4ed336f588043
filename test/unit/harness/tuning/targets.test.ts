import { describe, expect, it } from 'vitest';
import { quantile, roundTarget, setTarget } from '../../../../harness/tuning/targets.js';
import type { CurvePoint } from '../../../../harness/core/trial.js';

const curve = (accs: number[], every = 25): CurvePoint[] =>
  accs.map((a, i) => ({ step: (i + 1) * every, examples: 0, trainSeconds: 0, metrics: { 'validation/accuracy': a } }));

describe('target setting (DESIGN § Rules)', () => {
  it('interpolates quantiles like numpy', () => {
    // numpy.quantile([1,2,3,4,5,6,7,8,9,10], 0.2) == 2.8
    expect(quantile([10, 9, 8, 7, 6, 5, 4, 3, 2, 1], 0.2)).toBeCloseTo(2.8, 12);
    expect(quantile([3, 1, 2], 0.5)).toBe(2);
  });

  it('rounds to 3 significant digits toward the easier side', () => {
    expect(roundTarget(0.87064, 'higher')).toBe(0.87);
    expect(roundTarget(0.87999, 'higher')).toBe(0.879);
    expect(roundTarget(0.08727, 'lower')).toBe(0.0873);
    expect(roundTarget(123.41, 'lower')).toBe(124);
    // More digits where a card asks for them.
    expect(roundTarget(3.38564, 'lower', 4)).toBe(3.386);
    expect(roundTarget(3.38564, 'lower')).toBe(3.39);
    expect(roundTarget(0.87064, 'higher', 4)).toBe(0.8706);
  });

  it('takes the 20th percentile of per-seed bests and 4/3 of the median first step', () => {
    // Ten seeds; seed k peaks at 0.80 + 0.01k and first reaches 0.82 at step 25(k+1)-ish.
    const curves = Array.from({ length: 10 }, (_, k) => curve([0.5, 0.7, 0.78 + 0.01 * k, 0.8 + 0.01 * k]));
    const t = setTarget(curves, 'validation/accuracy', 'higher', 25);
    expect(t.best.map((b) => Number(b.toFixed(2)))).toEqual([
      0.8, 0.81, 0.82, 0.83, 0.84, 0.85, 0.86, 0.87, 0.88, 0.89,
    ]);
    expect(t.quantile).toBeCloseTo(0.818, 10);
    expect(t.target).toBe(0.818);
    // Seeds 0 and 1 never reach 0.818; seed 2 reaches at step 100; seeds 4+ at step 75.
    expect(t.firstReach).toEqual([null, null, 100, 100, 75, 75, 75, 75, 75, 75]);
    expect(t.reachedShare).toBe(0.8);
    expect(t.medianFirstReach).toBe(75);
    expect(t.budgetSteps).toBe(100);
  });

  it("reads each seed's last value with outcome 'final' (a card's loss at the end of the budget)", () => {
    // Seed k peaks at 0.9 mid-way, then ends at 0.80 + 0.01k; the last seed diverged (empty curve).
    const curves = Array.from({ length: 9 }, (_, k) => curve([0.5, 0.9, 0.7, 0.8 + 0.01 * k]));
    curves.push([]);
    const t = setTarget(curves, 'validation/accuracy', 'higher', 25, { outcome: 'final' });
    expect(t.best.slice(0, 9).map((b) => Number(b.toFixed(2)))).toEqual([
      0.8, 0.81, 0.82, 0.83, 0.84, 0.85, 0.86, 0.87, 0.88,
    ]);
    expect(t.best[9]).toBe(-Infinity);
    // numpy.quantile([-inf, .80, ..., .88], 0.2): between .80 and .81 at 0.8 of the way.
    expect(t.quantile).toBeCloseTo(0.808, 10);
    expect(t.target).toBe(0.808);
    // First reach still reads the whole curve: every finished seed passed 0.808 at its peak.
    expect(t.firstReach).toEqual([50, 50, 50, 50, 50, 50, 50, 50, 50, null]);
  });

  it('the best value stays the default (DESIGN)', () => {
    const curves = Array.from({ length: 10 }, (_, k) => curve([0.5, 0.9, 0.7, 0.8 + 0.01 * k]));
    expect(setTarget(curves, 'validation/accuracy', 'higher', 25).target).toBe(0.9);
  });
});
