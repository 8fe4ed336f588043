import { describe, expect, it } from 'vitest';
import { curveStatistic } from '../../../../harness/analysis/curve-statistic.js';
import type { CurvePoint } from '../../../../harness/core/trial.js';

const curve = (rows: Array<[number, number, number]>): CurvePoint[] =>
  rows.map(([step, train, valid]) => ({
    step,
    examples: step,
    trainSeconds: step / 100,
    metrics: { 'train/loss': train, 'validation/loss': valid },
  }));

const grok = {
  kind: 'threshold-ratio' as const,
  first: { metric: 'train/loss', value: 0.1, direction: 'lower' as const },
  then: { metric: 'validation/loss', value: 0.2, direction: 'lower' as const },
};

describe('phenomenon statistics read off an eval curve', () => {
  it('threshold-ratio: steps to the second threshold over steps to the first', () => {
    const c = curve([
      [100, 0.5, 0.9],
      [200, 0.08, 0.8],
      [300, 0.05, 0.6],
      [400, 0.04, 0.3],
      [500, 0.03, 0.15],
    ]);
    expect(curveStatistic(grok, c, 1000)).toEqual({ value: 2.5, censored: false, note: null });
  });

  it('threshold-ratio: a second threshold never met counts at the budget (a lower bound); a first never met gives no value', () => {
    const never = curve([
      [100, 0.05, 0.9],
      [200, 0.04, 0.8],
    ]);
    expect(curveStatistic(grok, never, 1000)).toMatchObject({ value: 10, censored: true });
    const noFit = curve([
      [100, 0.5, 0.9],
      [200, 0.4, 0.1],
    ]);
    expect(curveStatistic(grok, noFit, 1000)).toMatchObject({ value: null, censored: false });
  });

  it('log-over-power-law: log2(SSE power / SSE log) over the evals with a finite value', () => {
    const at = (f: (t: number) => number) =>
      [25, 50, 75, 100, 150, 200, 300, 400].map((step) => ({
        step,
        examples: step,
        trainSeconds: 0,
        metrics: { d: f(step) },
      }));
    const stat = { kind: 'log-over-power-law' as const, metric: 'd' };
    // Exactly logarithmic: the log law leaves no error, far above the null region's +1.
    expect(
      curveStatistic(
        stat,
        at((t) => 0.3 + 1.2 * Math.log(t)),
        400,
      ).value!,
    ).toBeGreaterThan(10);
    // A random walk's √t: the power law wins.
    expect(
      curveStatistic(
        stat,
        at((t) => 0.15 * Math.sqrt(t)),
        400,
      ).value!,
    ).toBeLessThan(-10);
    // A missing value is skipped; fewer than 4 usable points give no value, with why.
    const gaps = at((t) => Math.log(t)).map((p, i) => (i < 6 ? { ...p, metrics: { d: null } } : p));
    expect(curveStatistic(stat, gaps, 400)).toMatchObject({ value: null, note: expect.stringContaining('at least 4') });
  });

  it('final-minus-best: how far the last eval is from the best, positive when it got worse', () => {
    const c = curve([
      [100, 1, 0.9],
      [200, 1, 0.5],
      [300, 1, 0.7],
    ]);
    expect(
      curveStatistic({ kind: 'final-minus-best', metric: 'validation/loss', direction: 'lower' }, c, 300).value,
    ).toBeCloseTo(0.2, 12);
    const acc = c.map((p) => ({ ...p, metrics: { acc: 1 - (p.metrics['validation/loss'] as number) } }));
    expect(
      curveStatistic({ kind: 'final-minus-best', metric: 'acc', direction: 'higher' }, acc, 300).value,
    ).toBeCloseTo(0.2, 12);
    expect(
      curveStatistic({ kind: 'final-minus-best', metric: 'missing', direction: 'higher' }, acc, 300).value,
    ).toBeNull();
  });
});
