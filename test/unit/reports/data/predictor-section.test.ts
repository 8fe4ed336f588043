import { describe, expect, it } from 'vitest';
import { predictorReport } from '../../../../reports/data/predictor-section.js';

describe('predictor tables of the report', () => {
  it('shows per-seed errors with their ratio and per-curve means; a seed without errors (null in JSON) shows none', () => {
    const r = predictorReport({
      earlyStopping: [{ repeat: 0, speedup: 1.5, regret: 0, stopped: [{ arm: 'wsd', step: 40 }] }],
      method: 'law',
      baseline: 'power',
      errorName: 'MAPE',
      repeats: [0, 1, 2],
      methodErrors: [0.01, 0.03, null as unknown as number],
      baselineErrors: [0.02, 0.04, NaN],
      perCurve: [
        { repeat: 0, arm: 'linear', method: 0.01, baseline: 0.03 },
        { repeat: 0, arm: 'wsd', method: 0.01, baseline: 0.01 },
        { repeat: 1, arm: 'linear', method: 0.05, baseline: 0.05 },
        { repeat: 1, arm: 'wsd', method: 0.01, baseline: 0.03 },
      ],
      fitted: [],
      notes: ['repeat 2: wsd diverged'],
    });
    expect(r.seeds).toEqual([
      { repeat: 0, method: 0.01, baseline: 0.02, ratio: 0.5 },
      { repeat: 1, method: 0.03, baseline: 0.04, ratio: 0.75 },
      { repeat: 2, method: null, baseline: null, ratio: null },
    ]);
    expect(r.curves.map((c) => [c.arm, c.seeds])).toEqual([
      ['linear', 2],
      ['wsd', 2],
    ]);
    [
      [0.03, 0.04],
      [0.01, 0.02],
    ].forEach(([m, b], i) => {
      expect(r.curves[i]!.method).toBeCloseTo(m!, 12);
      expect(r.curves[i]!.baseline).toBeCloseTo(b!, 12);
    });
    expect(r.notes).toEqual(['repeat 2: wsd diverged']);
    expect(r.earlyStopping![0]!.speedup).toBe(1.5);
    // Here a secondary number; an early-stopping claim marks it as the judged outcome.
    expect(r.earlyStoppingJudged).toBe(false);
    expect(
      predictorReport({
        method: 'ensemble',
        baseline: 'full sweep (no stopping)',
        errorName: 'steps',
        repeats: [0],
        methodErrors: [120],
        baselineErrors: [300],
        perCurve: [],
        fitted: [],
        notes: [],
        earlyStopping: [{ repeat: 0, speedup: 2.5, regret: 0, stopped: [] }],
        earlyStoppingJudged: true,
      }).earlyStoppingJudged,
    ).toBe(true);
  });
});
