import { describe, expect, it } from 'vitest';
import { benchmarkClaims } from '../../../../benchmarks/claims/index.js';
import { builtinMethods } from '../../../../benchmarks/methods/index.js';
import { builtinWorkloads } from '../../../../workloads/index.js';
import { teacherStudent } from '../../../../workloads/synthetic/teacher-student.js';
import { defineClaim, type ClaimDefinition } from '../../../../harness/core/claim.js';
import { createRegistries } from '../../../../harness/core/registries.js';
import { checkMetricNames } from '../../../../harness/core/validate.js';
import {
  ALWAYS_REPORTED_METRICS,
  CLASSIFICATION_METRICS,
  reportedMetrics,
  type WorkloadDefinition,
} from '../../../../harness/core/workload.js';
import { isReprobenchError } from '../../../../harness/errors.js';
import { evaluate, buildValidationSet } from '../../../../harness/runner/evaluate.js';
import * as tf from '@tensorflow/tfjs';

function refusal(
  workloads: WorkloadDefinition[],
  claims: ClaimDefinition[] = [],
): { message: string; hint: string } | null {
  try {
    checkMetricNames(createRegistries([{ defs: { workloads, methods: builtinMethods, claims }, origin: 'test' }]));
    return null;
  } catch (e) {
    expect(isReprobenchError(e) && e.code).toBe('E_BAD_CONFIG');
    return e as { message: string; hint: string };
  }
}

describe("a target metric must be one the workload's trials report (checked at load)", () => {
  it('refuses validation/acc with a did-you-mean (the reported case: every trial censored, NOT REPRODUCED)', () => {
    const e = refusal([
      { ...teacherStudent, id: 'mine', target: { ...teacherStudent.target, metric: 'validation/acc' } },
    ]);
    expect(e?.message).toBe('workload "mine": its target names metric "validation/acc", which no trial reports');
    expect(e?.hint).toMatch(/^did you mean "validation\/accuracy"\?/);
  });

  it("checks every variant, and the metrics a claim's statistic or predictor names", () => {
    const e = refusal([
      { ...teacherStudent, id: 'mine', variants: { odd: { description: 'd', target: { metric: 'val/loss' } } } },
    ]);
    expect(e?.message).toContain('workload "mine" variant "odd"');
    const claim = defineClaim({
      id: 'c',
      version: 1,
      title: 't',
      paper: { title: 'p', authors: 'a', year: 2026, url: 'https://x.org' },
      quote: 'q',
      claimedEffect: { description: 'd', direction: 'method-better' },
      fidelity: { kind: 'faithful' },
      testType: 'phenomenon',
      methods: [{ method: 'adan' }],
      baselines: [],
      workloads: ['teacher-student'],
      margin: { value: 0.1, units: 'relative' },
      repeats: { quick: 2, standard: 2 },
      miniature: 'm',
      phenomenon: {
        description: 'd',
        statistic: { kind: 'final-minus-best', metric: 'validation/los', direction: 'lower' },
        nullRegion: [null, 0],
        claimedSide: 'above',
      },
    });
    expect(refusal([teacherStudent], [claim])?.hint).toMatch(/did you mean "validation\/loss"/);
  });

  it('accepts the weight distance only where every workload of the claim records it', () => {
    const stat = { kind: 'log-over-power-law' as const, metric: 'train/weight-distance' };
    const claim = (workloads: string[]) =>
      defineClaim({
        id: 'c',
        version: 1,
        title: 't',
        paper: { title: 'p', authors: 'a', year: 2026, url: 'https://x.org' },
        quote: 'q',
        claimedEffect: { description: 'd', direction: 'method-better' },
        fidelity: { kind: 'faithful' },
        testType: 'phenomenon',
        methods: [{ method: 'adan' }],
        baselines: [],
        workloads,
        margin: { value: 0.1, units: 'relative' },
        repeats: { quick: 2, standard: 2 },
        miniature: 'm',
        phenomenon: { description: 'd', statistic: stat, nullRegion: [-1, 1], claimedSide: 'above' },
      });
    const records = {
      ...teacherStudent,
      id: 'mine',
      variants: { rec: { description: 'd', options: { recordWeightDistance: true } } },
    };
    expect(refusal([records], [claim(['mine:rec'])])).toBeNull();
    const e = refusal([records], [claim(['mine:rec', 'mine'])]);
    expect(e?.message).toContain('"train/weight-distance", which mine do(es) not record');
    expect(e?.hint).toContain('recordWeightDistance: true');
  });

  it('accepts every built-in workload and claim', () => {
    expect(refusal(builtinWorkloads, benchmarkClaims)).toBeNull();
  });

  it('names exactly the metrics an eval point carries', async () => {
    const data = {
      train: { x: new Float32Array(8), y: new Int32Array(4), n: 4 },
      valid: { x: new Float32Array(8), y: new Int32Array([0, 1, 0, 1]), n: 4 },
      featureSize: 2,
      task: { kind: 'classification' as const, numClasses: 2 },
    };
    const model = { params: [], apply: (x: tf.Tensor2D) => tf.concat([x, x], 1).slice<tf.Tensor2D>([0, 0], [-1, 2]) };
    const set = buildValidationSet(data);
    const loss = (o: tf.Tensor2D, t: tf.Tensor2D) => tf.losses.softmaxCrossEntropy<tf.Tensor, tf.Scalar>(t, o);
    const m = await evaluate(model, data.task, set, loss);
    // The train loop adds train/loss to what evaluate reports.
    expect([...Object.keys(m), 'train/loss'].sort()).toEqual(reportedMetrics('classification').sort());
    expect(reportedMetrics('regression')).toEqual([...ALWAYS_REPORTED_METRICS]);
    expect(reportedMetrics()).toEqual([...ALWAYS_REPORTED_METRICS, ...CLASSIFICATION_METRICS]);
  });
});
