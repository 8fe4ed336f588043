import { describe, expect, it } from 'vitest';
import { builtinMethods } from '../../../../benchmarks/methods/index.js';
import { teacherStudent } from '../../../../workloads/synthetic/teacher-student.js';
import type { BackendInfo } from '../../../../harness/backends/select.js';
import { defineClaim } from '../../../../harness/core/claim.js';
import { createRegistries } from '../../../../harness/core/registries.js';
import type { TrialRecord } from '../../../../harness/core/trial.js';
import { trialSeeds } from '../../../../harness/runner/seeds.js';
import { planClaimTuning } from '../../../../harness/plan/claim-tuning.js';
import { resolveRun } from '../../../../harness/plan/resolve-run.js';
import { chooseFromStudies, planRecheck, planStudies, type StudyPlan } from '../../../../harness/tuning/studies.js';

const backend: BackendInfo = { name: 'wasm', tfjsVersion: '4.22.0', numericsClass: 'wasm-tfjs4.22.0-k1', reasons: [] };
const registries = createRegistries([
  { defs: { workloads: [teacherStudent], methods: builtinMethods }, origin: 'test' },
]);
const space = { learningRate: { min: 1e-3, max: 1e-1, scaling: 'log' as const } };
const recheck = { top: 2, seeds: 3 };
const plan = (
  method: string,
  s: Record<string, { min: number; max: number; scaling: 'log' | 'linear' }> = space,
): StudyPlan =>
  planStudies(registries, {
    workload: 'teacher-student',
    arm: { method },
    space: s,
    studies: 2,
    trials: 4,
    backend,
    stopAtTarget: true,
    recheck,
  });

const rec = (id: string, steps: number | null) =>
  ({
    id,
    status: steps === null ? 'censored' : 'reached',
    outcome: { stepsToTarget: steps },
  }) as unknown as TrialRecord;
const recordsOf = (ids: string[], steps: Array<number | null>) => new Map(ids.map((id, i) => [id, rec(id, steps[i]!)]));

describe('shared candidate points', () => {
  it('gives arms with the same search space the same points on the same tuning seeds, and another space its own points', () => {
    const [adan, adamw] = [plan('adan'), plan('adamw')];
    expect(adan.studies.map((s) => s.map((t) => t.point))).toEqual(adamw.studies.map((s) => s.map((t) => t.point)));
    adan.studies.flat().forEach((t, i) => {
      const other = adamw.studies.flat()[i]!.trial.config;
      expect(t.trial.config.repeat).toEqual(other.repeat);
      // Paired tuning: the same initial weights and batch order for the same point index.
      const [a, b] = [
        trialSeeds(t.trial.config.workload, 'adan', t.trial.config.repeat),
        trialSeeds(other.workload, 'adamw', other.repeat),
      ];
      expect([a.init, a.order]).toEqual([b.init, b.order]);
    });
    const narrow = plan('adamw', { learningRate: { min: 1e-3, max: 1e-2, scaling: 'log' } });
    expect(narrow.studies[0]!.map((t) => t.point)).not.toEqual(adamw.studies[0]!.map((t) => t.point));
    // Different studies draw different points.
    expect(adan.studies[0]!.map((t) => t.point)).not.toEqual(adan.studies[1]!.map((t) => t.point));
  });
});

describe('the tuning re-check', () => {
  it("re-runs each study's best finished points on more seeds, after the first phase's seeds, rank by rank the same in every arm", () => {
    const [a, b] = [plan('adan'), plan('adamw')];
    const ids = (p: StudyPlan) => p.studies.flat().map((t) => t.trial.id);
    // Study 0: points 2 and 0 are best; study 1: only point 3 reached the target.
    const ra = recordsOf(ids(a), [300, 400, 200, null, null, null, null, 250]);
    const rb = recordsOf(ids(b), [500, 100, 600, 700, 800, null, null, null]);
    const ta = planRecheck(a, ra, { kind: 'steps' });
    expect(ta).toHaveLength(2 * 2 + 1 * 2);
    expect(ta.map((t) => t.config.method.hparams.learningRate)).toEqual(
      [2, 2, 0, 0, 7, 7].map((i) => a.studies.flat()[i]!.point.learningRate),
    );
    const index = (k: number, r: number, e: number) => 2 * 4 + (k * 2 + r) * 2 + e;
    const expected = [index(0, 0, 0), index(0, 0, 1), index(0, 1, 0), index(0, 1, 1), index(1, 0, 0), index(1, 0, 1)];
    expect(ta.map((t) => t.config.repeat)).toEqual(expected.map((i) => ({ purpose: 'tune', index: i })));
    expect(Math.min(...ta.map((t) => t.config.repeat.index))).toBeGreaterThanOrEqual(8);
    const tb = planRecheck(b, rb, { kind: 'steps' });
    // The baseline's rank-0 point of study 0 runs on the same extra seeds as the method's.
    expect(tb.slice(0, 2).map((t) => t.config.repeat)).toEqual(ta.slice(0, 2).map((t) => t.config.repeat));
    expect(new Set([...ta, ...tb].map((t) => t.id)).size).toBe(ta.length + tb.length);
    // Without a re-check there is nothing to plan.
    const none = planStudies(registries, {
      workload: 'teacher-student',
      arm: { method: 'adan' },
      space,
      studies: 2,
      trials: 4,
      backend,
      stopAtTarget: true,
    });
    expect(planRecheck(none, ra, { kind: 'steps' })).toEqual([]);
  });

  it('chooses each study by the median over the re-check seeds, not by the first lucky seed', () => {
    const p = plan('nadamw');
    const first = p.studies.flat().map((t) => t.trial.id);
    const records = recordsOf(first, [300, 400, 200, 900, 500, 450, 600, 700]);
    const more = planRecheck(p, records, { kind: 'steps' });
    // Study 0: point 2 (200 first) re-runs at 500 and 520; point 0 (300 first) at 310 and 290 → point 0 wins with median 300.
    // Study 1: point 5 (450) → 460, ∞ (median 460); point 4 (500) → 480, 470 (median 480) → point 5 wins.
    [500, 520, 310, 290, 460, null, 480, 470].forEach((s, i) => records.set(more[i]!.id, rec(more[i]!.id, s)));
    const { rows, choices } = chooseFromStudies([p], records);
    expect(rows.filter((r) => r.winner).map((r) => [r.study, r.steps, r.medianSteps])).toEqual([
      [0, [300, 310, 290], 300],
      [1, [450, 460, null], 460],
    ]);
    expect(rows.filter((r) => r.rechecked).length).toBe(4);
    expect(rows.find((r) => r.study === 0 && r.point === p.studies[0]![2]!.point)).toMatchObject({
      steps: [200, 500, 520],
      medianSteps: 500,
      winner: false,
    });
    expect(choices[0]).toMatchObject({ medianSteps: 380, point: p.studies[0]![0]!.point });
  });

  it('re-checks fixed-budget outcomes the same way, the outcome per seed kept with the point', () => {
    const p = planStudies(registries, {
      workload: 'teacher-student',
      arm: { method: 'rex' },
      space,
      studies: 1,
      trials: 3,
      backend,
      stopAtTarget: false,
      recheck: { top: 1, seeds: 3 },
    });
    const fin = (id: string, v: number | null) =>
      ({
        id,
        status: v === null ? 'diverged' : 'censored',
        config: { target: { metric: 'validation/loss' } },
        outcome: { stepsToTarget: null, finalMetrics: { 'validation/loss': v }, bestTargetMetric: v },
      }) as unknown as TrialRecord;
    const records = new Map(p.studies[0]!.map((t, j) => [t.trial.id, fin(t.trial.id, [0.5, 0.2, null][j]!)]));
    const objective = { kind: 'metric', outcome: 'final', direction: 'lower' } as const;
    const more = planRecheck(p, records, objective);
    expect(more.map((t) => t.config.method.hparams.learningRate)).toEqual(
      [1, 1].map(() => p.studies[0]![1]!.point.learningRate),
    );
    more.forEach((t, i) => records.set(t.id, fin(t.id, [0.3, null][i]!)));
    const { rows, choices } = chooseFromStudies([p], records, objective);
    expect(rows[1]).toMatchObject({ metric: 0.3, metrics: [0.2, 0.3, null], rechecked: true, winner: true });
    expect(choices[0]!.medianMetric).toBe(0.3);
  });

  it("is a claim's second tuning phase: known from the first phase's records, at most studies × top × (seeds − 1) per arm", () => {
    const claim = defineClaim({
      id: 'c',
      version: 1,
      title: 't',
      paper: { title: 'p', authors: 'a', year: 2026, url: 'u' },
      quote: 'q',
      claimedEffect: { description: 'd', direction: 'method-better' },
      fidelity: { kind: 'faithful' },
      testType: 'time-to-target',
      methods: [{ method: 'adan' }],
      baselines: [{ method: 'adamw' }],
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
    expect(t.rechecks).toBe(true);
    expect(t.recheckPlaceholders).toHaveLength(2 /* arms */ * 2 /* studies */ * 2 /* top */ * 2 /* more seeds */);
    const first = t.trials.map((x, i) => rec(x.id, 100 + i));
    const second = t.recheck(first);
    expect(second).toHaveLength(t.recheckPlaceholders.length);
    // The stand-ins cost what the real trials cost: same workloads, arms and budgets.
    expect(second.map((x) => [x.config.method.id, x.config.budget.steps, x.config.repeat.index]).sort()).toEqual(
      t.recheckPlaceholders.map((x) => [x.config.method.id, x.config.budget.steps, x.config.repeat.index]).sort(),
    );
    const chosen = t.choose([...first, ...second.map((x) => rec(x.id, 150))]);
    expect(chosen.description).toMatch(/each study's 2 fastest re-run on 3 tuning seeds in all/);
    expect(chosen.rows.filter((r) => r.rechecked)).toHaveLength(2 * 2 * 2);
    const oneSeed = { ...claim, tuning: { ...claim.tuning!, recheck: { top: 2, seeds: 1 } } as typeof claim.tuning };
    expect(planClaimTuning(registries, oneSeed, resolveRun(oneSeed, 'quick'), backend)!.rechecks).toBe(false);
  });
});
