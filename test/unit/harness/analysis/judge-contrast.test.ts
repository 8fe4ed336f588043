import { describe, expect, it } from 'vitest';
import { judgeClaim } from '../../../../harness/analysis/judge.js';
import { summarizeArm, type WorkloadSummary } from '../../../../harness/analysis/arm-summary.js';
import type { ArmRepeats } from '../../../../harness/analysis/arms.js';
import { curveStatistic } from '../../../../harness/analysis/curve-statistic.js';
import { defineClaim } from '../../../../harness/core/claim.js';
import { oneSampleTTest } from '../../../../harness/stats/index.js';

/** One method's repeats on one workload, each with the statistic given (null = the curve gave none). */
function at(workload: string, statistic: Array<number | null>, repeats = [...statistic.keys()]): WorkloadSummary {
  const n = statistic.length;
  const a: ArmRepeats = {
    method: 'gd',
    workload,
    tuned: null,
    repeats,
    steps: Array(n).fill(100),
    seconds: Array(n).fill(1),
    events: Array(n).fill(false),
    diverged: Array(n).fill(false),
    missing: [],
    finalMetric: Array(n).fill(1),
    bestMetric: Array(n).fill(1),
    statistic,
    budgetSteps: 100,
  };
  return { workload, target: { metric: 'validation/loss', value: 1, direction: 'lower' }, arms: [summarizeArm(a)] };
}

const claim = defineClaim({
  id: 'peak',
  version: 1,
  title: 't',
  paper: { title: 'p', authors: 'a', year: 2017, url: 'u' },
  quote: 'q',
  claimedEffect: { description: 'd', direction: 'method-better' },
  fidelity: { kind: 'faithful' },
  repeats: { quick: 3, standard: 6 },
  miniature: 'm',
  testType: 'phenomenon',
  methods: [{ method: 'gd' }],
  baselines: [],
  workloads: ['lt', 'lt:small', 'lt:large'],
  margin: { value: 0.05, units: 'absolute' },
  phenomenon: {
    description: 'overtraining at P = N minus overtraining elsewhere',
    statistic: { kind: 'final-minus-best', metric: 'validation/loss', direction: 'lower' },
    nullRegion: [-0.05, 0.05],
    claimedSide: 'above',
    contrasts: [{ workload: 'lt', than: ['lt:small', 'lt:large'] }],
  },
});

describe('phenomenon contrasts between workloads', () => {
  it('judges the per-repeat difference against the null region, one comparison per other workload, Holm over both', () => {
    const peak = [2.1, 1.5, 3.0, 2.4, 1.9, 2.6];
    const small = [0.01, 0.02, 0.0, 0.03, 0.01, 0.02];
    const large = [0.0, 0.004, 0.002, 0.001, 0.0, 0.003];
    const j = judgeClaim(claim, [at('lt', peak), at('lt:small', small), at('lt:large', large)]);
    expect(j.comparisons.map((c) => c.workload)).toEqual(['lt − lt:small', 'lt − lt:large']);
    const diff = peak.map((v, i) => v - small[i]!);
    // The estimate and CI are a one-sample t on the paired differences.
    const t = oneSampleTTest(diff, 0, { confidence: 0.95 });
    expect(j.comparisons[0]!.estimate).toBeCloseTo(t.estimate, 12);
    expect(j.comparisons[0]!.ci[0]).toBeCloseTo(t.ci[0], 12);
    expect(j.comparisons[0]!.n.method).toBe(6);
    expect(j.overall).toBe('reproduced');
  });

  it('a flat sweep is no meaningful effect; the peak the other way round is contradicted', () => {
    const flat = [0.01, 0.02, 0.0, 0.01, 0.02, 0.01];
    expect(
      judgeClaim(claim, [at('lt', flat), at('lt:small', [0.02, 0.01, 0.01, 0.0, 0.01, 0.02]), at('lt:large', flat)])
        .overall,
    ).toBe('no meaningful effect');
    const dip = [0.0, 0.01, 0.0, 0.01, 0.0, 0.0];
    const high = [0.9, 1.1, 1.0, 0.8, 1.2, 1.0];
    expect(judgeClaim(claim, [at('lt', dip), at('lt:small', high), at('lt:large', high)]).overall).toBe('contradicted');
  });

  it('pairs by repeat index, leaves out repeats missing on either side, and reports a contrast it cannot judge', () => {
    const j = judgeClaim(claim, [
      at('lt', [2, null, 2.5, 3]),
      at('lt:small', [0.1, 0.1, 0.1], [0, 1, 3]),
      at('lt:large', [0.1]),
    ]);
    expect(j.comparisons).toHaveLength(1);
    // Repeats 0 and 3 are on both sides with values (repeat 1 has no statistic, 2 is missing on lt:small).
    expect(j.comparisons[0]!.n.method).toBe(2);
    expect(j.comparisons[0]!.estimate).toBeCloseTo((2 - 0.1 + 3 - 0.1) / 2, 12);
    expect(j.unjudged).toEqual([
      {
        workload: 'lt − lt:large',
        method: 'gd',
        baseline: null,
        reason: '1 repeat(s) with the statistic on both workloads (1 run on both)',
      },
    ]);
    expect(j.overall).not.toBe('reproduced');
  });
});

describe('the best-value statistic', () => {
  it('is the best value of the metric over the curve, in its direction', () => {
    const curve = [0.9, 0.4, 0.6].map((v, i) => ({
      step: (i + 1) * 10,
      examples: 0,
      trainSeconds: 0,
      metrics: { 'validation/loss': v, acc: 1 - v },
    }));
    expect(curveStatistic({ kind: 'best', metric: 'validation/loss', direction: 'lower' }, curve, 30).value).toBe(0.4);
    expect(curveStatistic({ kind: 'best', metric: 'acc', direction: 'higher' }, curve, 30).value).toBeCloseTo(0.6, 12);
    expect(curveStatistic({ kind: 'best', metric: 'nope', direction: 'higher' }, curve, 30).value).toBeNull();
  });
});
