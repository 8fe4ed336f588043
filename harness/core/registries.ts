import type { ClaimDefinition } from './claim.js';
import type { MethodDefinition } from './method.js';
import type { SeedPaper } from './paper.js';
import { Registry } from './registry.js';
import type { WorkloadDefinition } from './workload.js';

export interface Registries {
  workloads: Registry<WorkloadDefinition>;
  methods: Registry<MethodDefinition>;
  claims: Registry<ClaimDefinition>;
  /** The seed papers of claims-catalogue.md and what the harness does with each (built-in only). */
  papers: SeedPaper[];
  /** Path of the user config that was loaded, relative to the working directory (for the manifest). */
  configFile: string | null;
}

export interface Definitions {
  workloads?: WorkloadDefinition[];
  methods?: MethodDefinition[];
  claims?: ClaimDefinition[];
  papers?: SeedPaper[];
}

export function createRegistries(sets: Array<{ defs: Definitions; origin: string }>, configFile: string | null = null): Registries {
  const r: Registries = {
    workloads: new Registry<WorkloadDefinition>('workload'),
    methods: new Registry<MethodDefinition>('method'),
    claims: new Registry<ClaimDefinition>('claim'),
    papers: [],
    configFile,
  };
  for (const { defs, origin } of sets) {
    for (const w of defs.workloads ?? []) r.workloads.add(w, origin);
    for (const m of defs.methods ?? []) r.methods.add(m, origin);
    for (const c of defs.claims ?? []) r.claims.add(c, origin);
    r.papers.push(...(defs.papers ?? []));
  }
  return r;
}
