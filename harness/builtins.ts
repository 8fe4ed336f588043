import type { Argv } from 'yargs';
import { benchmarkClaims } from '../benchmarks/claims/index.js';
import { benchCommand as mountBench } from '../benchmarks/perf/command.js';
import { builtinMethods } from '../benchmarks/methods/index.js';
import { builtinPredictors } from '../benchmarks/methods/predictors/index.js';
import { seedPapers } from '../benchmarks/papers/index.js';
import { builtinWorkloads } from '../workloads/index.js';
import { AdamWOptimizer } from '../benchmarks/methods/optimizers/adamw.js';
import { setProbeOptimizer } from './backends/probe-models.js';
import { findConfigFile, loadUserConfig } from './core/config.js';
import { checkPapers } from './core/papers.js';
import { createRegistries, type Registries } from './core/registries.js';
import { checkClaimReferences, checkMetricNames } from './core/validate.js';
import { relative } from 'node:path';

// `--backend auto` times the step the built-in methods take: the built-in AdamW.
setProbeOptimizer(() => new AdamWOptimizer({ learningRate: 1e-3 }));

/**
 * The composition root: built-in workloads, methods, claims, predictors and the seed papers, plus the user's
 * `reprobench.config.*` from `cwd` when there is one (its workloads, methods, claims and predictors; the seed
 * papers are the shipped catalogue's). Workers call this too, so user definitions exist in every
 * process.
 */
export async function loadRegistries(cwd: string = process.cwd()): Promise<Registries> {
  const builtIn = {
    workloads: builtinWorkloads,
    methods: builtinMethods,
    claims: benchmarkClaims,
    predictors: builtinPredictors,
    papers: seedPapers,
  };
  const sets = [{ defs: builtIn, origin: 'built-in' }];
  const file = findConfigFile(cwd);
  if (file) {
    const { workloads, methods, claims, predictors } = await loadUserConfig(file);
    sets.push({
      defs: { workloads, methods, claims, predictors },
      origin: relative(cwd, file),
    } as (typeof sets)[number]);
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
