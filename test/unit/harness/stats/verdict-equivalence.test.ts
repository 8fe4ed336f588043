import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { judgeClaim } from '../../../../harness/analysis/judge.js';
import { summarizeArm } from '../../../../harness/analysis/arm-summary.js';
import type { ClaimDefinition } from '../../../../harness/core/claim.js';
import type { ArmOutcomes, ComparisonInput } from '../../../../harness/stats/claim-input.js';
import { claimVerdict } from '../../../../harness/stats/verdict-claim.js';
import { equivalenceVerdict } from '../../../../harness/stats/verdict-equivalence.js';
import { expectCode } from './fixtures.js';

const arm = (id: string, values: number[], extra: Partial<ArmOutcomes> = {}): ArmOutcomes => ({
  id,
  repeats: values.map((_, i) => i),
  values,
  ...extra,
});
const BUDGET = 1000;
const ttt = (method: number[], baseline: number[], extra: Partial<ComparisonInput> = {}): ComparisonInput => ({
  method: arm('torch', method),
  baseline: arm('tfjs', baseline),
  workload: 'fashion-mnist-mlp',
  testType: 'time-to-target',
  direction: 'equivalent',
  lowerIsBetter: true,
  budget: BUDGET,
  margin: 0.1,
  marginUnits: 'relative',
  ...extra,
});

interface TostCase {
  kind: 'welch' | 'paired';
  name: string;
  a: number[];
  b: number[];
  margin: number;
  marginUnits: 'absolute' | 'relative';
  pValue: number;
}
const fixtures = (
  JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'fixtures', 'stats', 'tost.json'), 'utf8')) as {
    cases: TostCase[];
  }
).cases;

describe('equivalenceVerdict (parity claims)', () => {
  const tfjs = [800, 875, 775, 850, 825, 800, 750, 900];

  it('reproduced when the paired TOST shows equivalence within the margin, identical arms included', () => {
    const near = tfjs.map((x, i) => x + [0, 25, -25, 0, 25, 0, -25, 0][i]!);
    const v = claimVerdict([ttt(near, tfjs)], { seed: 1 });
    const c = v.comparisons[0]!;
    expect(v.overall).toBe('reproduced');
    expect(c.verdict).toBe('reproduced');
    expect(c.paired).toBe(true);
    expect(c.equivalent).toBe(true);
    expect(c.effectName).toBe('difference');
    expect(c.estimate).toBe(0);
    expect(c.equivalenceBounds[1]).toBeCloseTo(0.1 * 821.875, 9);
    expect(c.test.name).toMatch(/^TOST, paired t/);
    expect(c.explanation).toMatch(
      /^fashion-mnist-mlp: torch vs tfjs reproduced: difference 0 steps .* lies inside the margin ±82.2 steps \(10% of the baseline mean 822\)/,
    );
    const same = claimVerdict([ttt(tfjs, tfjs)], { seed: 1 });
    expect(same.overall).toBe('reproduced');
    expect(same.comparisons[0]!.test.pValue).toBe(0);
  });

  it('contradicted when the difference is significantly beyond the margin', () => {
    const slower = tfjs.map((x, i) => Math.min(BUDGET, x * 1.3 + (i % 2) * 10));
    const v = claimVerdict([ttt(slower, tfjs)], { seed: 1 });
    expect(v.overall).toBe('contradicted');
    expect(v.comparisons[0]!.explanation).toMatch(/significantly beyond the margin/);
    expect(v.comparisons[0]!.test.adjustedPValueOpposite).toBeLessThan(0.05);
  });

  it('inconclusive when neither, with the repeats a decision would need', () => {
    const noisy = [700, 950, 650, 1000];
    const v = claimVerdict([ttt(noisy, tfjs.slice(0, 4))], { seed: 1 });
    expect(v.overall).toBe('inconclusive');
    expect(v.comparisons[0]!.repeatsNeeded).toBeGreaterThan(4);
    expect(v.repeatsNeeded).toBe(v.comparisons[0]!.repeatsNeeded);
    expect(v.comparisons[0]!.explanation).toMatch(
      /neither inside the margin .* nor significantly beyond it .* repeats per arm would decide it/,
    );
  });

  it('counts a missed target or a divergence at the budget', () => {
    const v = claimVerdict(
      [
        ttt([800, 900, 700, 600], [800, 900, 700, 600], {
          method: arm('torch', [800, 900, 1000, 600], { events: [true, true, false, true] }),
          baseline: arm('tfjs', [800, 900, NaN, 600], { diverged: [false, false, true, false] }),
        }),
      ],
      { seed: 1 },
    );
    const c = v.comparisons[0]!;
    expect(c.censored).toEqual({ method: 1, baseline: 1 });
    expect(c.diverged).toEqual({ method: 0, baseline: 1 });
    expect(c.estimate).toBe(0);
    expect(c.verdict).toBe('reproduced');
  });

  it('uses the TOST proven against statsmodels: paired and Welch p-values match the fixtures', () => {
    for (const f of fixtures) {
      const unpaired = f.kind === 'welch';
      const c: ComparisonInput = {
        method: arm('a', f.a),
        baseline: unpaired ? { id: 'b', repeats: f.b.map((_, i) => 100 + i), values: f.b } : arm('b', f.b),
        workload: f.name,
        testType: 'fixed-budget',
        direction: 'equivalent',
        lowerIsBetter: false,
        margin: f.margin,
        marginUnits: f.marginUnits,
      };
      const v = equivalenceVerdict([c], { seed: 1 });
      expect(v.comparisons[0]!.paired).toBe(!unpaired);
      expect(Math.abs(v.comparisons[0]!.test.pValue - f.pValue)).toBeLessThanOrEqual(
        1e-6 * Math.max(f.pValue, 1e-300) + 1e-15,
      );
      expect(v.comparisons[0]!.verdict === 'reproduced').toBe(f.pValue < 0.05);
    }
  });

  it('combines comparisons: all equivalent → reproduced; equivalent and contradicted → mixed', () => {
    const far = tfjs.map((x) => x * 1.4);
    expect(claimVerdict([ttt(tfjs, tfjs), ttt(tfjs, tfjs, { workload: 'w2' })], { seed: 1 }).overall).toBe(
      'reproduced',
    );
    expect(claimVerdict([ttt(tfjs, tfjs), ttt(far, tfjs, { workload: 'w2' })], { seed: 1 }).overall).toBe('mixed');
  });

  it('refuses mixed directions and unsupported test types', () => {
    expectCode(
      () => claimVerdict([ttt(tfjs, tfjs), { ...ttt(tfjs, tfjs), direction: 'method-better' }], { seed: 1 }),
      'E_STATS_INPUT',
    );
    expectCode(() => claimVerdict([{ ...ttt(tfjs, tfjs), testType: 'predictor' }], { seed: 1 }), 'E_STATS_INPUT');
    expectCode(() => claimVerdict([ttt([800], [800])], { seed: 1 }), 'E_STATS_INPUT');
  });
});

describe('judgeClaim for an equivalence claim', () => {
  const claim = {
    id: 'parity',
    version: 1,
    title: 't',
    paper: { title: 'p', authors: 'a', year: 2026, url: 'https://example.org' },
    quote: 'q',
    claimedEffect: { description: 'same steps', direction: 'equivalent' },
    fidelity: { kind: 'faithful' },
    testType: 'time-to-target',
    methods: [{ method: 'torch' }],
    baselines: [{ method: 'tfjs' }],
    workloads: ['w'],
    margin: { value: 0.1, units: 'relative' },
    repeats: { quick: 4, standard: 10 },
    miniature: 'm',
  } satisfies ClaimDefinition;
  const armOf = (method: string, steps: number[]) =>
    summarizeArm({
      method,
      workload: 'w',
      tuned: null,
      repeats: steps.map((_, i) => i),
      steps,
      seconds: steps.map((s) => s / 100),
      events: steps.map(() => true),
      diverged: steps.map(() => false),
      missing: [],
      finalMetric: steps.map(() => 0.87),
      bestMetric: steps.map(() => 0.87),
      budgetSteps: BUDGET,
    });

  it('says how it decided, and decides by TOST', () => {
    const j = judgeClaim(claim, [
      {
        workload: 'w',
        target: null,
        arms: [armOf('torch', [800, 825, 775, 850]), armOf('tfjs', [800, 825, 775, 850])],
      },
    ]);
    expect(j.overall).toBe('reproduced');
    expect(j.basis).toMatch(
      /^statistics engine: time-to-target, equivalence claim: TOST within ±10% of the baseline mean \(reproduced\)/,
    );
    expect(j.comparisons[0]!.test.name).toMatch(/^TOST/);
  });
});
