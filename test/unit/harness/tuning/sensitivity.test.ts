import { describe, expect, it } from 'vitest';
import type { TuningRow } from '../../../../harness/tuning/result.js';
import { tuningSensitivity } from '../../../../harness/tuning/sensitivity.js';

/** Rows of one arm: studies[k][j] = steps on the point's seeds (more than one: re-checked). */
function rowsOf(method: string, studies: Array<Array<Array<number | null>>>): TuningRow[] {
  return studies.flatMap((study, k) =>
    study.map((steps, j) => ({
      workload: 'w',
      method,
      study: k,
      point: { learningRate: (k + 1) * 10 + j },
      steps,
      medianSteps: null,
      winner: false,
      rechecked: steps.length > 1,
    })),
  );
}
const time = { fixedBudget: false, higherIsBetter: () => true };
const pair = [{ workload: 'w', method: 'm', baseline: 'b' }];
const baseline = rowsOf('b', [
  [[200, 210, 190], [220, 230, 240], [500]],
  [[250, 260, 255], [300, 310, 320], [null]],
]);

describe('tuningSensitivity', () => {
  it('compares the chosen points, then each runner-up, and keeps its side when every alternative agrees', () => {
    const method = rowsOf('m', [
      [[100, 110, 105], [120, 125, 130], [300]],
      [[140, 150, 145], [160, 170, 150], [null]],
    ]);
    const [s] = tuningSensitivity({ rows: [...method, ...baseline] }, pair, time);
    expect(s).toMatchObject({
      effectName: 'speedup',
      noEffect: 1,
      higherIsBetter: true,
      flips: false,
      reading: 'keeps its side',
    });
    // Chosen: study 0's winners (lower median study of two): 105 and 200; runner-ups: 125 and 230.
    expect(s!.chosen).toBeCloseTo(200 / 105, 12);
    expect(s!.runnerUp.method).toBeCloseTo(200 / 125, 12);
    expect(s!.runnerUp.baseline).toBeCloseTo(230 / 105, 12);
    expect(s!.runnerUp.both).toBeCloseTo(230 / 125, 12);
    expect(s!.arms[0]).toMatchObject({
      method: 'm',
      point: { learningRate: 10 },
      values: [100, 110, 105],
      runnerUp: { learningRate: 11 },
      runnerUpValues: [120, 125, 130],
    });
    expect(s!.bootstrap.methodAhead).toBe(1);
    expect(s!.bootstrap.interval![0]).toBeGreaterThan(1);
    expect(tuningSensitivity({ rows: [...method, ...baseline] }, pair, time)).toEqual([s]);
  });

  it('flags a comparison that a runner-up or the resampled choice turns around', () => {
    const method = rowsOf('m', [
      [[100, 110, 105], [400, 410, 420], [600]],
      [[500, 510, 520], [600, 610, 620], [700]],
    ]);
    const [s] = tuningSensitivity({ rows: [...method, ...baseline] }, pair, time);
    expect(s!.chosen).toBeCloseTo(200 / 105, 12);
    // Without its lucky point the method is slower than the baseline.
    expect(s!.runnerUp.method).toBeCloseTo(200 / 410, 12);
    expect(s!.flips).toBe(true);
    expect(s!.reading).toBe('the tuning choice could flip it');
    // Resampling the two studies picks study 1 alone about a quarter of the time: the method is then behind.
    expect(s!.bootstrap.methodAhead).toBeGreaterThan(0.6);
    expect(s!.bootstrap.methodAhead).toBeLessThan(0.9);
  });

  it('counts a method whose every point missed the target as behind', () => {
    const method = rowsOf('m', [
      [[null], [null], [null]],
      [[null], [null], [null]],
    ]);
    const [s] = tuningSensitivity({ rows: [...method, ...baseline] }, pair, time);
    expect(s).toMatchObject({
      chosen: null,
      runnerUp: { method: null, baseline: null, both: null },
      flips: false,
      reading: 'no finite tuning effect',
    });
    expect(s!.bootstrap).toMatchObject({ methodAhead: 0, interval: null });
  });

  it('reports a fixed-budget difference as method − baseline in the metric, lower-is-better flipping what favours the method', () => {
    const fb = (method: string, studies: number[][][]): TuningRow[] =>
      studies.flatMap((study, k) =>
        study.map((ms, j) => ({
          workload: 'w',
          method,
          study: k,
          point: { learningRate: j },
          steps: ms.map(() => null),
          medianSteps: null,
          winner: false,
          rechecked: ms.length > 1,
          metric: [...ms].sort((a, b) => a - b)[ms.length >> 1]!,
          ...(ms.length > 1 ? { metrics: ms } : {}),
        })),
      );
    const rows = [
      ...fb('m', [
        [
          [0.3, 0.32, 0.31],
          [0.35, 0.36, 0.34],
        ],
        [[0.33, 0.32, 0.34], [0.4]],
      ]),
      ...fb('b', [
        [
          [0.5, 0.52, 0.51],
          [0.55, 0.56, 0.54],
        ],
        [[0.53, 0.52, 0.54], [0.6]],
      ]),
    ];
    const [lower] = tuningSensitivity({ rows }, pair, { fixedBudget: true, higherIsBetter: () => false });
    expect(lower).toMatchObject({ effectName: 'difference', noEffect: 0, higherIsBetter: false, flips: false });
    expect(lower!.chosen).toBeCloseTo(0.31 - 0.51, 12);
    expect(lower!.bootstrap.methodAhead).toBe(1);
    expect(lower!.bootstrap.interval![1]).toBeLessThan(0);
    // Read as accuracies (higher is better), the same numbers put the baseline ahead.
    const [higher] = tuningSensitivity({ rows }, pair, { fixedBudget: true, higherIsBetter: () => true });
    expect(higher!.chosen).toBeCloseTo(0.35 - 0.55, 12);
    expect(higher!.bootstrap.methodAhead).toBe(0);
  });

  it('calls equal chosen points a tie, not a side', () => {
    const same = baseline.map((r) => ({ ...r, method: 'm' }));
    const [s] = tuningSensitivity({ rows: [...same, ...baseline] }, pair, time);
    expect(s).toMatchObject({ chosen: 1, flips: false, reading: 'tied in tuning' });
    expect(s!.bootstrap.methodAhead).toBe(0.5);
  });

  it('skips comparisons whose arms were not tuned', () => {
    expect(tuningSensitivity({ rows: baseline }, pair, time)).toEqual([]);
  });
});
