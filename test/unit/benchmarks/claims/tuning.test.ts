import { describe, expect, it } from 'vitest';
import { benchmarkClaims } from '../../../../benchmarks/claims/index.js';
import { builtinMethods } from '../../../../benchmarks/methods/index.js';
import { builtinWorkloads } from '../../../../workloads/index.js';
import type { BackendInfo } from '../../../../harness/backends/select.js';
import { createRegistries } from '../../../../harness/core/registries.js';
import { trialSeeds } from '../../../../harness/runner/seeds.js';
import { armsOf, workloadsFor } from '../../../../harness/plan/plan.js';
import { planClaimTuning } from '../../../../harness/plan/claim-tuning.js';
import { resolveRun } from '../../../../harness/plan/resolve-run.js';
import { parseSearchSpace, searchSpaceKey } from '../../../../harness/tuning/search-space.js';
import { searchSpaceOf } from '../../../../harness/tuning/studies.js';

const registries = createRegistries([
  { defs: { workloads: builtinWorkloads, methods: builtinMethods, claims: benchmarkClaims }, origin: 'built-in' },
]);
const backend: BackendInfo = { name: 'wasm', tfjsVersion: '4.22.0', numericsClass: 'wasm-tfjs4.22.0-k1', reasons: [] };
const searched = benchmarkClaims.filter((c) => c.tuning?.kind === 'search');

describe('fair tuning of the shipped claims', () => {
  it('has search-tuned claims to check', () => expect(searched.length).toBeGreaterThan(5));

  it.each(searched.map((c) => [c.id, c] as const))(
    '%s: arms that share a search space are tuned on the same points and seeds',
    (_id, c) => {
      const t = c.tuning!;
      if (t.kind !== 'search') throw new Error('unreachable');
      const plan = planClaimTuning(registries, c, resolveRun(c, 'standard'), backend)!;
      for (const w of workloadsFor(c, 'standard')) {
        const bySpace = new Map<string, string[]>();
        for (const arm of armsOf(c)) {
          const key = searchSpaceKey(parseSearchSpace(searchSpaceOf(registries, arm.method, t.spaces)));
          bySpace.set(key, [...(bySpace.get(key) ?? []), arm.method]);
        }
        for (const methods of bySpace.values()) {
          // Per arm, in plan order: study index and point index are the repeat index.
          const ref = (x: (typeof plan.trials)[number]) =>
            `${x.config.workload.id}${x.config.workload.variant === 'default' ? '' : `:${x.config.workload.variant}`}`;
          const trials = methods.map((m) => plan.trials.filter((x) => x.config.method.id === m && ref(x) === w));
          for (const ts of trials) expect(ts).toHaveLength(t.studies * t.trialsPerStudy);
          const tuned = (x: (typeof trials)[number][number]) =>
            Object.fromEntries(
              Object.keys(searchSpaceOf(registries, x.config.method.id, t.spaces)).map((k) => [
                k,
                x.config.method.hparams[k],
              ]),
            );
          const seeds = (x: (typeof trials)[number][number]) => {
            const s = trialSeeds(x.config.workload, x.config.method.id, x.config.repeat);
            return [s.init, s.order];
          };
          for (const other of trials.slice(1)) {
            expect(other.map(tuned)).toEqual(trials[0]!.map(tuned));
            expect(other.map((x) => x.config.repeat)).toEqual(trials[0]!.map((x) => x.config.repeat));
            expect(other.map(seeds)).toEqual(trials[0]!.map(seeds));
          }
        }
      }
    },
  );

  it.each(searched.map((c) => [c.id, c] as const))(
    '%s: tunes with at least 2 studies × 6 points and re-checks, or says why not',
    (_id, c) => {
      const t = c.tuning!;
      if (t.kind !== 'search') throw new Error('unreachable');
      const full =
        t.studies >= 2 &&
        t.trialsPerStudy >= 6 &&
        (t.recheck === undefined || (t.recheck.top >= 2 && t.recheck.seeds >= 3));
      if (!full)
        expect(t.reducedBudget?.length ?? 0, 'a reduced tuning budget needs its reason on the card').toBeGreaterThan(
          40,
        );
      // A recorded choice names only this card's workloads and arms.
      const keys = new Set(c.workloads.flatMap((w) => armsOf(c).map((a) => `${w}/${a.method}`)));
      for (const k of Object.keys(c.tuningRecord?.chosen ?? {})) expect(keys).toContain(k);
    },
  );
});
