import { describe, expect, it } from 'vitest';
import { benchmarkClaims } from '../../../../benchmarks/claims/index.js';
import { builtinMethods } from '../../../../benchmarks/methods/index.js';
import { builtinWorkloads } from '../../../../workloads/index.js';
import { builtinPredictors } from '../../../../benchmarks/methods/predictors/index.js';
import { createRegistries } from '../../../../harness/core/registries.js';
import { checkClaimReferences } from '../../../../harness/core/validate.js';
import { parseWorkloadRef } from '../../../../harness/core/workload.js';

describe('shipped claim cards', () => {
  it('name only registered workloads, variants and methods, and give every arm the same tuning', () => {
    const r = createRegistries([
      {
        defs: {
          workloads: builtinWorkloads,
          methods: builtinMethods,
          predictors: builtinPredictors,
          claims: benchmarkClaims,
        },
        origin: 'built-in',
      },
    ]);
    expect(() => checkClaimReferences(r)).not.toThrow();
  });

  it.each(benchmarkClaims.map((c) => [c.id, c] as const))(
    '%s: quotes its paper, says how the miniature differs and declares what decides it',
    (_id, c) => {
      expect(c.quote.length).toBeGreaterThan(40);
      // Every card but the parity check quotes a seed paper and carries its catalogue number; framework-parity
      // quotes AlgoPerf's documentation (not a seed paper's abstract) and is reprobench's own check.
      if (c.id === 'framework-parity') expect(c.paper.catalogue).toBeUndefined();
      else expect(c.paper.catalogue).toBeGreaterThan(0);
      expect(c.miniature.length).toBeGreaterThan(100);
      expect(c.margin.value).toBeGreaterThan(0);
      expect(c.repeats.standard).toBeGreaterThanOrEqual(c.repeats.quick);
      if (c.testType === 'phenomenon') expect(c.phenomenon).toBeDefined();
      // A predictor card compares two predictors on its arms' curves (or stopping with running everything): no baseline arm.
      else if (c.testType === 'predictor')
        expect([c.baselines, c.predictor!.task === 'early-stopping' || Boolean(c.predictor!.baseline)]).toEqual([
          [],
          true,
        ]);
      else expect(c.baselines.length).toBeGreaterThan(0);
      for (const w of c.quickWorkloads ?? []) expect(c.workloads).toContain(w);
      // Fixed-budget cards: the outcome compared is a workload's target metric, whose direction decides "better".
      for (const w of c.workloads) expect(builtinWorkloads.some((d) => d.id === parseWorkloadRef(w).id)).toBe(true);
    },
  );
});
