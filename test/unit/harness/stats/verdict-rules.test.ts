import { describe, expect, it } from 'vitest';
// Through the package's public statistics entry point (its export map), as a user would call it.
import {
  claimVerdict,
  combineLabels,
  holm,
  oneSidedP,
  pairedTTest,
  type ArmOutcomes,
  type ComparisonInput,
} from 'reprobench/stats';

/** The margin-aware verdict rules of docs/stats.md § Rules, on synthetic inputs. */
const arm = (id: string, values: number[], extra: Partial<ArmOutcomes> = {}): ArmOutcomes => ({
  id,
  repeats: values.map((_, i) => i),
  values,
  ...extra,
});
const base = [0.861, 0.855, 0.866, 0.858, 0.862, 0.857, 0.864, 0.859, 0.86, 0.863, 0.856, 0.865];
const jitter = (i: number, size: number): number => (((i * 7) % 5) - 2) * size;
const shifted = (d: number, noise = 0.0002): number[] => base.map((x, i) => x + d + jitter(i, noise));
const fixed = (method: number[], extra: Partial<ComparisonInput> = {}): ComparisonInput => ({
  method: arm('m', method),
  baseline: arm('b', base),
  workload: 'w',
  testType: 'fixed-budget',
  lowerIsBetter: false,
  margin: 0.005,
  marginUnits: 'absolute',
  ...extra,
});
const steps = (xs: number[]): ArmOutcomes =>
  arm(
    's',
    xs.map((x) => Math.round(x)),
  );
const baseSteps = [400, 420, 380, 410, 395, 430, 405, 390, 415, 400, 385, 425];
const ttt = (factor: number, extra: Partial<ComparisonInput> = {}): ComparisonInput => ({
  method: { ...steps(baseSteps.map((x, i) => x / factor + jitter(i, 1))), id: 'm' },
  baseline: { ...steps(baseSteps), id: 'b' },
  workload: 'w',
  testType: 'time-to-target',
  lowerIsBetter: true,
  budget: 2000,
  margin: 0.1,
  marginUnits: 'relative',
  ...extra,
});

describe('a significant effect inside ±δ is never reproduced', () => {
  it('fixed budget: +0.0023 against a ±0.005 margin (the ghost-bn case) is no meaningful effect, though significant against 0', () => {
    const v = claimVerdict([fixed(shifted(0.0023))], { seed: 1 });
    const c = v.comparisons[0]!;
    expect(c.test.pValue).toBeLessThan(1e-6);
    expect(c.verdict).toBe('no meaningful effect');
    expect(v.overall).toBe('no meaningful effect');
    expect(c.headline).toMatch(/^claimed better \(no size given\) · measured \+0\.002\d* \[/);
  });

  it('a CI that is significant against 0 but straddles +δ is inconclusive, with the repeats that would decide it', () => {
    const wide = base.map((x, i) => x + 0.006 + (i % 2 ? 0.004 : -0.004));
    const c = claimVerdict([fixed(wide)], { seed: 1 }).comparisons[0]!;
    expect(c.test.pValue).toBeLessThan(0.05);
    expect(c.ci[0]).toBeLessThan(0.005);
    expect(c.ci[1]).toBeGreaterThan(0.005);
    expect(c.verdict).toBe('inconclusive');
    expect(c.repeatsNeeded).not.toBeNull();
  });

  it('time to target: a 1.04× speedup inside a ±10% margin is no meaningful effect, never "smaller than claimed"', () => {
    const c = claimVerdict([ttt(1.04, { claimedMagnitude: 2 })], { seed: 2 }).comparisons[0]!;
    expect(c.estimate).toBeGreaterThan(1.02);
    expect(c.verdict).toBe('no meaningful effect');
  });
});

describe('a clear effect beyond δ that reaches M stays reproduced', () => {
  it('a 2× speedup claimed as 2×', () => {
    const v = claimVerdict([ttt(2, { claimedMagnitude: 2 })], { seed: 3 });
    expect(v.comparisons[0]!.verdict).toBe('reproduced');
    expect(v.overall).toBe('reproduced');
    expect(v.comparisons[0]!.headline).toMatch(/^claimed 2× · measured (1\.9\d|2(\.0\d)?)× \[/);
  });

  it('the same data against a claimed 3× is smaller than claimed', () => {
    expect(claimVerdict([ttt(2, { claimedMagnitude: 3 })], { seed: 3 }).comparisons[0]!.verdict).toBe(
      'smaller than claimed',
    );
  });
});

describe('three of four comparisons significantly against a claim is not "partially reproduced"', () => {
  const against = (w: string) => fixed(shifted(-0.02), { workload: w });
  it('one reproduced and three contradicted is mixed', () => {
    const v = claimVerdict([fixed(shifted(0.02)), against('w2'), against('w3'), against('w4')], { seed: 4 });
    expect(v.comparisons.map((c) => c.verdict)).toEqual(['reproduced', 'contradicted', 'contradicted', 'contradicted']);
    expect(v.overall).toBe('mixed');
    expect(v.explanation).toMatch(/^mixed: 1 reproduced, 3 contradicted of 4/);
  });

  it('three significantly worse but inside ±δ and one significantly better inside ±δ (the rex case) is no meaningful effect', () => {
    const v = claimVerdict(
      [
        fixed(shifted(0.002)),
        fixed(shifted(-0.002), { workload: 'w2' }),
        fixed(shifted(-0.0025), { workload: 'w3' }),
        fixed(shifted(-0.002), { workload: 'w4' }),
      ],
      { seed: 4 },
    );
    expect(v.comparisons.every((c) => c.test.pValue < 0.01 || c.test.pValueOpposite < 0.01)).toBe(true);
    expect(v.overall).toBe('no meaningful effect');
  });

  it('contradicted comparisons with none reproduced make the claim contradicted; the label is never hidden by a combination', () => {
    expect(combineLabels(['contradicted', 'inconclusive', 'no meaningful effect'])).toBe('contradicted');
    expect(combineLabels(['reproduced', 'inconclusive'])).toBe('partly reproduced');
    expect(combineLabels(['reproduced', 'reproduced'], 1)).toBe('partly reproduced');
    expect(combineLabels(['smaller than claimed', 'contradicted'])).toBe('mixed');
  });
});

describe('non-inferiority and superiority cards differ', () => {
  it('a difference inside ±δ: superiority says no meaningful effect, non-inferiority reproduced', () => {
    const data = shifted(0.001);
    expect(claimVerdict([fixed(data)], { seed: 5 }).overall).toBe('no meaningful effect');
    const ni = claimVerdict([fixed(data, { direction: 'non-inferior' })], { seed: 5 });
    expect(ni.overall).toBe('reproduced');
    expect(ni.comparisons[0]!.explanation).toMatch(/non-inferior/);
    expect(ni.comparisons[0]!.headline).toMatch(/^claimed no worse than −0\.005 · /);
  });

  it('worse by more than δ is contradicted either way; straddling −δ is inconclusive for non-inferiority', () => {
    const worse = shifted(-0.02);
    expect(claimVerdict([fixed(worse)], { seed: 5 }).overall).toBe('contradicted');
    expect(claimVerdict([fixed(worse, { direction: 'non-inferior' })], { seed: 5 }).overall).toBe('contradicted');
    const straddle = base.map((x, i) => x - 0.005 + (i % 2 ? 0.004 : -0.004));
    expect(claimVerdict([fixed(straddle, { direction: 'non-inferior' })], { seed: 5 }).overall).toBe('inconclusive');
  });

  it('a clear improvement beyond +δ is reproduced under both', () => {
    const better = shifted(0.02);
    expect(claimVerdict([fixed(better)], { seed: 5 }).overall).toBe('reproduced');
    expect(claimVerdict([fixed(better, { direction: 'non-inferior' })], { seed: 5 }).overall).toBe('reproduced');
  });
});

describe('the margin tests are the comparison CI inverted, Holm-adjusted over the claim', () => {
  it('a paired-t margin p equals the one-sided paired t test of the shifted data', () => {
    const data = shifted(0.007, 0.001);
    const c = claimVerdict([fixed(data)], { seed: 6 }).comparisons[0]!;
    const direct = pairedTTest(
      data.map((x) => x - 0.005),
      base,
      { alternative: 'greater' },
    ).pValue;
    expect(c.margins!.beyondPlus.pValue).toBeCloseTo(direct, 8);
    const inside = Math.max(
      pairedTTest(
        data.map((x) => x + 0.005),
        base,
        { alternative: 'greater' },
      ).pValue,
      pairedTTest(
        data.map((x) => x - 0.005),
        base,
        { alternative: 'less' },
      ).pValue,
    );
    expect(c.margins!.inside.pValue).toBeCloseTo(inside, 8);
  });

  it('each statement is adjusted by Holm over the comparisons', () => {
    const v = claimVerdict(
      [
        fixed(shifted(0.007, 0.002)),
        fixed(shifted(0.006, 0.002), { workload: 'w2' }),
        fixed(shifted(0.0, 0.002), { workload: 'w3' }),
      ],
      { seed: 7 },
    );
    const raw = v.comparisons.map((c) => c.margins!.beyondPlus.pValue);
    expect(v.comparisons.map((c) => c.margins!.beyondPlus.adjustedPValue)).toEqual(holm(raw));
  });

  it('oneSidedP inverts an interval family: p < α exactly when the (1 − 2α) CI clears the threshold', () => {
    const family = {
      ciAt: (conf: number): [number, number] => {
        const h = 1.5 * (conf / 0.95);
        return [2 - h, 2 + h];
      },
      minP: 0,
    };
    for (const t of [0, 0.2, 0.5, 1, 1.9, 2, 2.5, 4]) {
      const p = oneSidedP(family, t, 'above');
      const [lo] = family.ciAt(1 - 2 * 0.05);
      expect(p < 0.05).toBe(lo > t);
      expect(p + oneSidedP(family, t, 'below')).toBeCloseTo(1, 6);
    }
  });
});

describe('time to target when most seeds never reach the target', () => {
  // 12 seeds each, 2 reached per arm (the hard-batches pattern): the rest are censored at the budget.
  const capped = (reachedAt: number[]): ArmOutcomes => ({
    ...arm('x', [...reachedAt, ...Array.from({ length: 12 - reachedAt.length }, () => 1200)]),
    events: [...reachedAt.map(() => true), ...Array.from({ length: 12 - reachedAt.length }, () => false)],
  });
  const input = (extra: Partial<ComparisonInput> = {}): ComparisonInput => ({
    method: { ...capped([1065, 1150]), id: 'm' },
    baseline: { ...capped([1100, 1120]), id: 'b' },
    workload: 'w',
    testType: 'time-to-target',
    lowerIsBetter: true,
    budget: 1200,
    margin: 0.1,
    marginUnits: 'relative',
    ...extra,
  });

  it('a ratio near 1 that the cap forces is inconclusive, not "no meaningful effect", and says why', () => {
    const c = claimVerdict([input()], { seed: 3 }).comparisons[0]!;
    expect(c.estimand).toMatch(/^restricted-mean ratio/);
    // Without the guard the equivalence test would pass: the CI lies well inside ±10%.
    expect(c.equivalenceCi[0]).toBeGreaterThan(1 / 1.1);
    expect(c.equivalenceCi[1]).toBeLessThan(1.1);
    expect(c.verdict).toBe('inconclusive');
    expect(c.explanation).toContain('neither arm reached the target in half its seeds (method 2/12, baseline 2/12)');
  });

  it('non-inferiority is not shown by capped times either', () => {
    expect(claimVerdict([input({ direction: 'non-inferior' })], { seed: 3 }).comparisons[0]!.verdict).toBe(
      'inconclusive',
    );
  });

  it('one arm reaching in most seeds still decides: the cap only shrinks the speedup', () => {
    const fast = { ...arm('m', [500, 520, 480, 510, 495, 530, 505, 490, 515, 500, 485, 525]), id: 'm' };
    expect(claimVerdict([input({ method: fast })], { seed: 3 }).comparisons[0]!.verdict).toBe('reproduced');
  });
});

describe('the repeats that would decide a paired speedup', () => {
  it('are never fewer than the sign-flip floor allows: 5 paired seeds cannot reach Holm p < 0.05 over two comparisons', () => {
    const five = (factor: number): ComparisonInput => ({
      method: { ...steps(baseSteps.slice(0, 5).map((x, i) => x / factor + jitter(i, 20))), id: 'm' },
      baseline: { ...steps(baseSteps.slice(0, 5)), id: 'b' },
      workload: 'w',
      testType: 'time-to-target',
      lowerIsBetter: true,
      budget: 2000,
      margin: 0.1,
      marginUnits: 'relative',
      claimedMagnitude: 2,
    });
    const v = claimVerdict([five(1.4), { ...five(1.15), workload: 'w2' }], { seed: 5 });
    const c = v.comparisons[0]!;
    // The CI clears +δ = 1.1, but 2^−5 × 2 (Holm) = 0.0625: undecidable with 5 seeds.
    expect(c.ci[0]).toBeGreaterThan(1.1);
    expect(c.margins!.beyondPlus.adjustedPValue).toBeGreaterThanOrEqual(0.0625);
    expect(c.verdict).toBe('inconclusive');
    expect(c.repeatsNeeded).toBeGreaterThanOrEqual(6); // ⌈log2(2 / 0.05)⌉
  });
});
