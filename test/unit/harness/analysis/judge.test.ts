import { describe, expect, it } from 'vitest';
import { armValues, judgeClaim } from '../../../../harness/analysis/judge.js';
import { summarizeArm, type WorkloadSummary } from '../../../../harness/analysis/arm-summary.js';
import type { ArmRepeats } from '../../../../harness/analysis/arms.js';
import { defineClaim, type ClaimDefinition } from '../../../../harness/core/claim.js';

const base = {
  id: 'c',
  version: 1,
  title: 't',
  paper: { title: 'p', authors: 'a', year: 2026, url: 'u' },
  quote: 'q',
  claimedEffect: { description: 'd', direction: 'method-better' as const },
  fidelity: { kind: 'faithful' as const },
  workloads: ['w'],
  repeats: { quick: 2, standard: 4 },
  miniature: 'm',
};

/** An arm of n seeds that all ran to the budget (censored), with these final metrics and statistics. */
function arm(
  method: string,
  final: Array<number | null>,
  statistic?: Array<number | null>,
  diverged: boolean[] = [],
): ArmRepeats {
  const n = final.length;
  return {
    method,
    workload: 'w',
    tuned: null,
    repeats: [...Array(n).keys()],
    steps: Array(n).fill(100),
    seconds: Array(n).fill(1),
    events: Array(n).fill(false),
    diverged: final.map((_, i) => diverged[i] ?? false),
    missing: [],
    finalMetric: final,
    bestMetric: final,
    ...(statistic ? { statistic } : {}),
    budgetSteps: 100,
  };
}

const workload = (direction: 'higher' | 'lower', ...arms: ArmRepeats[]): WorkloadSummary[] => [
  { workload: 'w', target: { metric: 'validation/loss', value: 1, direction }, arms: arms.map(summarizeArm) },
];

describe('claim verdicts by test type', () => {
  it("fixed budget: compares final metrics in the target metric's direction", () => {
    const claim: ClaimDefinition = defineClaim({
      ...base,
      testType: 'fixed-budget',
      methods: [{ method: 'm' }],
      baselines: [{ method: 'b' }],
      margin: { value: 0.01, units: 'absolute' },
    });
    const m = arm('m', [0.5, 0.52, 0.49, 0.51, 0.5, 0.53]);
    const b = arm('b', [0.6, 0.61, 0.58, 0.62, 0.6, 0.63]);
    const lower = judgeClaim(claim, workload('lower', m, b));
    expect(lower.comparisons[0]!.effectName).toBe('difference');
    expect(lower.comparisons[0]!.estimate).toBeCloseTo((3.05 - 3.64) / 6, 10);
    expect(lower.overall).toBe('reproduced');
    // Same numbers on an accuracy-like metric: the method is now significantly worse.
    expect(judgeClaim(claim, workload('higher', m, b)).overall).toBe('contradicted');
  });

  it("every label carries its scope (workload, target, budget) and the card's fidelity", () => {
    const claim: ClaimDefinition = defineClaim({
      ...base,
      testType: 'fixed-budget',
      methods: [{ method: 'm' }],
      baselines: [{ method: 'b' }],
      margin: { value: 0.01, units: 'absolute' },
    });
    const j = judgeClaim(
      claim,
      workload('lower', arm('m', [0.5, 0.52, 0.49, 0.51, 0.5, 0.53]), arm('b', [0.6, 0.61, 0.58, 0.62, 0.6, 0.63])),
    );
    expect(j.scope.text).toBe('at miniature scale: w, final validation/loss after 100 steps');
    expect(j.fidelity).toEqual({ kind: 'faithful' });
    expect(j.scopedLabel).toBe('reproduced at miniature scale: w, final validation/loss after 100 steps · faithful');
    const standIn = judgeClaim(
      { ...claim, fidelity: { kind: 'stand-in', differs: 'a related method' } },
      workload('lower', arm('m', [0.5, 0.52, 0.49]), arm('b', [0.6, 0.61, 0.58])),
    );
    expect(standIn.scopedLabel).toMatch(/ · stand-in: a related method$/);
  });

  it('a comparison left out for lack of outcomes keeps the claim from being reproduced', () => {
    const claim: ClaimDefinition = defineClaim({
      ...base,
      testType: 'fixed-budget',
      methods: [{ method: 'm' }],
      baselines: [{ method: 'b' }],
      margin: { value: 0.01, units: 'absolute' },
    });
    const good = workload(
      'lower',
      arm('m', [0.5, 0.52, 0.49, 0.51, 0.5, 0.53]),
      arm('b', [0.6, 0.61, 0.58, 0.62, 0.6, 0.63]),
    );
    const short = workload('lower', arm('m', [0.5]), arm('b', [0.6, 0.61]));
    const j = judgeClaim(claim, [...good, ...short.map((w) => ({ ...w, workload: 'w2' }))]);
    expect(j.comparisons.map((c) => c.verdict)).toEqual(['reproduced']);
    expect(j.unjudged).toHaveLength(1);
    expect(j.overall).toBe('partly reproduced');
  });

  it('fixed budget: a diverged seed has no outcome and is counted, not passed as NaN', () => {
    const claim = defineClaim({
      ...base,
      testType: 'fixed-budget',
      methods: [{ method: 'm' }],
      baselines: [{ method: 'b' }],
      margin: { value: 0.01, units: 'absolute' },
    });
    const m = arm('m', [0.5, null, 0.49, 0.51], undefined, [false, true, false, false]);
    const v = armValues(claim, summarizeArm(m));
    expect(v.diverged).toEqual([false, true, false, false]);
    const j = judgeClaim(claim, workload('lower', m, arm('b', [0.6, 0.61, 0.58, 0.62])));
    expect(j.comparisons[0]!.diverged.method).toBe(1);
    expect(j.comparisons[0]!.n.method).toBe(3);
  });

  it('phenomenon: the declared statistic against the null region, with no baseline', () => {
    const claim = defineClaim({
      ...base,
      testType: 'phenomenon',
      methods: [{ method: 'm' }],
      baselines: [],
      margin: { value: 0.1, units: 'relative' },
      phenomenon: {
        description: 'steps to low test loss / steps to low train loss',
        statistic: {
          kind: 'threshold-ratio',
          first: { metric: 'train/loss', value: 0.1, direction: 'lower' },
          then: { metric: 'validation/loss', value: 0.2, direction: 'lower' },
        },
        nullRegion: [0, 2],
        claimedSide: 'above',
      },
    });
    const grok = judgeClaim(claim, workload('lower', arm('m', [1, 1, 1, 1, 1], [4.1, 3.8, 5.0, 4.4, 3.9])));
    expect(grok.comparisons[0]!.baselineId).toBeNull();
    expect(grok.comparisons[0]!.effectName).toBe('statistic');
    expect(grok.overall).toBe('reproduced');
    const none = judgeClaim(claim, workload('lower', arm('m', [1, 1, 1, 1, 1], [1.1, 1.2, 1.0, 1.15, 1.05])));
    expect(none.overall).toBe('no meaningful effect');
    // Seeds whose curve gives no statistic are left out; too few left and nothing is judged.
    const empty = judgeClaim(claim, workload('lower', arm('m', [1, 1, 1], [null, null, 3])));
    expect(empty.unjudged[0]).toMatchObject({ method: 'm', baseline: null });
    expect(empty.unjudged[0]!.reason).toMatch(/1 usable outcome .*2 without a value/);
  });

  it('time-to-target: unchanged, steps with censoring', () => {
    const claim = defineClaim({
      ...base,
      testType: 'time-to-target',
      methods: [{ method: 'm' }],
      baselines: [{ method: 'b' }],
      margin: { value: 0.1, units: 'relative' },
    });
    const m = summarizeArm(arm('m', [1, 1]));
    expect(armValues(claim, m)).toEqual({
      id: 'm',
      repeats: [0, 1],
      values: [100, 100],
      events: [false, false],
      diverged: [false, false],
    });
  });
});
