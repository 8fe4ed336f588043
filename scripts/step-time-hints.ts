// What a step costs per workload and backend in finished runs, next to each workload's
// msPerStepHint, to recalibrate the hints from: they are the cost model of `--dry-run` before any
// trial ran and of the shard balancer (harness/plan/estimate.ts, plannedSeconds).
//   npx tsx scripts/step-time-hints.ts <run dir | parent of run dirs> ...   (e.g. runs/standard-all)
// Per workload and backend: all trials' train + eval + init seconds over all their steps run, so
// the hint makes a whole run's estimate right rather than one trial's, then ÷ 1.15, the margin
// plannedSeconds adds. The numbers carry the machine's speed and load: say where they come from
// where a hint is changed.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadRegistries } from '../harness/builtins.js';
import { measuredSeconds, PLANNED_MARGIN, type MeasuredTrial } from '../harness/plan/estimate.js';
import { readTrials, trialsDir } from '../harness/store/trial-store.js';

export interface MeasuredHint {
  workload: string;
  backend: string;
  trials: number;
  steps: number;
  /** Milliseconds per step run, eval and init included, ÷ PLANNED_MARGIN: the hint to set. */
  msPerStep: number;
}

export function measuredHints(trials: MeasuredTrial[]): MeasuredHint[] {
  const groups = new Map<
    string,
    { workload: string; backend: string; trials: number; steps: number; seconds: number }
  >();
  for (const t of trials) {
    if (t.outcome.stepsRun <= 0) continue;
    const key = `${t.config.workload.id}\u0000${t.config.backend}`;
    const g = groups.get(key) ?? {
      workload: t.config.workload.id,
      backend: t.config.backend,
      trials: 0,
      steps: 0,
      seconds: 0,
    };
    g.trials++;
    g.steps += t.outcome.stepsRun;
    g.seconds += measuredSeconds(t);
    groups.set(key, g);
  }
  return [...groups.values()]
    .map((g) => ({
      workload: g.workload,
      backend: g.backend,
      trials: g.trials,
      steps: g.steps,
      msPerStep: (1000 * g.seconds) / g.steps / PLANNED_MARGIN,
    }))
    .sort((a, b) => a.workload.localeCompare(b.workload) || a.backend.localeCompare(b.backend));
}

/** A run directory holds trials/; a parent of run directories (run all's --out) holds one per claim. */
function runDirs(path: string): string[] {
  if (existsSync(trialsDir(path))) return [path];
  return readdirSync(path, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(trialsDir(join(path, d.name))))
    .map((d) => join(path, d.name));
}

async function main(paths: string[]): Promise<void> {
  if (paths.length === 0)
    throw new Error('usage: npx tsx scripts/step-time-hints.ts <run dir | parent of run dirs> ...');
  const trials = paths.flatMap(runDirs).flatMap((dir) => [...readTrials(dir).values()]);
  const registries = await loadRegistries();
  process.stdout.write('workload\tbackend\ttrials\tsteps\tmeasured hint (ms/step)\tcurrent hint\n');
  for (const h of measuredHints(trials)) {
    const current = registries.workloads.get(h.workload).msPerStepHint?.[h.backend];
    process.stdout.write(
      `${h.workload}\t${h.backend}\t${h.trials}\t${h.steps}\t${h.msPerStep.toFixed(2)}\t${current ?? '(none)'}\n`,
    );
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    process.stderr.write(`step-time-hints: ${(e as Error).message}\n`);
    process.exit(1);
  });
}
