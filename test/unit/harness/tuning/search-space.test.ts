import { describe, expect, it } from 'vitest';
import { haltonSequence, haltonStart } from '../../../../harness/tuning/halton.js';
import {
  mapUnitPoint,
  mapUnitValue,
  parseSearchSpace,
  sampleSearchSpace,
} from '../../../../harness/tuning/search-space.js';

// The shape of AlgoPerf's baseline search spaces (algorithms/baselines/.../tuning_search_space.json).
const ALGOPERF_SPACE = {
  learning_rate: { min: 1e-4, max: 1e-2, scaling: 'log' },
  one_minus_beta1: { min: 0.02, max: 0.15, scaling: 'linear' },
  warmup_factor: { feasible_points: [0.02, 0.05, 0.1] },
  label_smoothing: { feasiblePoints: [0, 0.1, 0.2] },
};

describe('search spaces in AlgoPerf format', () => {
  it('reads ranges, feasible_points and feasiblePoints, keeping key order', () => {
    const s = parseSearchSpace(ALGOPERF_SPACE);
    expect(s.kind).toBe('dimensions');
    if (s.kind !== 'dimensions') return;
    expect(s.dimensions.map((d) => d.name)).toEqual([
      'learning_rate',
      'one_minus_beta1',
      'warmup_factor',
      'label_smoothing',
    ]);
    expect(s.dimensions[0]!.dimension).toEqual({ min: 1e-4, max: 1e-2, scaling: 'log' });
    expect(s.dimensions[2]!.dimension).toEqual({ feasiblePoints: [0.02, 0.05, 0.1] });
    expect(s.dimensions[3]!.dimension).toEqual({ feasiblePoints: [0, 0.1, 0.2] });
  });

  it('reads a list of fixed points (trial i runs point i) and shortens a longer study to the list', () => {
    const s = parseSearchSpace([
      { learning_rate: 0.001, b: true },
      { learning_rate: 0.002, b: false },
    ]);
    expect(sampleSearchSpace(s, 1, { start: 1 })).toEqual([{ learning_rate: 0.001, b: true }]);
    expect(sampleSearchSpace(s, 5, { start: 1 })).toEqual([
      { learning_rate: 0.001, b: true },
      { learning_rate: 0.002, b: false },
    ]);
  });

  it.each([
    [{ lr: { min: 0, max: 1, scaling: 'log' } }, /lr: log scaling needs min > 0/],
    [{ lr: { min: 2, max: 1, scaling: 'linear' } }, /lr: min must not exceed max/],
    [{ lr: { min: 1, max: 2, scaling: 'cubic' } }, /lr\.scaling/],
    [{ lr: { feasible_points: [] } }, /lr/],
    [{}, /at least one dimension/],
    [[], /list|array|least/i],
  ])('rejects %j with E_BAD_CONFIG', (json, message) => {
    let err: unknown;
    try {
      parseSearchSpace(json, 'my_space.json');
    } catch (e) {
      err = e;
    }
    expect(err).toMatchObject({ code: 'E_BAD_CONFIG' });
    expect((err as Error).message).toContain('my_space.json');
    expect((err as Error).message).toMatch(message);
  });
});

describe('mapping unit points onto dimensions', () => {
  it('log scaling is uniform in log space', () => {
    const d = { min: 1e-4, max: 1e-2, scaling: 'log' as const };
    expect(mapUnitValue(d, 0)).toBeCloseTo(1e-4, 18);
    expect(mapUnitValue(d, 0.5)).toBeCloseTo(1e-3, 15); // geometric midpoint
    expect(mapUnitValue(d, 0.25)).toBeCloseTo(10 ** -3.5, 15);
    expect(mapUnitValue(d, 1)).toBeCloseTo(1e-2, 15);
  });

  it('linear scaling is affine', () => {
    expect(mapUnitValue({ min: 0.02, max: 0.15, scaling: 'linear' }, 0.5)).toBeCloseTo(0.085, 15);
  });

  it('feasible points pick index floor(u * n)', () => {
    const d = { feasiblePoints: ['a', 'b', 'c'] };
    expect([0, 0.33, 0.34, 0.66, 0.67, 0.999999, 1].map((u) => mapUnitValue(d, u))).toEqual([
      'a',
      'a',
      'b',
      'b',
      'c',
      'c',
      'c',
    ]);
    expect(() => mapUnitValue(d, 1.5)).toThrow(RangeError);
  });
});

describe('Halton sampling of a search space', () => {
  const space = parseSearchSpace(ALGOPERF_SPACE);
  if (space.kind !== 'dimensions') throw new Error('expected dimensions');

  it('maps consecutive Halton points from the seeded start, reproducibly', () => {
    const a = sampleSearchSpace(space, 5, { seed: 'study-0' });
    expect(sampleSearchSpace(space, 5, { seed: 'study-0' })).toEqual(a);
    const start = haltonStart('study-0');
    expect(a).toEqual(haltonSequence(5, 4, start).map((u) => mapUnitPoint(space, u)));
    expect(sampleSearchSpace(space, 5, { seed: 'study-1' })).not.toEqual(a);
    for (const p of a) {
      expect(p.learning_rate).toBeGreaterThanOrEqual(1e-4);
      expect(p.learning_rate).toBeLessThan(1e-2);
      expect([0.02, 0.05, 0.1]).toContain(p.warmup_factor);
    }
  });

  it('an explicit start of 1 gives the first point after the all-zero corner', () => {
    const [p] = sampleSearchSpace(space, 1, { start: 1 });
    // Point 1 is (1/2, 1/3, 1/5, 1/7).
    expect(p!.learning_rate).toBeCloseTo(1e-3, 15);
    expect(p!.one_minus_beta1).toBeCloseTo(0.02 + 0.13 / 3, 15);
    expect(p!.warmup_factor).toBe(0.02); // floor(0.2 * 3) = 0
    expect(p!.label_smoothing).toBe(0); // floor(3/7) = 0
  });
});
