import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreSubmissions } from '../../../../harness/scoring/score.js';
import { linspace } from '../../../../harness/scoring/profile.js';
import type { ScoringSubmission } from '../../../../harness/scoring/types.js';
import { submission, workload } from './pools.js';

const score = (pool: ScoringSubmission[], extra: Partial<Parameters<typeof scoreSubmissions>[1]> = {}) =>
  scoreSubmissions(pool, { ruleset: 'external', ...extra });

describe('performance profile grid', () => {
  it('is numpy.linspace(1, 4, 100)', () => {
    const t = linspace(1, 4, 100);
    expect(t).toHaveLength(100);
    expect(t[0]).toBe(1);
    expect(t[99]).toBe(4);
    expect(t[1]).toBeCloseTo(1 + 3 / 99, 15);
  });
});

describe('benchmark score on hand-built pools', () => {
  it('a single submission is the fastest wherever it reaches the target', () => {
    const all = score([submission('solo', { w1: 100, w2: 5000 })]);
    expect(all.ratios.solo).toEqual({ w1: 1, w2: 1 });
    expect(all.scores.solo).toBeCloseTo(1, 12);
    const half = score([submission('solo', { w1: 100, w2: null })]);
    expect(half.scores.solo).toBeCloseTo(0.5, 12);
    expect(half.profile.rho.solo!.every((r) => r === 0.5)).toBe(true);
  });

  it('ties share r = 1 and the same score', () => {
    const r = score([
      submission('a', { w1: 100, w2: 300 }),
      submission('b', { w1: 100, w2: 300 }),
      submission('c', { w1: 250, w2: 750 }),
    ]);
    expect(r.ratios.a).toEqual({ w1: 1, w2: 1 });
    expect(r.ratios.b).toEqual({ w1: 1, w2: 1 });
    expect(r.scores.a).toBeCloseTo(1, 12);
    expect(r.scores.b).toBeCloseTo(1, 12);
    // r = 2.5 on both: ρ = 1 from τ_50 = 1 + 50·3/99 on; area 49.5 intervals of 3/99 → 1.5, / 3 = 0.5.
    expect(r.ratios.c).toEqual({ w1: 2.5, w2: 2.5 });
    expect(r.scores.c).toBeCloseTo(0.5, 12);
  });

  it('a workload nobody reaches counts against everyone and has r = Infinity', () => {
    const r = score([submission('a', { w1: 100, w2: null }), submission('b', { w1: 250, w2: null })]);
    expect(r.workloadTimes.a!.w2!.value).toBe(Infinity);
    expect(r.ratios.a!.w2).toBe(Infinity);
    expect(r.ratios.b!.w2).toBe(Infinity);
    expect(r.scores.a).toBeCloseTo(0.5, 12);
    expect(r.scores.b).toBeCloseTo(0.25, 12);
  });

  it('a workload missing from a submission is not reached, and the divisor stays the number of base workloads', () => {
    const r = score([submission('a', { w1: 100, w2: 100 }), submission('b', { w1: 100 })]);
    expect(r.workloadTimes.b!.w2).toMatchObject({ value: Infinity, missing: true });
    expect(r.scores.b).toBeCloseTo(0.5, 12);
    expect(r.warnings).toContain('b: no results for w2 (counted as not reached)');
  });

  it('r exactly 4 counts (at τ = 4 only); r just above 4 counts as infinite', () => {
    const at = score([submission('fast', { w: 100 }), submission('slow', { w: 400 })]);
    expect(at.ratios.slow!.w).toBe(4);
    expect(at.profile.rho.slow!.slice(0, 99).every((x) => x === 0)).toBe(true);
    expect(at.profile.rho.slow![99]).toBe(1);
    expect(at.scores.slow).toBeCloseTo(1 / 198, 15); // half of the last interval (3/99) / 3
    const above = score([submission('fast', { w: 100 }), submission('slow', { w: 400.0001 })]);
    expect(above.scoredTimes.slow!.w).toBe(Infinity);
    expect(above.scores.slow).toBe(0);
    expect(above.notes).toContainEqual(
      expect.objectContaining({ submission: 'slow', workload: 'w', rule: 'beyond-max-ratio' }),
    );
  });

  it("external tuning feeds the median over studies of each study's fastest trial into the profile", () => {
    const a: ScoringSubmission = {
      name: 'a',
      workloads: {
        w: workload([
          [300, 100, null],
          [null, null, null],
          [200, 900, 250],
        ]),
      },
    };
    const b: ScoringSubmission = { name: 'b', workloads: { w: workload([[150], [160], [170]]) } };
    const r = score([a, b]);
    expect(r.workloadTimes.a!.w!.value).toBe(200); // median(100, Infinity, 200)
    expect(r.workloadTimes.b!.w!.value).toBe(160);
    expect(r.ratios.a!.w).toBe(1.25);
    expect(r.ratios.b!.w).toBe(1);
  });

  it('ρ is a non-decreasing fraction and the score lies in [0, 1]; the fastest everywhere scores 1', () => {
    const time = fc.option(fc.integer({ min: 1, max: 2000 }), { nil: null });
    const pools = fc
      .integer({ min: 1, max: 6 })
      .chain((nw) => fc.array(fc.array(time, { minLength: nw, maxLength: nw }), { minLength: 1, maxLength: 5 }));
    fc.assert(
      fc.property(pools, (rows) => {
        const pool = rows.map((ts, i) => submission(`s${i}`, Object.fromEntries(ts.map((t, k) => [`w${k}`, t]))));
        const r = score(pool);
        for (const rho of Object.values(r.profile.rho)) {
          for (let i = 1; i < rho.length; i++) expect(rho[i]!).toBeGreaterThanOrEqual(rho[i - 1]!);
          expect(rho[0]!).toBeGreaterThanOrEqual(0);
          expect(rho[rho.length - 1]!).toBeLessThanOrEqual(1);
        }
        for (const [s, v] of Object.entries(r.scores)) {
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(1 + 1e-12);
          const row = rows[Number(s.slice(1))]!;
          const bestEverywhere = row.every((t, k) => t !== null && rows.every((o) => o[k] === null || o[k]! >= t));
          if (bestEverywhere) expect(v).toBeCloseTo(1, 12);
        }
      }),
      { numRuns: 200, seed: 20261127 },
    );
  });
});

describe('v0.5 held-out-variant rule', () => {
  const opts = { baseWorkloads: ['a', 'b'], heldOutWorkloads: ['a_var'] };

  it('a held-out variant not reached disqualifies its base; r is then taken against the fastest remaining', () => {
    const pool = [submission('A', { a: 100, a_var: null, b: 100 }), submission('B', { a: 150, a_var: 100, b: 100 })];
    const r = score(pool, opts);
    expect(r.heldOut).toEqual([{ workload: 'a_var', base: 'a' }]);
    expect(r.scoredTimes.A).toEqual({ a: Infinity, b: 100 });
    expect(r.ratios.B).toEqual({ a: 1, b: 1 }); // 150 is now the fastest on a
    expect(r.scores.A).toBeCloseTo(0.5, 12);
    expect(r.scores.B).toBeCloseTo(1, 12);
    expect(r.notes).toContainEqual(
      expect.objectContaining({ submission: 'A', workload: 'a', rule: 'base-needs-held-out' }),
    );
    const off = score(pool, { ...opts, heldOutRule: false });
    expect(off.heldOut).toEqual([]);
    expect(off.scores.A).toBeCloseTo(1, 12);
  });

  it('a variant whose base was not reached is ignored before the 4× rule on variants', () => {
    // Without the first step A's 10 s on a_var would push B's 100 s past 4× and disqualify B on a.
    const r = score(
      [submission('A', { a: null, a_var: 10, b: 100 }), submission('B', { a: 100, a_var: 100, b: 100 })],
      opts,
    );
    expect(r.scoredTimes.B).toEqual({ a: 100, b: 100 });
    expect(r.scores.B).toBeCloseTo(1, 12);
    expect(r.notes).toContainEqual(
      expect.objectContaining({ submission: 'A', workload: 'a_var', rule: 'held-out-needs-base' }),
    );
  });

  it('a variant more than 4× slower than the fastest variant disqualifies the base', () => {
    const r = score([submission('A', { a: 100, a_var: 100 }), submission('B', { a: 110, a_var: 401 })], {
      baseWorkloads: ['a'],
      heldOutWorkloads: ['a_var'],
    });
    expect(r.scoredTimes.B).toEqual({ a: Infinity });
    expect(r.scores.B).toBe(0);
  });

  it('is on for v0.5 by default with its six variants, and v0.6 has none', () => {
    const pool = [submission('A', { fastmri: 100, fastmri_tanh: null })];
    const v05 = score(pool, { version: '0.5' });
    expect(v05.heldOut).toHaveLength(6);
    expect(v05.heldOut).toContainEqual({ workload: 'imagenet_resnet_large_bn_init', base: 'imagenet_resnet' });
    expect(v05.scoredTimes.A!.fastmri).toBe(Infinity);
    const v06 = score(pool, { version: '0.6' });
    expect(v06.heldOut).toEqual([]);
    expect(v06.baseWorkloads).toHaveLength(8);
    expect(v06.scoredTimes.A!.fastmri).toBe(100);
    expect(v06.scores.A).toBeCloseTo(1 / 8, 12);
    expect(score(pool, { version: '0.5', heldOutRule: false }).scoredTimes.A!.fastmri).toBe(100);
  });
});

describe('geometric-mean speedup against a reference', () => {
  it('replaces Infinity by budget + 1 s and takes the geometric mean of time ratios', () => {
    const pool = [submission('ref', { w1: 100, w2: null }, 1000), submission('m', { w1: 50, w2: 500 }, 1000)];
    const r = score(pool, { reference: 'ref' });
    const s = r.speedups!.m!;
    expect(s.rows).toEqual([
      { workload: 'w1', method: 50, reference: 100, timeRatio: 0.5 },
      { workload: 'w2', method: 500, reference: 1001, timeRatio: 500 / 1001 },
    ]);
    expect(s.timeRatio).toBeCloseTo(Math.sqrt(0.5 * (500 / 1001)), 14);
    expect(s.speedup).toBeCloseTo(1 / s.timeRatio, 14);
    expect(r.speedups!.ref!.timeRatio).toBe(1);
  });

  it('takes budgets from the version when the results carry none (self-tuning: 3× in v0.5)', () => {
    const r = score([submission('ref', { criteo1tb: null }), submission('m', { criteo1tb: 7703 })], {
      version: '0.5',
      ruleset: 'self',
      baseWorkloads: ['criteo1tb'],
      reference: 'ref',
    });
    expect(r.speedups!.m!.rows[0]!.reference).toBe(3 * 7703 + 1);
  });
});

describe('bad pools fail with E_SCORING_INPUT', () => {
  it.each([
    ['an empty pool', () => score([]), /pool is empty/],
    [
      'duplicate names',
      () => score([submission('a', { w: 1 }), submission('a', { w: 2 })]),
      /two submissions are named "a"/,
    ],
    [
      'an unknown reference',
      () => score([submission('a', { w: 1 })], { reference: 'zz' }),
      /reference "zz" is not in the pool/,
    ],
    [
      'a held-out name without a base',
      () => score([submission('a', { w: 1 })], { baseWorkloads: ['w'], heldOutWorkloads: ['x_var'] }),
      /x_var is not a variant/,
    ],
    [
      'different targets on one workload',
      () => {
        const b = submission('b', { w: 1 });
        b.workloads.w!.target = { ...b.workloads.w!.target, value: 0.8 };
        return score([submission('a', { w: 1 }), b]);
      },
      /workload w has target "validation\/accuracy >= 0.9" in a but "validation\/accuracy >= 0.8" in b/,
    ],
  ])('%s', (_, f, message) => {
    expect(f).toThrow(expect.objectContaining({ code: 'E_SCORING_INPUT', message: expect.stringMatching(message) }));
  });

  it("warns (as AlgoPerf does) when study or trial counts differ from the version's rules", () => {
    const r = score([submission('a', { criteo1tb: 1 })], { version: '0.6', baseWorkloads: ['criteo1tb'] });
    expect(r.warnings).toEqual([
      'a: criteo1tb has 1 studies, the rules ask for 3',
      'a: criteo1tb study 0 has 1 trials, the rules ask for 5',
    ]);
  });
});
