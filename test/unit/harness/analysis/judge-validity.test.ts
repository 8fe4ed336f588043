import { describe, expect, it } from 'vitest';
import { judgeClaim } from '../../../../harness/analysis/judge.js';
import { summarizeArm, type WorkloadSummary } from '../../../../harness/analysis/arm-summary.js';
import type { ArmRepeats } from '../../../../harness/analysis/arms.js';
import { defineClaim, type ClaimDefinition } from '../../../../harness/core/claim.js';
import { builtinMethods } from '../../../../benchmarks/methods/index.js';
import { teacherStudent } from '../../../../workloads/synthetic/teacher-student.js';
import { createRegistries } from '../../../../harness/core/registries.js';
import { checkClaimReferences } from '../../../../harness/core/validate.js';

/** An arm of seeds that all ran to the 100-step budget with these final accuracies. */
function arm(method: string, final: number[]): ArmRepeats {
  const n = final.length;
  return {
    method,
    workload: 'w',
    tuned: null,
    repeats: [...Array(n).keys()],
    steps: Array(n).fill(100),
    seconds: Array(n).fill(1),
    events: Array(n).fill(false),
    diverged: Array(n).fill(false),
    missing: [],
    finalMetric: final,
    bestMetric: final,
    budgetSteps: 100,
  };
}

const workload = (...arms: ArmRepeats[]): WorkloadSummary[] => [
  {
    workload: 'w',
    target: { metric: 'validation/accuracy', value: 0.9, direction: 'higher' },
    arms: arms.map(summarizeArm),
  },
];

/** GraNet's shape: the method and a dense validity arm, both against GMP. */
const claim: ClaimDefinition = defineClaim({
  id: 'pruning',
  version: 1,
  title: 't',
  paper: { title: 'p', authors: 'a', year: 2021, url: 'u' },
  quote: 'q',
  claimedEffect: { description: 'd', direction: 'method-better' },
  fidelity: { kind: 'faithful' },
  testType: 'fixed-budget',
  methods: [{ method: 'regrow' }, { method: 'dense' }],
  baselines: [{ method: 'prune' }],
  validityChecks: [{ method: 'dense', why: 'pruning must cost accuracy, or there is nothing to restore' }],
  workloads: ['w'],
  margin: { value: 0.005, units: 'absolute' },
  repeats: { quick: 2, standard: 8 },
  miniature: 'm',
});

const prune = arm('prune', [0.86, 0.862, 0.861, 0.859, 0.863, 0.86, 0.861, 0.862]);
const denseFar = arm('dense', [0.88, 0.879, 0.881, 0.878, 0.88, 0.882, 0.879, 0.88]);
const denseSame = arm('dense', [0.86, 0.861, 0.862, 0.86, 0.861, 0.859, 0.862, 0.86]);
const regrowSame = arm('regrow', [0.859, 0.861, 0.86, 0.862, 0.86, 0.861, 0.859, 0.86]);
const regrowBetter = arm('regrow', [0.872, 0.87, 0.871, 0.873, 0.87, 0.872, 0.871, 0.87]);

describe("a card's validity checks gate its label instead of counting in it", () => {
  it('met: the label is the claim comparisons\' alone (not "partly reproduced" from the check)', () => {
    const j = judgeClaim(claim, workload(regrowSame, denseFar, prune));
    const check = j.comparisons.find((c) => c.methodId === 'dense')!;
    expect(check.verdict).toBe('reproduced');
    expect(check.validityCheck).toBe(true);
    expect(j.comparisons.find((c) => c.methodId === 'regrow')!.validityCheck).toBeUndefined();
    expect(j.comparisons.find((c) => c.methodId === 'regrow')!.verdict).toBe('no meaningful effect');
    expect(j.overall).toBe('no meaningful effect');
    expect(j.explanation).toMatch(
      /^no meaningful effect \(validity check met \(dense vs prune on w\), not counted in the label\); no meaningful effect: 1 no meaningful effect of 1 counted comparison\(s\) \(superiority/,
    );
    expect(judgeClaim(claim, workload(regrowBetter, denseFar, prune)).overall).toBe('reproduced');
  });

  it("an equivalence card's lead is restated over the counted comparisons in the equivalence engine's words", () => {
    const equivalence = defineClaim({
      ...claim,
      claimedEffect: { description: 'd', direction: 'equivalent' },
      validityChecks: [{ method: 'dense', why: 'an arm that must be equivalent, or the margin is too wide to tell' }],
    });
    const j = judgeClaim(equivalence, workload(regrowSame, denseSame, prune));
    expect(j.comparisons.map((c) => [c.methodId, c.verdict])).toEqual([
      ['regrow', 'reproduced'],
      ['dense', 'reproduced'],
    ]);
    expect(j.explanation).toMatch(
      /^reproduced \(validity check met \(dense vs prune on w\), not counted in the label\); reproduced: 1 reproduced of 1 counted equivalence comparison\(s\), TOST at α = 0\.05$/,
    );
  });

  it('not met: inconclusive whatever the claim comparison says, naming the failed check', () => {
    const j = judgeClaim(claim, workload(regrowBetter, denseSame, prune));
    expect(j.comparisons.find((c) => c.methodId === 'regrow')!.verdict).toBe('reproduced');
    expect(j.overall).toBe('inconclusive');
    expect(j.explanation).toMatch(/^inconclusive \(validity check not met: dense vs prune on w no meaningful effect\)/);
    expect(j.scopedLabel).toMatch(/^inconclusive at miniature scale/);
  });

  it('a check that is not an arm, says not why, or leaves nothing to judge is refused at load', () => {
    const card = (validityChecks: ClaimDefinition['validityChecks']) => () =>
      checkClaimReferences(
        createRegistries([
          {
            defs: {
              workloads: [teacherStudent],
              methods: builtinMethods,
              claims: [
                defineClaim({
                  ...claim,
                  workloads: ['teacher-student'],
                  methods: [{ method: 'nadamw' }, { method: 'sgd-nesterov' }],
                  baselines: [{ method: 'adamw' }],
                  validityChecks,
                }),
              ],
            },
            origin: 'test',
          },
        ]),
      );
    expect(card([{ method: 'sgd-nesterov', why: 'dense must beat pruned' }])).not.toThrow();
    expect(card([{ method: 'dense', why: 'w' }])).toThrow(/validity check "dense" is not one of its methods/);
    expect(card([{ method: 'sgd-nesterov', why: ' ' }])).toThrow(/or says not why/);
    expect(
      card([
        { method: 'sgd-nesterov', why: 'w' },
        { method: 'nadamw', why: 'w' },
      ]),
    ).toThrow(/every method is a validity check/);
  });
});
