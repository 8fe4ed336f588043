import { describe, expect, it } from 'vitest';
import {
  isPaired,
  prepareArm,
  validateComparison,
  type ComparisonInput,
} from '../../../../harness/stats/claim-input.js';
import { expectCode } from './fixtures.js';

describe('prepareArm', () => {
  it('sorts by repeat, censors diverged time-to-target runs at the budget, drops them elsewhere', () => {
    const arm = {
      id: 'a',
      repeats: [2, 0, 1],
      values: [300, 100, NaN],
      events: [true, true, true],
      diverged: [false, false, true],
    };
    expect(prepareArm(arm, 'time-to-target', 500, 'method')).toEqual({
      values: [100, 500, 300],
      events: [true, false, true],
      repeats: [0, 1, 2],
      diverged: 1,
      censored: 1,
    });
    expect(prepareArm(arm, 'fixed-budget', undefined, 'method')).toMatchObject({
      values: [100, 300],
      repeats: [0, 2],
      diverged: 1,
    });
  });
  it('pairs arms with the same repeats only', () => {
    const a = prepareArm({ id: 'a', repeats: [0, 1], values: [1, 2] }, 'fixed-budget', undefined, 'm');
    const b = prepareArm({ id: 'b', repeats: [1, 0], values: [1, 2] }, 'fixed-budget', undefined, 'b');
    const c = prepareArm({ id: 'c', repeats: [0, 2], values: [1, 2] }, 'fixed-budget', undefined, 'b');
    expect(isPaired(a, b)).toBe(true);
    expect(isPaired(a, c)).toBe(false);
  });
  it('refuses malformed arms', () => {
    expectCode(
      () => prepareArm({ id: 'a', repeats: [0], values: [1, 2] }, 'fixed-budget', undefined, 'm'),
      'E_STATS_INPUT',
    );
    expectCode(
      () => prepareArm({ id: 'a', repeats: [0, 1], values: [1, 2], events: [true] }, 'time-to-target', 9, 'm'),
      'E_STATS_INPUT',
    );
    expectCode(
      () => prepareArm({ id: 'a', repeats: [0, 1], values: [1, NaN] }, 'fixed-budget', undefined, 'm'),
      'E_STATS_INPUT',
    );
  });
});

describe('validateComparison', () => {
  const ok: ComparisonInput = {
    method: { id: 'm', repeats: [0, 1], values: [1, 2] },
    baseline: { id: 'b', repeats: [0, 1], values: [1, 2] },
    workload: 'w',
    testType: 'fixed-budget',
    lowerIsBetter: false,
    margin: 0.1,
    marginUnits: 'absolute',
  };
  it('accepts a well-formed comparison and refuses each missing piece', () => {
    expect(() => validateComparison(ok)).not.toThrow();
    expectCode(() => validateComparison({ ...ok, testType: 'vibes' as 'fixed-budget' }), 'E_STATS_INPUT');
    expectCode(() => validateComparison({ ...ok, direction: 'baseline-better' as 'method-better' }), 'E_STATS_INPUT');
    expectCode(() => validateComparison({ ...ok, testType: 'predictor' }), 'E_STATS_INPUT');
    expectCode(() => validateComparison({ ...ok, testType: 'phenomenon', nullRegion: [1, 0] }), 'E_STATS_INPUT');
    expectCode(() => validateComparison({ ...ok, claimedMagnitude: NaN }), 'E_STATS_INPUT');
    expect(() => validateComparison({ ...ok, testType: 'phenomenon', nullRegion: [null, 0] })).not.toThrow();
  });
});
