import { describe, expect, it } from 'vitest';
import { claimVerdict } from '../../../../harness/stats/verdict-claim.js';
import type { ArmOutcomes, ComparisonInput } from '../../../../harness/stats/claim-input.js';
import { pairedTTest } from '../../../../harness/stats/paired-t.js';
import { holm } from '../../../../harness/stats/multiple.js';
import { wilcoxonSignedRank } from '../../../../harness/stats/wilcoxon.js';
import { expectCode } from './fixtures.js';

const arm = (id: string, values: number[], extra: Partial<ArmOutcomes> = {}): ArmOutcomes => ({
  id,
  repeats: values.map((_, i) => i),
  values,
  ...extra,
});

/** Every number reachable in a verdict must be a number or ±Infinity, never NaN. */
function noNaN(x: unknown, path = 'verdict'): void {
  if (typeof x === 'number') expect(Number.isNaN(x), path).toBe(false);
  else if (Array.isArray(x)) x.forEach((v, i) => noNaN(v, `${path}[${i}]`));
  else if (x && typeof x === 'object') for (const [k, v] of Object.entries(x)) noNaN(v, `${path}.${k}`);
}

const base = [0.801, 0.812, 0.795, 0.82, 0.808, 0.799, 0.815, 0.805];
const fixed = (method: number[], extra: Partial<ComparisonInput> = {}): ComparisonInput => ({
  method: arm('adan', method),
  baseline: arm('adamw', base),
  workload: 'fashion-mnist',
  testType: 'fixed-budget',
  lowerIsBetter: false,
  margin: 0.005,
  marginUnits: 'absolute',
  ...extra,
});

describe('claimVerdict — fixed budget', () => {
  const better = base.map((x, i) => x + 0.02 + (i % 3) * 0.002);

  it('reproduced: paired t significant; numbers match pairedTTest', () => {
    const v = claimVerdict([fixed(better)], { seed: 1 });
    const c = v.comparisons[0]!;
    const t = pairedTTest(better, base, { confidence: 0.95 });
    expect(v.overall).toBe('reproduced');
    expect(c.verdict).toBe('reproduced');
    expect(c.paired).toBe(true);
    expect(c.estimate).toBeCloseTo(t.estimate, 12);
    expect(c.ci[0]).toBeCloseTo(t.ci[0], 12);
    expect(c.test.pValue).toBeCloseTo(pairedTTest(better, base, { alternative: 'greater' }).pValue, 12);
    expect(c.n).toEqual({ method: 8, baseline: 8 });
    expect(c.explanation).toMatch(/fashion-mnist: adan vs adamw reproduced/);
    expect(c.repeatsNeeded).toBeNull();
    noNaN(v);
  });

  it('smaller than claimed when the CI clears the margin but the whole CI falls short of the claimed magnitude', () => {
    const v = claimVerdict([fixed(better, { claimedMagnitude: 0.1 })], { seed: 1 });
    expect(v.comparisons[0]!.verdict).toBe('smaller than claimed');
    expect(v.overall).toBe('smaller than claimed');
    expect(v.comparisons[0]!.claimedMagnitude).toBe(0.1);
    expect(claimVerdict([fixed(better, { claimedMagnitude: 0.02 })], { seed: 1 }).comparisons[0]!.verdict).toBe(
      'reproduced',
    );
  });

  it('relative units scale margin and M by the baseline mean; lowerIsBetter flips the direction', () => {
    const v = claimVerdict([fixed(better, { marginUnits: 'relative', margin: 0.01, claimedMagnitude: 0.5 })], {
      seed: 1,
    });
    const mean = base.reduce((s, x) => s + x, 0) / base.length;
    expect(v.comparisons[0]!.equivalenceBounds[1]).toBeCloseTo(0.01 * mean, 12);
    expect(v.comparisons[0]!.claimedMagnitude).toBeCloseTo(0.5 * mean, 12);
    const loss = claimVerdict([fixed(better, { lowerIsBetter: true })], { seed: 1 });
    expect(loss.comparisons[0]!.verdict).toBe('contradicted');
    expect(loss.comparisons[0]!.explanation).toMatch(/worse than −δ/);
  });

  it('no meaningful effect by equivalence (TOST inside ±δ), including identical arms', () => {
    const same = base.map((x, i) => x + (i % 2 ? 0.0004 : -0.0004));
    const v = claimVerdict([fixed(same)], { seed: 1 });
    expect(v.comparisons[0]!.verdict).toBe('no meaningful effect');
    expect(v.comparisons[0]!.equivalent).toBe(true);
    expect(v.comparisons[0]!.explanation).toMatch(/TOST/);
    const identical = claimVerdict([fixed(base.slice())], { seed: 1 });
    expect(identical.comparisons[0]!.verdict).toBe('no meaningful effect');
    noNaN(identical);
  });

  it('inconclusive carries the repeats per arm a decision would need', () => {
    const noisy = [0.8, 0.83, 0.78, 0.84, 0.79, 0.82, 0.81, 0.8];
    const v = claimVerdict([fixed(noisy, { margin: 0.002 })], { seed: 1 });
    const c = v.comparisons[0]!;
    expect(c.verdict).toBe('inconclusive');
    expect(c.repeatsNeeded).toBeGreaterThan(8);
    expect(v.repeatsNeeded).toBe(c.repeatsNeeded);
    expect(v.explanation).toMatch(/repeats per arm/);
  });

  it('diverged runs are dropped outside time-to-target and counted; unpaired arms use Welch', () => {
    const m = arm('adan', [...better.slice(0, 7), NaN], {
      diverged: [false, false, false, false, false, false, false, true],
    });
    const v = claimVerdict([{ ...fixed(better), method: m }], { seed: 1 });
    const c = v.comparisons[0]!;
    expect(c.diverged).toEqual({ method: 1, baseline: 0 });
    expect(c.n.method).toBe(7);
    expect(c.paired).toBe(false);
    expect(c.ciMethod).toBe('Welch t');
  });
});

describe('claimVerdict — time-to-target, predictor, phenomenon', () => {
  const budget = 2000;
  it('speedup = KM median ratio with a paired bootstrap CI and a one-sided log-rank', () => {
    const baseline = arm('adamw', [1000, 1100, 1200, 1050, 1300, 2000, 1150, 1250], {
      events: [true, true, true, true, true, false, true, true],
    });
    const method = arm('adan', [600, 650, 700, 640, 720, 800, 610, 690], {
      diverged: [false, false, false, false, false, false, false, false],
    });
    const v = claimVerdict(
      [
        {
          method,
          baseline,
          workload: 'mnist',
          testType: 'time-to-target',
          lowerIsBetter: true,
          budget,
          margin: 0.1,
          marginUnits: 'relative',
          claimedMagnitude: 1.7,
        },
      ],
      { seed: 3 },
    );
    const c = v.comparisons[0]!;
    expect(c.verdict).toBe('reproduced');
    expect(c.estimand).toMatch(/KM median/);
    expect(c.estimate).toBeCloseTo(1175 / 670, 12);
    expect(c.ci[0]).toBeLessThan(c.estimate);
    expect(c.ci[1]).toBeGreaterThan(c.estimate);
    expect(c.censored).toEqual({ method: 0, baseline: 1 });
    expect(c.test.name).toMatch(/log-rank/);
    noNaN(v);
  });

  it('falls back to the restricted-mean ratio when a median is undefined; diverged runs are censored at the budget', () => {
    const baseline = arm('adamw', [2000, 2000, 1500, 2000, 2000, 1800], {
      events: [false, false, true, false, false, true],
    });
    const method = arm('adan', [900, 2000, 1000, 950, 1200, 1100], {
      events: [true, true, true, true, true, true],
      diverged: [false, true, false, false, false, false],
    });
    const v = claimVerdict(
      [
        {
          method,
          baseline,
          workload: 'mnist',
          testType: 'time-to-target',
          lowerIsBetter: true,
          budget,
          margin: 0.1,
          marginUnits: 'relative',
        },
      ],
      { seed: 3 },
    );
    const c = v.comparisons[0]!;
    expect(c.estimand).toMatch(/restricted-mean/);
    expect(c.diverged.method).toBe(1);
    expect(c.censored.method).toBe(1);
    expect(c.estimate).toBeGreaterThan(1);
    noNaN(v);
  });

  it('predictor: error ratio with a one-sided Wilcoxon signed-rank on paired curves', () => {
    const baseline = arm('last-value', [0.2, 0.25, 0.22, 0.3, 0.28, 0.24, 0.26, 0.21, 0.27, 0.23]);
    const method = arm('power-law', [0.1, 0.12, 0.11, 0.16, 0.13, 0.12, 0.14, 0.1, 0.12, 0.11]);
    const v = claimVerdict(
      [
        {
          method,
          baseline,
          workload: 'curves',
          testType: 'predictor',
          lowerIsBetter: true,
          margin: 0.1,
          marginUnits: 'relative',
          claimedMagnitude: 0.5,
        },
      ],
      { seed: 5 },
    );
    const c = v.comparisons[0]!;
    expect(c.effectName).toBe('error ratio');
    expect(c.test.name).toMatch(/Wilcoxon/);
    expect(c.test.pValue).toBeCloseTo(
      wilcoxonSignedRank(method.values, baseline.values, { alternative: 'less' }).pValue,
      12,
    );
    expect(c.test.pValue).toBeLessThan(0.01);
    expect(c.verdict).toBe('reproduced');
  });

  it('predictor: a clear effect on 2 seeds is inconclusive, and the repeats it asks for can reach significance', () => {
    const baseline = arm('last-value', [0.2, 0.25]);
    const method = arm('power-law', [0.1, 0.12]);
    const c = claimVerdict(
      [
        {
          method,
          baseline,
          workload: 'curves',
          testType: 'predictor',
          lowerIsBetter: true,
          margin: 0.1,
          marginUnits: 'relative',
        },
      ],
      { seed: 5 },
    ).comparisons[0]!;
    expect(c.verdict).toBe('inconclusive');
    // The exact signed-rank test's smallest one-sided p with n pairs is 2^-n: n = 5 is the first below 0.05.
    expect(c.repeatsNeeded).toBeGreaterThanOrEqual(5);
    expect(c.explanation).toMatch(/about \d+ repeats per arm/);
  });

  it('phenomenon: the statistic against its null region', () => {
    const grok = arm('grokking', [850, 920, 1010, 880, 960, 905]);
    const yes = claimVerdict(
      [
        {
          method: grok,
          workload: 'modular',
          testType: 'phenomenon',
          lowerIsBetter: false,
          margin: 1,
          marginUnits: 'absolute',
          nullRegion: [-100, 100],
        },
      ],
      { seed: 1 },
    );
    expect(yes.comparisons[0]!.verdict).toBe('reproduced');
    expect(yes.comparisons[0]!.baselineId).toBeNull();
    // One arm: the counts name the method's seeds only, not a "/0" baseline.
    expect(yes.comparisons[0]!.explanation).toMatch(/\(n 6\)$/);
    const none = arm('grokking', [3, -5, 2, 0, 4, -1, 1, -2]);
    const no = claimVerdict(
      [
        {
          method: none,
          workload: 'modular',
          testType: 'phenomenon',
          lowerIsBetter: false,
          margin: 1,
          marginUnits: 'absolute',
          nullRegion: [-100, 100],
        },
      ],
      { seed: 1 },
    );
    expect(no.comparisons[0]!.verdict).toBe('no meaningful effect');
  });
});

describe('claimVerdict — family, overall, errors', () => {
  it('applies Holm over the claim and combines verdicts', () => {
    const good = base.map((x) => x + 0.03);
    const weak = base.map((x, i) => x + (i % 2 ? 0.012 : -0.008));
    const v = claimVerdict([fixed(good), fixed(weak, { workload: 'cifar' })], { seed: 9 });
    const raw = v.comparisons.map((c) => c.test.pValue);
    expect(v.comparisons.map((c) => c.test.adjustedPValue)).toEqual(holm(raw));
    expect(v.comparisons.map((c) => c.verdict)).toEqual(['reproduced', 'inconclusive']);
    expect(v.overall).toBe('partly reproduced');
    expect(v.explanation).toMatch(/1 reproduced, 1 inconclusive of 2 comparison/);
  });

  it('is deterministic for a seed', () => {
    const baseline = arm('adamw', [1000, 1100, 1200, 1050, 1300, 1150]);
    const method = arm('adan', [900, 1000, 1250, 980, 1100, 1000]);
    const input: ComparisonInput[] = [
      {
        method,
        baseline,
        workload: 'm',
        testType: 'time-to-target',
        lowerIsBetter: true,
        budget: 2000,
        margin: 0.1,
        marginUnits: 'relative',
      },
    ];
    expect(claimVerdict(input, { seed: 4 })).toEqual(claimVerdict(input, { seed: 4 }));
  });

  it('rejects unusable input with coded errors', () => {
    const good = fixed(base.map((x) => x + 0.03));
    expectCode(() => claimVerdict([], { seed: 1 }), 'E_STATS_INPUT');
    expectCode(() => claimVerdict([good], { seed: 1.5 }), 'E_STATS_INPUT');
    expectCode(() => claimVerdict([good], { seed: 1, alpha: 0.7 }), 'E_STATS_INPUT');
    expectCode(
      () => claimVerdict([{ ...good, testType: 'time-to-target', marginUnits: 'relative' }], { seed: 1 }),
      'E_STATS_INPUT',
    );
    expectCode(
      () => claimVerdict([{ ...good, testType: 'time-to-target', budget: 10, marginUnits: 'absolute' }], { seed: 1 }),
      'E_STATS_INPUT',
    );
    expectCode(() => claimVerdict([{ ...good, method: arm('x', [0.9]) }], { seed: 1 }), 'E_STATS_INPUT');
    expectCode(() => claimVerdict([{ ...good, method: arm('x', [0.9, NaN]) }], { seed: 1 }), 'E_STATS_INPUT');
    expectCode(() => claimVerdict([{ ...good, margin: 0 }], { seed: 1 }), 'E_STATS_INPUT');
    expectCode(() => claimVerdict([{ ...good, baseline: undefined }], { seed: 1 }), 'E_STATS_INPUT');
    expectCode(() => claimVerdict([{ ...good, testType: 'phenomenon' }], { seed: 1 }), 'E_STATS_INPUT');
    expectCode(
      () => claimVerdict([{ ...good, method: { ...arm('x', [1, 2]), repeats: [0, 0] } }], { seed: 1 }),
      'E_STATS_INPUT',
    );
  });
});
