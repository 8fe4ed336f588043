import { describe, expect, it } from 'vitest';
import { builtinMethods } from '../../../../benchmarks/methods/index.js';
import { teacherStudent } from '../../../../workloads/synthetic/teacher-student.js';
import type { BackendInfo } from '../../../../harness/backends/select.js';
import { defineClaim, type ClaimDefinition } from '../../../../harness/core/claim.js';
import { createRegistries } from '../../../../harness/core/registries.js';
import type { TrialRecord } from '../../../../harness/core/trial.js';
import { planClaimTuning } from '../../../../harness/plan/claim-tuning.js';
import { resolveRun } from '../../../../harness/plan/resolve-run.js';
import { chooseFromStudies, planStudies } from '../../../../harness/tuning/studies.js';

const backend: BackendInfo = { name: 'wasm', tfjsVersion: '4.22.0', numericsClass: 'wasm-tfjs4.22.0-k1', reasons: [] };
const registries = createRegistries([
  { defs: { workloads: [teacherStudent], methods: builtinMethods }, origin: 'test' },
]);
const space = { learningRate: { min: 1e-3, max: 1e-1, scaling: 'log' as const } };

/** A stored record that reached the target at `steps` (null: censored). */
const tuningOf = (c: ClaimDefinition) => planClaimTuning(registries, c, resolveRun(c, 'quick'), backend);
const rec = (id: string, steps: number | null) =>
  ({
    id,
    status: steps === null ? 'censored' : 'reached',
    outcome: { stepsToTarget: steps },
  }) as unknown as TrialRecord;

describe('AlgoPerf external tuning of a claim', () => {
  it('gives every study its own Halton points and every trial its own tuning seed, inside the space', () => {
    const p = planStudies(registries, {
      workload: 'teacher-student',
      arm: { method: 'adan' },
      space,
      studies: 3,
      trials: 4,
      backend,
      stopAtTarget: true,
    });
    const trials = p.studies.flat();
    expect(trials).toHaveLength(12);
    expect(new Set(trials.map((t) => t.trial.config.repeat.index)).size).toBe(12);
    expect(trials.every((t) => t.trial.config.repeat.purpose === 'tune')).toBe(true);
    const lrs = trials.map((t) => t.point.learningRate as number);
    expect(new Set(lrs).size).toBe(12);
    for (const lr of lrs) expect(lr >= 1e-3 && lr <= 1e-1).toBe(true);
    expect(trials.every((t) => t.trial.config.method.hparams.learningRate === t.point.learningRate)).toBe(true);
    // Planning again gives the same points: the stream is seeded, so tuning trials are cached.
    const again = planStudies(registries, {
      workload: 'teacher-student',
      arm: { method: 'adan' },
      space,
      studies: 3,
      trials: 4,
      backend,
      stopAtTarget: true,
    });
    expect(again.studies.flat().map((t) => t.trial.id)).toEqual(trials.map((t) => t.trial.id));
  });

  it("keeps each study's fastest trial, takes the median over studies (a missed target is infinite), and evaluates the median study's winner", () => {
    const p = planStudies(registries, {
      workload: 'teacher-student',
      arm: { method: 'nadamw' },
      space,
      studies: 3,
      trials: 2,
      backend,
      stopAtTarget: true,
    });
    const ids = p.studies.map((s) => s.map((t) => t.trial.id));
    const records = new Map([
      [ids[0]![0]!, rec(ids[0]![0]!, 300)],
      [ids[0]![1]!, rec(ids[0]![1]!, 200)], // study 0: 200
      [ids[1]![0]!, rec(ids[1]![0]!, null)],
      [ids[1]![1]!, rec(ids[1]![1]!, null)], // study 1: ∞
      [ids[2]![0]!, rec(ids[2]![0]!, 120)],
      [ids[2]![1]!, rec(ids[2]![1]!, 400)], // study 2: 120
    ]);
    const { rows, choices } = chooseFromStudies([p], records);
    expect(rows.filter((r) => r.winner).map((r) => [r.study, r.medianSteps])).toEqual([
      [0, 200],
      [2, 120],
    ]);
    expect(choices[0]!.medianSteps).toBe(200);
    expect(choices[0]!.point).toEqual(p.studies[0]![1]!.point);
    // Two of three studies missing the target makes the median infinite.
    records.set(ids[0]![0]!, rec(ids[0]![0]!, null));
    records.set(ids[0]![1]!, rec(ids[0]![1]!, null));
    expect(chooseFromStudies([p], records).choices[0]!.medianSteps).toBeNull();
  });

  it('plans the same studies × trials for every arm of a claim', () => {
    const claim = defineClaim({
      id: 'c',
      version: 1,
      title: 't',
      paper: { title: 'p', authors: 'a', year: 2026, url: 'u' },
      quote: 'q',
      claimedEffect: { description: 'd', direction: 'method-better' as const },
      fidelity: { kind: 'faithful' as const },
      testType: 'time-to-target',
      methods: [{ method: 'adan' }],
      baselines: [{ method: 'adamw' }, { method: 'nadamw' }],
      workloads: ['teacher-student'],
      margin: { value: 0.1, units: 'relative' },
      repeats: { quick: 2, standard: 4 },
      miniature: 'm',
      tuning: {
        kind: 'search',
        ruleset: 'external',
        studies: 2,
        trialsPerStudy: 3,
        spaces: { adan: space, adamw: space },
      },
    });
    const t = planClaimTuning(registries, claim, resolveRun(claim, 'quick'), backend)!;
    const per = (m: string) => t.trials.filter((x) => x.config.method.id === m).length;
    expect([per('adan'), per('adamw'), per('nadamw')]).toEqual([6, 6, 6]); // nadamw falls back to its own searchSpace
    expect(t.choose([]).description).toMatch(/2 studies × 3 Halton points per method/);
  });
});

describe('fixed-budget tuning', () => {
  /** A record that ran to the budget with this final (and best) target metric; null = diverged. */
  const fin = (id: string, v: number | null) =>
    ({
      id,
      status: v === null ? 'diverged' : 'censored',
      config: { target: { metric: 'validation/loss' } },
      outcome: {
        stepsToTarget: null,
        finalMetrics: { 'validation/loss': v },
        bestTargetMetric: v === null ? null : v - 0.01,
      },
    }) as unknown as TrialRecord;

  it("keeps each study's best final metric (diverged is worst) and evaluates the median study's winner", () => {
    const p = planStudies(registries, {
      workload: 'teacher-student',
      arm: { method: 'nadamw' },
      space,
      studies: 3,
      trials: 2,
      backend,
      stopAtTarget: false,
    });
    const ids = p.studies.map((s) => s.map((t) => t.trial.id));
    const records = new Map([
      [ids[0]![0]!, fin(ids[0]![0]!, 0.5)],
      [ids[0]![1]!, fin(ids[0]![1]!, 0.3)], // study 0: 0.3
      [ids[1]![0]!, fin(ids[1]![0]!, null)],
      [ids[1]![1]!, fin(ids[1]![1]!, 0.9)], // study 1: 0.9
      [ids[2]![0]!, fin(ids[2]![0]!, 0.2)],
      [ids[2]![1]!, fin(ids[2]![1]!, 0.4)], // study 2: 0.2
    ]);
    const { rows, choices } = chooseFromStudies([p], records, { kind: 'metric', outcome: 'final', direction: 'lower' });
    expect(rows.filter((r) => r.winner).map((r) => [r.study, r.metric])).toEqual([
      [0, 0.3],
      [1, 0.9],
      [2, 0.2],
    ]);
    expect(choices[0]!.medianMetric).toBe(0.3);
    expect(choices[0]!.point).toEqual(p.studies[0]![1]!.point);
    // Higher-is-better flips the order; `best` reads the curve's best value.
    const hi = chooseFromStudies([p], records, { kind: 'metric', outcome: 'best', direction: 'higher' });
    expect(hi.choices[0]!.medianMetric).toBeCloseTo(0.49, 12);
  });

  it("is what a fixed-budget claim's tuning uses, and time-to-target claims keep steps", () => {
    const base = {
      id: 'c',
      version: 1,
      title: 't',
      paper: { title: 'p', authors: 'a', year: 2026, url: 'u' },
      quote: 'q',
      claimedEffect: { description: 'd', direction: 'method-better' as const },
      fidelity: { kind: 'faithful' as const },
      methods: [{ method: 'rex' }],
      baselines: [{ method: 'linear-decay' }],
      workloads: ['teacher-student'],
      margin: { value: 0.01, units: 'absolute' as const },
      repeats: { quick: 2, standard: 4 },
      miniature: 'm',
      // One seed per point (no re-check): the objective is what this test is about.
      tuning: {
        kind: 'search' as const,
        ruleset: 'external' as const,
        studies: 1,
        trialsPerStudy: 2,
        recheck: { top: 0, seeds: 1 },
      },
    };
    const fb = tuningOf(defineClaim({ ...base, testType: 'fixed-budget' }))!;
    expect(fb.trials.every((t) => t.config.stopAtTarget === false)).toBe(true);
    const records = fb.trials.map((t, i) => fin(t.id, 0.1 * (i + 1)));
    const r = fb.choose(records);
    expect(r.description).toMatch(/fixed budget/);
    expect(r.choices.map((c) => c.medianMetric)).toEqual([0.1, 0.30000000000000004]);
    const ttt = tuningOf(
      defineClaim({ ...base, testType: 'time-to-target', margin: { value: 0.1, units: 'relative' } }),
    )!;
    expect(ttt.choose(records).choices.every((c) => c.medianMetric === undefined)).toBe(true);
  });
});
