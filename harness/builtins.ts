import type { Argv } from 'yargs';
import { benchmarkClaims } from '../benchmarks/claims/index.js';
import { benchCommand as mountBench } from '../benchmarks/perf/command.js';
import { builtinMethods } from '../benchmarks/methods/index.js';
import { seedPapers } from '../benchmarks/papers/index.js';
import { builtinWorkloads } from '../workloads/index.js';
import { findConfigFile, loadUserConfig } from './core/config.js';
import { checkPapers } from './core/papers.js';
import { createRegistries, type Registries } from './core/registries.js';
import { checkClaimReferences, checkMetricNames } from './core/validate.js';
import { relative } from 'node:path';

/**
 * The composition root: built-in workloads, methods, claims and the seed papers, plus the user's
 * `reprobench.config.*` from `cwd` when there is one (its workloads, methods and claims; the seed
 * papers are the shipped catalogue's). Workers call this too, so user definitions exist in every
 * process.
 */
export async function loadRegistries(cwd: string = process.cwd()): Promise<Registries> {
  const builtIn = { workloads: builtinWorkloads, methods: builtinMethods, claims: benchmarkClaims, papers: seedPapers };
  const sets = [{ defs: builtIn, origin: 'built-in' }];
  const file = findConfigFile(cwd);
  if (file) {
    const { workloads, methods, claims } = await loadUserConfig(file);
    sets.push({ defs: { workloads, methods, claims }, origin: relative(cwd, file) } as (typeof sets)[number]);
  }
  const registries = createRegistries(sets, file ? relative(cwd, file) : null);
  checkClaimReferences(registries);
  checkMetricNames(registries);
  checkPapers(registries);
  return registries;
}

/** `reprobench bench`: the engine benchmarks live with the content (benchmarks/perf) and get the registries from here. */
export function benchCommand(y: Argv): Argv {
  return mountBench(y, loadRegistries);
}
