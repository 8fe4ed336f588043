import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { benchmarkClaims } from '../../../../benchmarks/claims/index.js';
import { builtinMethods } from '../../../../benchmarks/methods/index.js';
import { builtinWorkloads } from '../../../../workloads/index.js';
import type { BackendInfo } from '../../../../harness/backends/select.js';
import { loadUserConfig } from '../../../../harness/core/config.js';
import { checkPlannedTrials, checkSeeds, MAX_PLANNED_TRIALS, MAX_SEEDS } from '../../../../harness/core/limits.js';
import { createRegistries } from '../../../../harness/core/registries.js';
import { isReprobenchError } from '../../../../harness/errors.js';
import { planEvaluation } from '../../../../harness/plan/plan.js';
import { checkClaimPlan, plannedTrialCount } from '../../../../harness/plan/plan-size.js';
import { planClaimTuning } from '../../../../harness/plan/claim-tuning.js';
import { resolveRun } from '../../../../harness/plan/resolve-run.js';
import { tempDir } from '../../../helpers/cli.js';

const backend: BackendInfo = { name: 'wasm', tfjsVersion: '4.22.0', numericsClass: 'wasm-tfjs4.22.0-k1', reasons: [] };
const defs = { workloads: builtinWorkloads, methods: builtinMethods, claims: benchmarkClaims };
const registries = createRegistries([{ defs, origin: 'built-in' }]);

function coded(f: () => unknown): { code: string; message: string; hint: string } {
  try {
    f();
  } catch (e) {
    expect(isReprobenchError(e), String(e)).toBe(true);
    return e as { code: string; message: string; hint: string };
  }
  throw new Error('expected a coded error');
}

describe('limits on seeds, repeats and planned trials', () => {
  it('refuses more seeds than the limit, saying the limit and why (the reported --seeds 1e9)', () => {
    const e = coded(() => checkSeeds(1e9, '--seeds'));
    expect(e.code).toBe('E_BAD_OPTION');
    expect(e.message).toContain(`limited to at most ${MAX_SEEDS} per method and workload`);
    expect(e.message).toMatch(/resolve effects .* each is a training run/);
    expect(() => checkSeeds(MAX_SEEDS, '--seeds')).not.toThrow();
    for (const bad of [0, -1, 2.5, Number.NaN, Infinity])
      expect(coded(() => checkSeeds(bad, '--seeds')).code).toBe('E_BAD_OPTION');
  });

  it('refuses a plan of more trials than the limit, before planning it', () => {
    const e = coded(() => checkPlannedTrials(MAX_PLANNED_TRIALS + 1, 'claim x'));
    expect(e.code).toBe('E_PLAN_TOO_LARGE');
    expect(e.message).toContain(`at most ${MAX_PLANNED_TRIALS.toLocaleString('en-US')}`);
    expect(e.message).toMatch(/held in memory .* --dry-run must answer at once/);
    expect(() => checkPlannedTrials(MAX_PLANNED_TRIALS, 'claim x')).not.toThrow();
  });

  it("counts a claim's planned trials exactly as the planners build them, for every built-in claim", () => {
    for (const claim of registries.claims.values()) {
      for (const preset of ['quick', 'standard'] as const) {
        const repeats = claim.repeats[preset];
        const tuningPlan = planClaimTuning(registries, claim, resolveRun(claim, preset), backend);
        const built =
          (tuningPlan?.trials.length ?? 0) + planEvaluation(registries, claim, preset, repeats, backend, {}).length;
        // A quick run that reuses a reference's tuning plans none; the count stays an upper bound and includes it.
        const reused = tuningPlan?.recordedFrom ? plannedTrialCount(claim, preset, 0) : 0;
        expect(plannedTrialCount(claim, preset, repeats), `${claim.id} ${preset}`).toBe(built + reused);
      }
    }
  });

  it('the largest built-in claim runs at the seed limit or refuses it with E_PLAN_TOO_LARGE, never plans for ever', () => {
    for (const claim of registries.claims.values()) {
      const n = plannedTrialCount(claim, 'standard', MAX_SEEDS);
      if (n <= MAX_PLANNED_TRIALS) expect(() => checkClaimPlan(claim, 'standard', MAX_SEEDS)).not.toThrow();
      else expect(coded(() => checkClaimPlan(claim, 'standard', MAX_SEEDS)).code).toBe('E_PLAN_TOO_LARGE');
    }
    expect(coded(() => checkClaimPlan(registries.claims.get('adan'), 'quick', 1e9)).code).toBe('E_BAD_OPTION');
  });

  it("refuses a claim card's repeats over the limit when the config loads", async () => {
    const file = join(tempDir(), 'reprobench.config.mjs');
    const claim = `{ id: 'big', version: 1, title: 't', paper: { title: 'p', authors: 'a', year: 2026, url: 'https://example.org' }, quote: 'q',
      claimedEffect: { description: 'd', direction: 'method-better' }, fidelity: { kind: 'faithful' }, testType: 'time-to-target', methods: [{ method: 'adan' }], baselines: [{ method: 'nadamw' }],
      workloads: ['teacher-student'], margin: { value: 0.1, units: 'relative' }, repeats: { quick: 2, standard: ${MAX_SEEDS + 1} }, miniature: 'm' }`;
    writeFileSync(file, `export default { claims: [${claim}] };\n`);
    let err: unknown;
    await loadUserConfig(file).catch((e) => (err = e));
    expect(isReprobenchError(err) && err.code).toBe('E_BAD_CONFIG');
    expect((err as Error).message).toMatch(
      new RegExp(`claims\\.0\\.repeats\\.standard: at most ${MAX_SEEDS} seeds per method and workload`),
    );
  });
});
