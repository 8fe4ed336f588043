/**
 * `run --dry-run` on the largest plans the limits accept (harness/core/limits.ts): a claim of
 * exactly MAX_PLANNED_TRIALS trials at the seed limit, and the largest built-in claim at the seed
 * limit. Goal: each answers in under a second once the CLI has started (docs/limits.md).
 *
 *   npx tsx benchmarks/perf/dry-run-plan.ts
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_PLANNED_TRIALS, MAX_SEEDS } from '../../harness/core/limits.js';
import { plannedTrialCount } from '../../harness/plan/plan-size.js';
import { runClaim } from '../../harness/scheduler/run-claim.js';
import { lineReporter } from '../../harness/scheduler/progress.js';
import { loadRegistries } from '../../harness/builtins.js';

// Five workloads × two arms × MAX_SEEDS = MAX_PLANNED_TRIALS, no tuning: the limit exactly.
const project = mkdtempSync(join(tmpdir(), 'reprobench-bench-dry-'));
writeFileSync(
  join(project, 'reprobench.config.mjs'),
  `export default { claims: [{ id: 'at-the-limit', version: 1, title: 't',
    paper: { title: 'p', authors: 'a', year: 2026, url: 'https://example.org' }, quote: 'q', claimedEffect: { description: 'd' },
    testType: 'time-to-target', methods: [{ method: 'adan' }], baselines: [{ method: 'nadamw' }],
    workloads: ['teacher-student', 'polynomial-regression', 'modular-addition', 'char-lm', 'fashion-mnist-mlp'],
    margin: { value: 0.1, units: 'relative' }, repeats: { quick: 2, standard: ${MAX_SEEDS} }, miniature: 'm' }] };\n`,
);

async function time(claim: string, preset: 'quick' | 'standard', cwd: string): Promise<{ trials: number; ms: number }> {
  const registries = await loadRegistries(cwd);
  const trials = plannedTrialCount(registries.claims.get(claim), preset, MAX_SEEDS);
  let lines = 0;
  const t0 = performance.now();
  const runDir = join(mkdtempSync(join(tmpdir(), 'reprobench-bench-dry-')), 'run');
  await runClaim({
    claim,
    preset,
    seeds: MAX_SEEDS,
    backend: 'auto',
    workers: 2,
    runDir,
    cacheDir: tmpdir(),
    cwd,
    trialTimeoutSec: 60,
    dryRun: true,
    command: 'bench',
    reporter: lineReporter(() => lines++),
    log: () => lines++,
  });
  return { trials, ms: performance.now() - t0 };
}

const rows: Array<[string, { trials: number; ms: number }]> = [];
// The first call also loads the backend (as every CLI start does); the rest are warm.
rows.push(['rex, standard (cold: backend init)', await time('rex', 'standard', process.cwd())]);
rows.push(['rex, standard', await time('rex', 'standard', process.cwd())]);
rows.push(['at-the-limit (5 workloads × 2 arms)', await time('at-the-limit', 'standard', project)]);
for (const [name, r] of rows)
  console.log(`${name.padEnd(40)} ${String(r.trials).padStart(6)} trials  ${r.ms.toFixed(0).padStart(6)} ms`);
const atLimit = rows[2]![1].trials;
if (atLimit !== MAX_PLANNED_TRIALS)
  throw new Error(`the limit claim plans ${atLimit} trials, not ${MAX_PLANNED_TRIALS}`);
