import { describe, expect, it } from 'vitest';
import { builtinMethods } from '../../../../benchmarks/methods/index.js';
import { teacherStudent } from '../../../../workloads/synthetic/teacher-student.js';
import type { BackendInfo } from '../../../../harness/backends/select.js';
import { defineClaim } from '../../../../harness/core/claim.js';
import { createRegistries } from '../../../../harness/core/registries.js';
import type { TrialRecord } from '../../../../harness/core/trial.js';
import { planSlurm } from '../../../../harness/scale/slurm.js';
import { shardStatus } from '../../../../harness/scale/shard-status.js';
import { listPlan } from '../../../../harness/plan/plan-listing.js';
import { resolveRun } from '../../../../harness/plan/resolve-run.js';
import { allTuningTrials, planPhases, type PhaseContext } from '../../../../harness/plan/phases.js';
import type { PlannedTrial } from '../../../../harness/plan/plan.js';
import { tempDir } from '../../../helpers/cli.js';

const backend: BackendInfo = { name: 'wasm', tfjsVersion: '4.22.0', numericsClass: 'wasm-tfjs4.22.0-k1', reasons: [] };
const space = { learningRate: { min: 1e-3, max: 1e-1, scaling: 'log' as const } };
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
    recheck: { top: 1, seeds: 3 },
  },
});
const registries = createRegistries([
  { defs: { workloads: [teacherStudent], methods: builtinMethods, claims: [claim] }, origin: 'test' },
]);
const ctx: PhaseContext = { registries, claim, backend, ...resolveRun(claim, 'quick', 2) };

/** A finished record that reached the target after `steps` steps. */
const reached = (t: PlannedTrial, steps: number) =>
  ({ id: t.id, status: 'reached', config: t.config, outcome: { stepsToTarget: steps } }) as unknown as TrialRecord;

describe('the tuning re-check phase', () => {
  it('is planned once the first phase is finished, and evaluation once the re-check is', () => {
    const stored = new Map<string, TrialRecord>();
    let plan = planPhases(ctx, stored);
    expect(plan).toMatchObject({ hasRecheck: true, recheckTrials: null, recheckMissing: null, evaluation: null });
    expect(plan.tuningTrials).toHaveLength(2 * 2 * 3);
    plan.tuningTrials.forEach((t, i) => stored.set(t.id, reached(t, 100 + 10 * (i % 3))));
    plan = planPhases(ctx, stored);
    // One point per study and arm, on 2 more seeds.
    expect(plan.recheckTrials).toHaveLength(2 * 2 * 2);
    expect(plan.recheckMissing).toHaveLength(8);
    expect(plan.evaluation).toBeNull();
    expect(allTuningTrials(plan)).toHaveLength(12 + 8);
    for (const t of plan.recheckTrials!) stored.set(t.id, reached(t, 120));
    plan = planPhases(ctx, stored);
    expect(plan.recheckMissing).toEqual([]);
    expect(plan.evaluation).toHaveLength(2 * 2);
    expect(plan.sweep!.rows.filter((r) => r.rechecked)).toHaveLength(4);
  });

  it('is listed by `plan` (at its most, without ids, until the first phase is done) and sharded like any phase', () => {
    const stored = new Map<string, TrialRecord>();
    let listing = listPlan(ctx, stored, 2);
    expect(listing.phases.recheck).toEqual({ trials: 8, done: 0, planned: false });
    expect(listing.trials.filter((t) => t.phase === 'recheck').every((t) => t.id === null && t.shard === null)).toBe(
      true,
    );
    expect(listing.shardTotals!.map((s) => s.recheck)).toEqual([null, null]);
    const status0 = shardStatus(ctx, stored, 2);
    expect([status0.hasRecheck, status0.recheck]).toEqual([true, [1, 2]]);

    const first = planPhases(ctx, stored).tuningTrials;
    first.forEach((t, i) => stored.set(t.id, reached(t, 100 + i)));
    listing = listPlan(ctx, stored, 2);
    expect(listing.phases.recheck).toEqual({ trials: 8, done: 0, planned: true });
    const shards = listing.shardTotals!.map((s) => s.recheck!.trials);
    expect(shards.reduce((a, b) => a + b, 0)).toBe(8);
    expect(listing.trials.filter((t) => t.phase === 'recheck').every((t) => t.id !== null && t.shard !== null)).toBe(
      true,
    );

    const dir = tempDir('reprobench-slurm-plan-');
    const slurm = planSlurm({
      registries,
      claim,
      backend,
      preset: 'quick',
      seeds: 2,
      runDir: dir,
      cacheDir: dir,
      workDir: dir,
      arraySize: 2,
      resources: { cpusPerTask: 1, extra: [] },
      trialTimeoutSec: 60,
      launcher: ['echo'],
      command: 'test',
      log: () => {},
    });
    // The run directory on disk is empty: Slurm submits every phase, the re-check between tuning and evaluation.
    expect(slurm.roles.map((r) => r.role)).toEqual(['tuning', 'recheck', 'evaluation', 'merge']);
    expect(slurm.scripts.recheck).toContain('--phase recheck');
  });

  it('does not exist for grid tuning or a one-seed re-check', () => {
    const grid = {
      ...claim,
      tuning: {
        hparam: 'learningRate',
        grid: { adan: [1e-3, 1e-2], adamw: [1e-3, 1e-2] },
        seeds: 1,
        objective: 'median-steps-to-target' as const,
      },
    };
    const oneSeed = { ...claim, tuning: { ...claim.tuning!, recheck: { top: 2, seeds: 1 } } as typeof claim.tuning };
    for (const c of [grid, oneSeed]) {
      const stored = new Map<string, TrialRecord>();
      const c2: PhaseContext = { ...ctx, claim: c, ...resolveRun(c, 'quick', 2) };
      const plan = planPhases(c2, stored);
      expect(plan.hasRecheck).toBe(false);
      for (const t of plan.tuningTrials) stored.set(t.id, reached(t, 100));
      const done = planPhases(c2, stored);
      expect(done.recheckTrials).toEqual([]);
      expect(done.evaluation).toHaveLength(4);
      expect(listPlan(c2, stored, null).phases.recheck).toBeNull();
    }
  });
});
