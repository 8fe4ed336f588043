import { describe, expect, it } from 'vitest';
import type { ArmRepeats } from '../../../../harness/analysis/arms.js';
import { summarizeArm } from '../../../../harness/analysis/arm-summary.js';
import {
  resolveArm,
  timeResolution,
  trialResolution,
  type ResolutionTrial,
} from '../../../../harness/analysis/time-resolution.js';
import { resolutionOf } from '../../../../harness/runner/resolution.js';

const trial = (
  method: string,
  steps: number | null,
  curveSteps: number[],
  over: Partial<ResolutionTrial> = {},
): ResolutionTrial => ({
  config: {
    workload: { id: 'w', version: 1, variant: 'default' },
    method: { id: method, version: 1, hparams: {} },
    repeat: { purpose: 'eval', index: 0 },
    stopAtTarget: true,
    evalEvery: 25,
  },
  status: steps === null ? 'censored' : 'reached',
  outcome: { stepsToTarget: steps },
  curve: curveSteps.map((step) => ({ step })),
  ...over,
});

describe('resolution of one trial', () => {
  it('is the gap to the eval before the one that met the target, or its step when it was the first', () => {
    expect(resolutionOf([{ step: 25 }, { step: 50 }, { step: 55 }, { step: 60 }], 60)).toBe(5);
    expect(resolutionOf([{ step: 25 }, { step: 50 }], 25)).toBe(25);
    expect(resolutionOf([{ step: 25 }], null)).toBeNull();
  });

  it('prefers the recorded field, reads the curve otherwise, and cannot tell from a thinned curve', () => {
    expect(trialResolution(trial('a', 60, [50, 55, 60], { outcome: { stepsToTarget: 60, resolutionSteps: 3 } }))).toBe(
      3,
    );
    expect(trialResolution(trial('a', 60, [50, 55, 60]))).toBe(5);
    expect(trialResolution(trial('a', 60, [50, 55, 60], { curveThinned: true }))).toBeNull();
    expect(trialResolution(trial('a', null, [50, 75]))).toBeNull();
  });
});

describe('the 2% check per arm', () => {
  it('compares the coarsest resolution with 2% of the median of the reached steps', () => {
    // Median 500: 10 steps pass, 11 do not.
    expect(resolveArm([400, 500, 600], [5, 10, 5])).toEqual({
      reached: 3,
      medianSteps: 500,
      worstSteps: 10,
      unknown: 0,
      resolved: true,
    });
    expect(resolveArm([400, 500, 600], [5, 11, 5]).resolved).toBe(false);
    // Even counts take the mean of the middle two.
    expect(resolveArm([400, 600], [10, 10])).toMatchObject({ medianSteps: 500, resolved: true });
    // One unknown resolution and the arm is not shown resolved.
    expect(resolveArm([400, 500, 600], [5, null, 5])).toMatchObject({ unknown: 1, resolved: false });
    // Nothing reached: nothing to resolve.
    expect(resolveArm([], [])).toEqual({ reached: 0, medianSteps: null, worstSteps: null, unknown: 0, resolved: true });
  });

  it('groups evaluation trials that stop at the target by workload and method, leaving tuning and fixed-budget trials out', () => {
    const tune = trial('a', 100, [75, 100]);
    tune.config = { ...tune.config, repeat: { purpose: 'tune', index: 0 } };
    const fixed = trial('b', 100, [75, 100]);
    fixed.config = { ...fixed.config, stopAtTarget: false };
    const arms = timeResolution([
      trial('a', 500, [495, 500]),
      trial('a', 450, [445, 450]),
      trial('a', null, [1000]),
      tune,
      fixed,
    ]);
    expect(arms).toEqual([
      { workload: 'w', method: 'a', reached: 2, medianSteps: 475, worstSteps: 5, unknown: 0, resolved: true },
    ]);
  });

  it('is part of every arm summary of trials that stop at the target (summary.json)', () => {
    const base: ArmRepeats = {
      method: 'a',
      workload: 'w',
      tuned: null,
      repeats: [0, 1, 2],
      steps: [500, 700, 1000],
      seconds: [1, 1, 1],
      events: [true, true, false],
      diverged: [false, false, false],
      missing: [],
      finalMetric: [null, null, null],
      bestMetric: [null, null, null],
      budgetSteps: 1000,
    };
    expect(summarizeArm({ ...base, resolutionSteps: [5, 25, null] }).timeResolution).toEqual({
      reached: 2,
      medianSteps: 600,
      worstSteps: 25,
      unknown: 0,
      resolved: false,
    });
    expect(summarizeArm(base).timeResolution).toBeNull();
  });
});
