import { ReprobenchError } from '../errors.js';
import type { Registries } from './registries.js';
import { suggest } from './registry.js';
import { parseWorkloadRef } from './workload.js';

/**
 * Every id a claim names must exist, and every tuned arm needs a grid of the same size as the
 * others (fair tuning). Checked at load, before anything runs.
 * @throws ReprobenchError E_BAD_CONFIG
 */
export function checkClaimReferences(r: Registries): void {
  for (const c of r.claims.values()) {
    if (c.id === 'all') throw new ReprobenchError('E_BAD_CONFIG', 'a claim is named "all", which `reprobench run all` reserves for the whole catalogue', 'rename the claim');
    const refs: Array<[string, string, string[]]> = [
      ...c.workloads.map((w): [string, string, string[]] => ['workload', parseWorkloadRef(w).id, r.workloads.ids()]),
      ...c.workloads
        .filter((w) => r.workloads.has(parseWorkloadRef(w).id) && parseWorkloadRef(w).variant !== 'default')
        .map((w): [string, string, string[]] => {
          const { id, variant } = parseWorkloadRef(w);
          return [`variant of ${id}`, variant, ['default', ...Object.keys(r.workloads.get(id).variants ?? {})]];
        }),
      ...(c.quickWorkloads ?? []).map((w): [string, string, string[]] => ['workload', w, c.workloads]),
      ...[...c.methods, ...c.baselines].map((a): [string, string, string[]] => ['method', a.method, r.methods.ids()]),
    ];
    for (const [kind, id, known] of refs) {
      if (!known.includes(id)) {
        const s = suggest(id, known);
        throw new ReprobenchError('E_BAD_CONFIG', `claim "${c.id}" names unknown ${kind} "${id}"`, `${s ? `did you mean "${s}"? ` : ''}known: ${known.join(', ')}`);
      }
    }
    if (c.claimedEffect.direction === 'equivalent') {
      if (c.claimedEffect.magnitude !== undefined) {
        throw new ReprobenchError('E_BAD_CONFIG', `claim "${c.id}" claims equivalence and a magnitude`, 'an equivalence (parity) claim has no claimed size: drop claimedEffect.magnitude; the margin says how close counts as equivalent');
      }
      if (c.testType !== 'time-to-target' && c.testType !== 'fixed-budget') {
        throw new ReprobenchError('E_BAD_CONFIG', `claim "${c.id}": equivalence is tested for time-to-target and fixed-budget claims, not ${c.testType}`, "use testType 'time-to-target' or 'fixed-budget'");
      }
    }
    if (c.testType === 'phenomenon' && !c.phenomenon) {
      throw new ReprobenchError('E_BAD_CONFIG', `claim "${c.id}" is a phenomenon claim without a statistic`, 'declare `phenomenon: { description, statistic, nullRegion, claimedSide }` (docs/claims.md)');
    }
    if (c.testType !== 'phenomenon' && c.baselines.length === 0) {
      throw new ReprobenchError('E_BAD_CONFIG', `claim "${c.id}" (${c.testType}) has no baseline`, 'name at least one baseline arm; only phenomenon claims go without');
    }
    if (c.phenomenon) {
      const [lo, hi] = c.phenomenon.nullRegion;
      const bound = c.phenomenon.claimedSide === 'above' ? hi : lo;
      if (bound === null || (lo !== null && hi !== null && lo >= hi)) {
        throw new ReprobenchError('E_BAD_CONFIG', `claim "${c.id}": null region [${lo}, ${hi}] is empty or unbounded on the claimed side (${c.phenomenon.claimedSide})`, 'bound the null region on the side where the paper says the statistic lies');
      }
    }
    if (c.tuning && c.tuning.kind === 'search') {
      for (const a of [...c.methods, ...c.baselines]) {
        const space = c.tuning.spaces?.[a.method] ?? (r.methods.has(a.method) ? r.methods.get(a.method).searchSpace : undefined);
        if (!space || Object.keys(space).length === 0) {
          throw new ReprobenchError('E_BAD_CONFIG', `claim "${c.id}": method "${a.method}" has no search space to tune`, 'give the method a `searchSpace`, or the claim `tuning.spaces[method]`');
        }
      }
    } else if (c.tuning) {
      const grid = c.tuning.grid;
      const sizes = [...c.methods, ...c.baselines].map((a) => grid[a.method]?.length ?? 0);
      if (new Set(sizes).size !== 1 || sizes[0] === 0) {
        throw new ReprobenchError('E_BAD_CONFIG', `claim "${c.id}": every method needs a tuning grid of the same size (got ${sizes.join(', ')})`, 'give each method in tuning.grid the same number of points: the same tuning budget for all');
      }
    }
  }
}
