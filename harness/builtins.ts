import { benchmarkClaims } from '../benchmarks/claims/index.js';
import { builtinMethods } from '../benchmarks/methods/index.js';
import { builtinWorkloads } from '../workloads/index.js';
import { findConfigFile, loadUserConfig } from './core/config.js';
import { createRegistries, type Registries } from './core/registries.js';
import { checkClaimReferences, checkMetricNames } from './core/validate.js';
import { relative } from 'node:path';

/**
 * The composition root: built-in workloads, methods and claims, plus the user's
 * `reprobench.config.*` from `cwd` when there is one. Workers call this too, so user
 * definitions exist in every process.
 */
export async function loadRegistries(cwd: string = process.cwd()): Promise<Registries> {
  const sets = [{ defs: { workloads: builtinWorkloads, methods: builtinMethods, claims: benchmarkClaims }, origin: 'built-in' }];
  const file = findConfigFile(cwd);
  if (file) sets.push({ defs: await loadUserConfig(file), origin: relative(cwd, file) } as (typeof sets)[number]);
  const registries = createRegistries(sets, file ? relative(cwd, file) : null);
  checkClaimReferences(registries);
  checkMetricNames(registries);
  return registries;
}
