import { describe, expect, it } from 'vitest';
import { autolrs, autoLrsPlanner } from '../../benchmarks/methods/autolrs.js';
import { builtinMethods } from '../../benchmarks/methods/index.js';
import { builtinWorkloads } from '../../workloads/index.js';
import { initBackend } from '../../harness/backends/select.js';
import { createRegistries } from '../../harness/core/registries.js';
import type { HParams } from '../../harness/core/method.js';
import type { StagePlan } from '../../harness/runner/stages.js';
import { runTrial } from '../../harness/runner/run-trial.js';
import { makeTrial } from '../../harness/plan/plan.js';
import { hostProvenance } from '../../harness/store/provenance.js';
import { TEST_CACHE } from '../helpers/cli.js';

/** AutoLRS with a planner that records what the loop asked and what the probes returned. */
function spyMethod() {
  const log = {
    stages: [] as Array<{ step: number; stage: number }>,
    probes: [] as Array<{ lr: number; losses: number; truncated: boolean }>,
    plans: [] as StagePlan[],
  };
  const method = {
    ...autolrs,
    id: 'autolrs-spy',
    stagePlanner: (hp: HParams) => {
      const inner = autoLrsPlanner(hp);
      return {
        plan: async (ctx: Parameters<typeof inner.plan>[0]) => {
          log.stages.push({ step: ctx.step, stage: ctx.stage });
          const plan = await inner.plan({
            ...ctx,
            probe: async (lr, steps) => {
              const r = await ctx.probe(lr, steps);
              log.probes.push({ lr, losses: r.losses.length, truncated: r.truncated });
              return r;
            },
          });
          log.plans.push(plan);
          return plan;
        },
      };
    },
  };
  return { method, log };
}

async function setup() {
  const spy = spyMethod();
  const registries = createRegistries([
    { defs: { workloads: builtinWorkloads, methods: [...builtinMethods, spy.method] }, origin: 'test' },
  ]);
  const backend = await initBackend('wasm');
  const ctx = { registries, backend, host: hostProvenance(), cacheDir: TEST_CACHE };
  const run = (method: string, hparams: HParams, budgetSteps = 60) => {
    const t = makeTrial(registries, {
      workloadId: 'teacher-student',
      arm: { method, hparams },
      repeat: { purpose: 'eval', index: 0 },
      backend,
      stopAtTarget: false,
      budgetSteps,
    });
    return runTrial(t.id, t.config, ctx); // runTrial fails on any leaked tensor
  };
  return { run, log: spy.log };
}

const SMALL = { learningRate: 0.01, stageSteps: 10, probeSteps: 3, candidates: 3 };

describe('stage planning (AutoLRS)', () => {
  it('charges every probe step: stages start after the earlier probes, probes end at the budget, probed models are never evaluated', async () => {
    const { run, log } = await setup();
    const r = await run('autolrs-spy', SMALL);
    // Stage = 3 probes × 3 steps + 10 stage steps = 19 steps: stages start at 0, 19, 38, 57.
    expect(log.stages).toEqual([0, 19, 38, 57].map((step, stage) => ({ step, stage })));
    // The last stage's search hits the 60-step budget: one 3-step probe, then a truncated empty one.
    expect(log.probes.slice(0, 9).every((p) => p.losses === 3 && !p.truncated)).toBe(true);
    expect(log.probes.slice(9)).toEqual([
      { lr: log.probes[9]!.lr, losses: 3, truncated: false },
      { lr: log.probes[10]!.lr, losses: 0, truncated: true },
    ]);
    expect(r.outcome.stepsRun).toBe(60);
    // Evaluations every 20 steps fall on stage steps only: 20 is a probe step (stage 1 probes run
    // 20..28), so the first is at 29; 40 likewise → 48; and the final one at the budget, with the
    // model restored to the last stage's start.
    expect(r.curve.map((p) => p.step)).toEqual([29, 48, 60]);
    expect(r.curve.map((p) => p.examples)).toEqual([29, 48, 60].map((s) => s * 32));
    // Each stage's rate is one of its candidates, and the next stage's candidates centre on it.
    for (let i = 0; i < 3; i++) {
      const rates = log.probes.slice(3 * i, 3 * i + 3).map((p) => p.lr);
      expect(rates[1]! / rates[0]!).toBeCloseTo(2, 12);
      expect(rates).toContain(log.plans[i]!.learningRate);
      expect(log.probes[3 * (i + 1) + 1]!.lr).toBe(log.plans[i]!.learningRate);
    }
  });

  it('runs the same trial twice to an identical curve', async () => {
    const { run } = await setup();
    const a = await run('autolrs', SMALL);
    const b = await run('autolrs', SMALL);
    expect(b.curve).toEqual(a.curve.map((p, i) => ({ ...p, trainSeconds: b.curve[i]!.trainSeconds })));
    expect(b.outcome.stepsRun).toBe(a.outcome.stepsRun);
  });

  it('with one candidate there are no probes, and the stages train exactly as constant-rate AdamW on the shared batches', async () => {
    const { run, log } = await setup();
    const staged = await run('autolrs-spy', { ...SMALL, candidates: 1 });
    const plain = await run('adamw', { learningRate: 0.01 });
    expect(log.probes).toEqual([]);
    expect(log.stages.map((s) => s.step)).toEqual([0, 10, 20, 30, 40, 50]);
    expect(staged.curve.map((p) => [p.step, p.metrics])).toEqual(plain.curve.map((p) => [p.step, p.metrics]));
  });

  it('rejects settings it cannot use, with a hint', async () => {
    const { run } = await setup();
    await expect(run('autolrs', { ...SMALL, probeSteps: 2 })).rejects.toMatchObject({
      code: 'E_BAD_CONFIG',
      hint: expect.stringContaining('probeSteps'),
    });
  });
});
