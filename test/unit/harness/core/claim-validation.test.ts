import { describe, expect, it } from 'vitest';
import { builtinMethods } from '../../../../benchmarks/methods/index.js';
import { linearTeacher } from '../../../../workloads/synthetic/linear-teacher.js';
import { teacherStudent } from '../../../../workloads/synthetic/teacher-student.js';
import { defineClaim, type ClaimDefinition } from '../../../../harness/core/claim.js';
import { createRegistries } from '../../../../harness/core/registries.js';
import { checkClaimReferences } from '../../../../harness/core/validate.js';

const base: ClaimDefinition = {
  id: 'c',
  version: 1,
  title: 't',
  paper: { title: 'p', authors: 'a', year: 2026, url: 'u' },
  quote: 'q',
  claimedEffect: { description: 'd', direction: 'method-better' },
  fidelity: { kind: 'faithful' },
  testType: 'phenomenon',
  methods: [{ method: 'nadamw' }],
  baselines: [],
  workloads: ['teacher-student'],
  margin: { value: 0.1, units: 'relative' },
  repeats: { quick: 2, standard: 4 },
  miniature: 'm',
};
const stat = { kind: 'final-minus-best' as const, metric: 'validation/loss', direction: 'lower' as const };
const check = (c: ClaimDefinition) => () =>
  checkClaimReferences(
    createRegistries([
      {
        defs: { workloads: [teacherStudent, linearTeacher], methods: builtinMethods, claims: [defineClaim(c)] },
        origin: 'test',
      },
    ]),
  );

describe('claim cards for phenomenon and fixed-budget claims', () => {
  it('accept a phenomenon card with a statistic and a null region bounded on the claimed side', () => {
    expect(
      check({
        ...base,
        phenomenon: { description: 'd', statistic: stat, nullRegion: [0.02, null], claimedSide: 'below' },
      }),
    ).not.toThrow();
  });

  it('refuse a phenomenon card without a statistic, or with a null region open on the claimed side', () => {
    expect(check(base)).toThrow(/without a statistic/);
    expect(
      check({
        ...base,
        phenomenon: { description: 'd', statistic: stat, nullRegion: [0.02, null], claimedSide: 'above' },
      }),
    ).toThrow(/unbounded on the claimed side/);
    expect(
      check({ ...base, phenomenon: { description: 'd', statistic: stat, nullRegion: [2, 1], claimedSide: 'below' } }),
    ).toThrow(/empty/);
  });

  it('refuse contrasts that name a workload the card does not run, a workload against itself, or one the quick preset leaves out', () => {
    const two = { ...base, workloads: ['linear-teacher', 'linear-teacher:ratio-4'] };
    const phen = (contrasts: Array<{ workload: string; than: string[] }>) => ({
      description: 'd',
      statistic: stat,
      nullRegion: [-0.1, 0.1] as [number, number],
      claimedSide: 'above' as const,
      contrasts,
    });
    expect(
      check({ ...two, phenomenon: phen([{ workload: 'linear-teacher', than: ['linear-teacher:ratio-4'] }]) }),
    ).not.toThrow();
    expect(
      check({ ...two, phenomenon: phen([{ workload: 'linear-teacher', than: ['linear-teacher:ratio-2'] }]) }),
    ).toThrow(/contrast workload "linear-teacher:ratio-2" is not one of the claim's workloads/);
    expect(check({ ...two, phenomenon: phen([{ workload: 'linear-teacher', than: ['linear-teacher'] }]) })).toThrow(
      /with itself/,
    );
    expect(
      check({
        ...two,
        quickWorkloads: ['linear-teacher'],
        phenomenon: phen([{ workload: 'linear-teacher', than: ['linear-teacher:ratio-4'] }]),
      }),
    ).toThrow(/not among quickWorkloads/);
  });

  it('refuse a comparison claim without a baseline', () => {
    expect(check({ ...base, testType: 'fixed-budget' })).toThrow(/has no baseline/);
  });
});
