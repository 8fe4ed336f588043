import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bootstrapIndicesCI } from '../../../../harness/stats/bootstrap.js';
import { createRng } from '../../../../harness/stats/rng.js';
import {
  kaplanMeierMedian,
  smoothedSpeedupInterval,
  speedupCiAt,
  type SpeedupDraws,
  type SurvivalSample,
} from '../../../../harness/stats/speedup-interval.js';
import { kaplanMeier } from '../../../../harness/stats/survival.js';
import { expectClose, expectCode } from './fixtures.js';

interface Case {
  name: string;
  method: SurvivalSample;
  baseline: SurvivalSample;
  budget: number;
  paired: boolean;
  center: 'median' | 'restricted-mean';
  confidences: number[];
  draws: SpeedupDraws;
  expected: {
    estimate: number;
    intervals: Array<[number, number]>;
    kernelCorrelation: number;
    bandwidth: [number, number];
  };
}

const doc = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../../fixtures/stats/speedup-interval.json', import.meta.url)), 'utf8'),
) as { cases: Case[] };

describe('smoothedSpeedupInterval', () => {
  it.each(doc.cases.map((c) => [c.name, c]))(
    'matches the independent numpy/statsmodels implementation: %s',
    (_name, c) => {
      const r = smoothedSpeedupInterval(c.method, c.baseline, {
        budget: c.budget,
        center: c.center,
        paired: c.paired,
        confidences: c.confidences,
        draws: c.draws,
      });
      expectClose(r.estimate, c.expected.estimate, 1e-12, 'estimate');
      expectClose(r.kernelCorrelation, c.expected.kernelCorrelation, 1e-9, 'kernel correlation');
      r.bandwidth.forEach((h, k) => expectClose(h, c.expected.bandwidth[k]!, 1e-12, 'bandwidth'));
      r.intervals.forEach((ci, k) => {
        expectClose(ci[0], c.expected.intervals[k]![0], 1e-9, `${c.confidences[k]} lower`);
        expectClose(ci[1], c.expected.intervals[k]![1], 1e-9, `${c.confidences[k]} upper`);
      });
      expect(r.seed).toBeNull();
    },
  );

  const m = { values: [450, 475, 425, 500, 450, 450, 475, 400], events: Array(8).fill(true) as boolean[] };
  const b = { values: [575, 600, 550, 650, 600, 625, 575, 525], events: Array(8).fill(true) as boolean[] };

  it('is reproducible from its seed, nests the 90% interval in the 95% one, and brackets the estimate', () => {
    const o = {
      budget: 1000,
      center: 'median' as const,
      paired: true,
      confidences: [0.95, 0.9],
      seed: 7,
      resamples: 500,
    };
    const r = smoothedSpeedupInterval(m, b, o);
    expect(smoothedSpeedupInterval(m, b, o)).toEqual(r);
    const [ci95, ci90] = r.intervals as [[number, number], [number, number]];
    expect(ci95[0]).toBeLessThanOrEqual(ci90[0]);
    expect(ci95[1]).toBeGreaterThanOrEqual(ci90[1]);
    expect(ci95[0]).toBeLessThan(r.estimate);
    expect(ci95[1]).toBeGreaterThan(r.estimate);
    expect(r.seed).toBe(7);
    // Any other level comes from the same resamples (the verdict rules invert the family for p-values).
    expect(speedupCiAt(r, 0.95)).toEqual(ci95);
    const ci80 = speedupCiAt(r, 0.8);
    expect(ci80[0]).toBeGreaterThanOrEqual(ci90[0]);
    expect(ci80[1]).toBeLessThanOrEqual(ci90[1]);
    expect(r.sorted).toHaveLength(500);
    expect(smoothedSpeedupInterval(m, b, { ...o, seed: 8 }).intervals[0]).not.toEqual(ci95);
  });

  it('keeps the estimate inside the interval where a plain bootstrap puts it on the edge (ties on a lattice)', () => {
    const flat = { values: [450, 450, 450, 450, 450, 450], events: Array(6).fill(true) as boolean[] };
    const base = { values: [600, 600, 600, 600, 600, 625], events: Array(6).fill(true) as boolean[] };
    const plain = bootstrapIndicesCI(
      [6],
      (idx) =>
        kaplanMeierMedian(
          idx[0]!.map((i) => base.values[i]!),
          base.events,
        )! / 450,
      { seed: 1, resamples: 1000, method: 'percentile' },
    );
    expect(plain.lower).toBe(600 / 450);
    const r = smoothedSpeedupInterval(flat, base, {
      budget: 1000,
      center: 'median',
      paired: true,
      confidences: [0.95],
      seed: 1,
      resamples: 1000,
    });
    expect(r.estimate).toBe(600 / 450);
    // The method arm has no spread, so it is not jittered and the kernels are uncorrelated.
    expect(r.kernelCorrelation).toBe(0);
    const [lo, hi] = r.intervals[0]!;
    expect(lo).toBeLessThan(r.estimate);
    expect(hi).toBeGreaterThan(r.estimate);
  });

  it('keeps censored trials censored and censors jittered times beyond the budget', () => {
    const mc = { values: [300, 320, 600, 340, 310], events: [true, true, false, true, true] };
    const bc = { values: [500, 600, 600, 590, 450], events: [true, false, false, true, true] };
    const r = smoothedSpeedupInterval(mc, bc, {
      budget: 600,
      center: 'median',
      paired: true,
      confidences: [0.95],
      seed: 3,
      resamples: 400,
    });
    // The baseline's median is 590; no resample can put it beyond the budget.
    expect(r.intervals[0]![1]).toBeLessThanOrEqual(600 / 290);
    expect(r.estimate).toBeCloseTo(590 / 320, 12);
  });

  it('rejects bad input with stable codes', () => {
    const o = { budget: 1000, center: 'median' as const, paired: true, confidences: [0.95], seed: 1, resamples: 100 };
    expectCode(() => smoothedSpeedupInterval({ values: [1], events: [true] }, b, o), 'E_STATS_INPUT');
    expectCode(() => smoothedSpeedupInterval(m, { values: [1, 2, 3], events: [true, true, true] }, o), 'E_STATS_INPUT');
    expectCode(() => smoothedSpeedupInterval(m, b, { ...o, budget: 0 }), 'E_STATS_INPUT');
    expectCode(() => smoothedSpeedupInterval(m, b, { ...o, seed: undefined }), 'E_STATS_INPUT');
    expectCode(() => smoothedSpeedupInterval(m, b, { ...o, confidences: [1.5] }), 'E_STATS_INPUT');
    expectCode(
      () => smoothedSpeedupInterval(m, b, { ...o, draws: { indices: [[[0, 1]], [[0, 1]]], normals: [[0], [0]] } }),
      'E_STATS_INPUT',
    );
  });
});

describe('kaplanMeierMedian', () => {
  it('equals kaplanMeier().median on random samples with ties and censoring', () => {
    const rng = createRng(11);
    for (let k = 0; k < 400; k++) {
      const n = 1 + rng.int(12);
      const times = Array.from({ length: n }, () => 10 * (1 + rng.int(8)));
      const events = times.map(() => rng.float() < 0.75);
      expect(kaplanMeierMedian(times, events), JSON.stringify({ times, events })).toBe(
        kaplanMeier(times, events).median,
      );
    }
  });
});
