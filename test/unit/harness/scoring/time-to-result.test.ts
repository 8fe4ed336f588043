import { describe, expect, it } from 'vitest';
import { meetsTarget, timeToResult } from '../../../../harness/scoring/time-to-result.js';
import { medianWithInfinity, studyTime, workloadTime } from '../../../../harness/scoring/workload-time.js';
import type { EvalPoint, ResultTarget } from '../../../../harness/scoring/types.js';
import { curveHitting, TARGET, workload } from './pools.js';

const loss: ResultTarget = { metric: 'validation/loss', value: 0.12, direction: 'lower' };
const pt = (step: number, seconds: number, v: number | null): EvalPoint => ({
  step,
  seconds,
  metrics: { 'validation/loss': v },
});

describe('time to result', () => {
  it('is the accumulated submission time at the FIRST eval meeting the target, not the best eval', () => {
    const curve = [pt(1, 10, 0.5), pt(100, 110, 0.12), pt(200, 210, 0.1), pt(300, 310, 0.13)];
    expect(timeToResult(curve, loss)).toEqual({ status: 'reached', value: 110, evalIndex: 1, step: 100, seconds: 110 });
  });

  it('counts a value exactly at the target, in either direction', () => {
    expect(meetsTarget(0.12, loss)).toBe(true);
    expect(meetsTarget(0.9, TARGET)).toBe(true);
    expect(meetsTarget(0.8999999, TARGET)).toBe(false);
    expect(meetsTarget(0.1200001, loss)).toBe(false);
  });

  it('never counts a missing, NaN or infinite value (a diverged run reaches nothing)', () => {
    expect(meetsTarget(null, loss)).toBe(false);
    expect(meetsTarget(NaN, loss)).toBe(false);
    expect(meetsTarget(-Infinity, loss)).toBe(false);
    expect(timeToResult([pt(1, 5, NaN), pt(2, 9, null), { step: 3, seconds: 12, metrics: {} }], loss).value).toBe(
      Infinity,
    );
  });

  it('is Infinity when the target is never met', () => {
    expect(timeToResult(curveHitting(null), TARGET)).toMatchObject({
      status: 'not-reached',
      value: Infinity,
      evalIndex: null,
    });
    expect(timeToResult([], TARGET).value).toBe(Infinity);
  });

  it("ignores a hit past the budget (AlgoPerf's runner stops at max_allowed_runtime)", () => {
    const curve = [pt(1, 50, 0.3), pt(2, 101, 0.1)];
    expect(timeToResult(curve, loss, { budget: 100 })).toMatchObject({
      status: 'after-budget',
      value: Infinity,
      evalIndex: 1,
    });
    expect(timeToResult(curve, loss, { budget: 101 })).toMatchObject({ status: 'reached', value: 101 });
  });

  it('measures steps on the steps axis', () => {
    expect(timeToResult([pt(7, 50, 0.3), pt(9, 101, 0.1)], loss, { axis: 'steps', budget: 9 })).toMatchObject({
      status: 'reached',
      value: 9,
    });
  });
});

describe('median over studies (numpy semantics, Infinity takes part)', () => {
  it.each([
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
    [[10, Infinity, 20], 20],
    [[10, Infinity], Infinity],
    [[10, Infinity, Infinity], Infinity],
    [[Infinity, 1, 2, 3, Infinity], 3],
    [[], Infinity],
  ])('median(%j) = %d', (xs, m) => {
    expect(medianWithInfinity(xs)).toBe(m);
  });
});

describe("a study's time and a workload's time", () => {
  it("external tuning: each study's fastest trial, then the median over studies", () => {
    const w = workload([
      [300, 200, null, 250, 900], // 200
      [null, null, null, null, null], // Infinity
      [500, 400, 450, 420, 410], // 400
    ]);
    const t = workloadTime(w);
    expect(t.studies.map((s) => [s.trial, s.value])).toEqual([
      [2, 200],
      [null, Infinity],
      [2, 400],
    ]);
    expect(t.value).toBe(400);
  });

  it('ties between trials go to the lower trial index', () => {
    expect(
      studyTime(
        {
          index: 0,
          trials: [
            { index: 3, curve: curveHitting(100) },
            { index: 1, curve: curveHitting(100) },
          ],
        },
        { target: TARGET },
      ).trial,
    ).toBe(1);
  });

  it('self-tuning: one trial per study, so the median over repeats', () => {
    expect(workloadTime(workload([[100], [null], [300], [200], [null]])).value).toBe(300);
  });

  it('"fastest" takes the smallest time; "earliest-eval" (AlgoPerf\'s code) the smallest eval index', () => {
    // Trial 1 evaluates every 100 s and hits at its 2nd eval (200 s); trial 2 evaluates every 30 s and hits at its 5th (150 s).
    const slowEvals: EvalPoint[] = [pt(1, 100, 0.5), pt(2, 200, 0.1)];
    const fastEvals: EvalPoint[] = [1, 2, 3, 4, 5].map((k) => pt(k, 30 * k, k === 5 ? 0.1 : 0.5));
    const study = {
      index: 0,
      trials: [
        { index: 1, curve: slowEvals },
        { index: 2, curve: fastEvals },
      ],
    };
    expect(studyTime(study, { target: loss })).toMatchObject({ trial: 2, value: 150 });
    expect(studyTime(study, { target: loss }, { trialSelection: 'earliest-eval' })).toMatchObject({
      trial: 1,
      value: 200,
    });
  });

  it('"earliest-eval" breaks ties at the same eval index by time', () => {
    const a: EvalPoint[] = [pt(1, 100, 0.5), pt(2, 205, 0.1)];
    const b: EvalPoint[] = [pt(1, 100, 0.5), pt(2, 201, 0.1)];
    expect(
      studyTime(
        {
          index: 0,
          trials: [
            { index: 1, curve: a },
            { index: 2, curve: b },
          ],
        },
        { target: loss },
        { trialSelection: 'earliest-eval' },
      ),
    ).toMatchObject({ trial: 2, value: 201 });
  });

  it('a workload with a budget ignores hits past it', () => {
    expect(workloadTime(workload([[150], [90], [120]], 100)).value).toBe(Infinity);
    expect(workloadTime(workload([[150], [90], [80]], 100)).value).toBe(90);
  });
});
