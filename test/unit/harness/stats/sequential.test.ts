import { describe, expect, it } from 'vitest';
import { createSequentialPlan, sequentialDecision } from '../../../../harness/stats/sequential.js';
import { sequentialSampleSize } from '../../../../harness/stats/sequential-size.js';
import { expectCode } from './fixtures.js';

const FAST = { calibrationPaths: 20_000 };

describe('createSequentialPlan', () => {
  it('plans looks every batch up to the cap, merging a short last step', () => {
    const plan = createSequentialPlan({ maxSeedsPerArm: 21, batchSize: 4, testType: 'fixed-budget', ...FAST });
    expect(plan.looks.map((l) => l.seedsPerArm)).toEqual([4, 8, 12, 16, 21]);
    expect(plan.looks.at(-1)?.informationFraction).toBe(1);
    expect(plan.alpha).toBe(0.05);
    const boundaries = plan.looks.map((l) => l.boundary);
    for (let k = 1; k < boundaries.length; k++) expect(boundaries[k]).toBeLessThanOrEqual(boundaries[k - 1] as number);
    expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
  });

  it('divides alpha over the family and validates its options', () => {
    expect(
      createSequentialPlan({ maxSeedsPerArm: 10, batchSize: 5, testType: 'time-to-target', familySize: 4 }).alpha,
    ).toBe(0.0125);
    expectCode(
      () => createSequentialPlan({ maxSeedsPerArm: 1, batchSize: 1, testType: 'fixed-budget' }),
      'E_STATS_INPUT',
    );
    expectCode(
      () => createSequentialPlan({ maxSeedsPerArm: 10, batchSize: 0, testType: 'fixed-budget' }),
      'E_STATS_INPUT',
    );
    expectCode(
      () => createSequentialPlan({ maxSeedsPerArm: 10, batchSize: 2, testType: 'predictor' as 'fixed-budget' }),
      'E_STATS_INPUT',
    );
    expectCode(
      () =>
        createSequentialPlan({
          maxSeedsPerArm: 10,
          batchSize: 2,
          testType: 'time-to-target',
          margin: 0.1,
          marginUnits: 'absolute',
        }),
      'E_STATS_INPUT',
    );
    expectCode(
      () =>
        createSequentialPlan({
          maxSeedsPerArm: 10,
          batchSize: 2,
          testType: 'time-to-target',
          boundaries: 'calibrated',
        }),
      'E_STATS_INPUT',
    );
  });
});

describe('sequentialDecision', () => {
  const plan = createSequentialPlan({
    maxSeedsPerArm: 12,
    batchSize: 4,
    testType: 'fixed-budget',
    margin: 0.05,
    marginUnits: 'absolute',
    spending: 'pocock',
    ...FAST,
  });

  it('continues with the next batch when nothing is decided', () => {
    const d = sequentialDecision(plan, 0, { method: [0.8, 0.92, 0.7, 0.85], baseline: [0.85, 0.8, 0.8, 0.83] });
    expect(d.stop).toBe(false);
    expect(d.decision).toBe('continue');
    expect(d.nextBatch).toEqual({ seedsPerArm: 8, fromRepeat: 4, toRepeat: 7 });
    expect(d.explanation).toMatch(/continue/);
  });

  it('stops for efficacy in the claimed direction (respecting lowerIsBetter)', () => {
    const method = [0.9, 0.91, 0.92, 0.905];
    const baseline = [0.8, 0.805, 0.81, 0.8];
    const d = sequentialDecision(plan, 0, { method, baseline });
    expect(d).toMatchObject({ stop: true, decision: 'claimed direction', reason: 'efficacy', nextBatch: null });
    const lower = createSequentialPlan({
      ...plan.options,
      margin: undefined,
      lowerIsBetter: true,
      boundaries: 'calibrated',
      calibrationPaths: 20_000,
    });
    expect(sequentialDecision(lower, 0, { method, baseline })).toMatchObject({
      stop: true,
      decision: 'opposite direction',
      reason: 'opposite',
    });
  });

  it('stops with "not reproduced" for equivalence inside the margin', () => {
    const base = [0.8, 0.82, 0.79, 0.85];
    const d = sequentialDecision(plan, 0, {
      method: base.map((x, i) => x + [0.001, -0.001, 0.0005, 0][i]!),
      baseline: base,
    });
    expect(d).toMatchObject({ stop: true, decision: 'equivalent', reason: 'equivalence' });
    expect(d.equivalenceZ?.every((z) => z >= d.boundary)).toBe(true);
  });

  it('ends inconclusive at the cap and recomputes the bound for an unplanned seed count', () => {
    const noisyM = [1, 3, 2, 5, 4, 1, 2, 6, 3, 2, 5, 1];
    const noisyB = [2, 1, 4, 3, 5, 2, 1, 4, 2, 6, 1, 3];
    const d = sequentialDecision(plan, 2, { method: noisyM, baseline: noisyB });
    expect(d).toMatchObject({ stop: true, decision: 'undecided', reason: 'max-seeds' });
    const odd = sequentialDecision(plan, 1, { method: noisyM.slice(0, 7), baseline: noisyB.slice(0, 7) });
    expect(odd.boundary).not.toBe(plan.looks[1]!.boundary);
    expect(Number.isFinite(odd.boundary)).toBe(true);
  });

  it('uses the one-sided log-rank z for time-to-target', () => {
    const ttt = createSequentialPlan({
      maxSeedsPerArm: 8,
      batchSize: 8,
      minSeedsPerArm: 8,
      testType: 'time-to-target',
      margin: 0.2,
    });
    const d = sequentialDecision(ttt, 0, {
      method: [100, 110, 120, 105, 115, 108, 112, 118],
      baseline: [300, 310, 320, 305, 400, 400, 400, 400],
      baselineEvents: [true, true, true, true, false, false, false, false],
    });
    expect(d.z).toBeGreaterThan(d.boundary);
    expect(d.decision).toBe('claimed direction');
  });

  it('refuses bad looks and unequal paired arms', () => {
    expectCode(() => sequentialDecision(plan, 5, { method: [1, 2], baseline: [1, 2] }), 'E_STATS_INPUT');
    expectCode(() => sequentialDecision(plan, 0, { method: [1, 2, 3], baseline: [1, 2] }), 'E_STATS_INPUT');
    expectCode(() => sequentialDecision(plan, 0, { method: [1, NaN], baseline: [1, 2] }), 'E_STATS_INPUT');
    expectCode(() => sequentialDecision(plan, 1, { method: [1, 2, 3], baseline: [1, 2, 3] }), 'E_STATS_INPUT');
  });
});

describe('sequentialSampleSize', () => {
  it('inflates the fixed design a little for OBF and more for Pocock', () => {
    const obf = sequentialSampleSize({ effect: 0.5, sd: 1, batchSize: 4 });
    const poc = sequentialSampleSize({ effect: 0.5, sd: 1, batchSize: 4, spending: 'pocock' });
    expect(obf.fixedSeedsPerArm).toBe(27);
    expect(obf.maxSeedsPerArm).toBeGreaterThanOrEqual(27);
    expect(obf.inflation).toBeLessThan(1.1);
    expect(poc.inflation).toBeGreaterThan(obf.inflation);
  });
});
