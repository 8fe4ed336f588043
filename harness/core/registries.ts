import type { ClaimDefinition } from './claim.js';
import type { MethodDefinition } from './method.js';
import type { SeedPaper } from './paper.js';
import type { PredictorDefinition } from './predictor.js';
import { Registry } from './registry.js';
import type { WorkloadDefinition } from './workload.js';

export interface Registries {
  workloads: Registry<WorkloadDefinition>;
  methods: Registry<MethodDefinition>;
  claims: Registry<ClaimDefinition>;
  /** The curve predictors predictor claims compare (benchmarks/methods/predictors/, or a user's). */
  predictors: Registry<PredictorDefinition>;
  /** The seed papers of claims-catalogue.md and what the harness does with each (built-in only). */
  papers: SeedPaper[];
  /** Path of the user config that was loaded, relative to the working directory (for the manifest). */
  configFile: string | null;
}

export interface Definitions {
  workloads?: WorkloadDefinition[];
  methods?: MethodDefinition[];
  claims?: ClaimDefinition[];
  predictors?: PredictorDefinition[];
  papers?: SeedPaper[];
}

export function createRegistries(
  sets: Array<{ defs: Definitions; origin: string }>,
  configFile: string | null = null,
): Registries {
  const r: Registries = {
    workloads: new Registry<WorkloadDefinition>('workload'),
    methods: new Registry<MethodDefinition>('method'),
    claims: new Registry<ClaimDefinition>('claim'),
    predictors: new Registry<PredictorDefinition>('predictor'),
    papers: [],
    configFile,
  };
  for (const { defs, origin } of sets) {
    for (const w of defs.workloads ?? []) r.workloads.add(w, origin);
    for (const m of defs.methods ?? []) r.methods.add(m, origin);
    for (const c of defs.claims ?? []) r.claims.add(c, origin);
    for (const p of defs.predictors ?? []) r.predictors.add(p, origin);
    r.papers.push(...(defs.papers ?? []));
  }
  return r;
}
