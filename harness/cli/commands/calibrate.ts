import { join, resolve } from 'node:path';
import type { Argv } from 'yargs';
import { workloadProbeModels } from '../../runner/probe-models.js';
import { initBackend } from '../../backends/select.js';
import { loadRegistries } from '../../builtins.js';
import { makeTrial } from '../../scheduler/plan.js';
import { runPool } from '../../scheduler/pool.js';
import { lineReporter } from '../../scheduler/progress.js';
import { hostProvenance } from '../../store/provenance.js';
import { isFinished, readTrials } from '../../store/trial-store.js';
import { setTarget } from '../../tuning/targets.js';
import { positiveInt, trainingOptions } from '../options.js';
import { parseWorkloadRef, resolveVariant } from '../../core/workload.js';
import type { HParams } from '../../core/method.js';
import { ReprobenchError } from '../../errors.js';

export function calibrateCommand(y: Argv) {
  return y.command(
    'calibrate <workload>',
    "set a workload's target and budget from baseline runs (DESIGN § Rules: the value ~80% of seeds reach; budget 4/3 of the median steps to it)",
    (c) =>
      trainingOptions(
        c
          .positional('workload', { type: 'string', demandOption: true, describe: 'workload id, or id:variant' })
          .option('method', { type: 'string', default: 'nadamw', describe: 'the reference baseline (AlgoPerf: NAdamW)' })
          .option('hparams', { type: 'string', describe: 'JSON overrides of the baseline\'s defaults, when the workload\'s reference baseline is not a method\'s defaults (e.g. \'{"weightDecay":1}\')' })
          .option('seeds', { type: 'number', default: 10, describe: 'baseline seeds (at least 10)' })
          .option('steps', { type: 'number', demandOption: true, describe: 'the generous step budget of the baseline runs (also their schedule horizon)' })
          .option('out', { type: 'string', describe: 'run directory (default: runs/calibrate-<workload>)' }),
      ).check((argv) => {
        positiveInt(argv.seeds, '--seeds');
        positiveInt(argv.steps, '--steps');
        return true;
      }),
    async (argv) => {
      const registries = await loadRegistries();
      // A variant has its own target (DESIGN § Vocabulary), so it is calibrated on its own.
      const ref = parseWorkloadRef(argv.workload as string);
      const resolved = resolveVariant(registries.workloads.get(ref.id), ref.variant);
      const workload = resolved.def;
      registries.methods.get(argv.method);
      const hparams = parseHparams(argv.hparams);
      const backend = await initBackend(argv.backend, { probe: () => workloadProbeModels(registries, [argv.workload as string], argv['cache-dir']), cacheDir: argv['cache-dir'] });
      const runDir = resolve(argv.out ?? join('runs', `calibrate-${workload.id}${ref.variant === 'default' ? '' : `-${ref.variant}`}`));
      const trials = Array.from({ length: argv.seeds }, (_, i) =>
        makeTrial(registries, { workloadId: argv.workload as string, arm: { method: argv.method, ...(hparams ? { hparams } : {}) }, repeat: { purpose: 'calibrate', index: i }, backend, stopAtTarget: false, budgetSteps: argv.steps }),
      );
      const stored = readTrials(runDir);
      const todo = trials.filter((t) => !(stored.get(t.id) && isFinished(stored.get(t.id)!)));
      const reporter = lineReporter();
      reporter.phase('calibration', todo.length, trials.length - todo.length);
      const fresh = await runPool(todo, { workers: argv.workers, backend, host: hostProvenance(), cacheDir: resolve(argv['cache-dir']), runDir, cwd: process.cwd(), trialTimeoutMs: argv['trial-timeout'] * 1000, events: reporter });
      const records = trials.map((t) => fresh.get(t.id) ?? stored.get(t.id)!);
      const bad = records.filter((r) => r.status === 'failed' || r.status === 'timeout');
      if (bad.length) throw new Error(`${bad.length} calibration trials failed: ${bad[0]!.outcome.reason}`);
      const t = setTarget(records.map((r) => r.curve), resolved.target.metric, resolved.target.direction, resolved.evalEvery);
      const out = {
        workload: workload.id, ...(ref.variant === 'default' ? {} : { variant: ref.variant }), version: workload.version, baseline: argv.method, ...(hparams ? { hparams } : {}), backend: backend.name, seeds: argv.seeds, generousSteps: argv.steps,
        metric: resolved.target.metric, direction: resolved.target.direction,
        bestPerSeed: t.best.map((v) => Number(v.toFixed(5))), quantile: Number(t.quantile.toFixed(5)), target: t.target,
        firstReachPerSeed: t.firstReach, reachedShare: t.reachedShare, medianFirstReach: t.medianFirstReach, budgetSteps: t.budgetSteps,
        meanMsPerStep: Number(((records.reduce((s, r) => s + r.outcome.trainSeconds / r.outcome.stepsRun, 0) / records.length) * 1000).toFixed(2)),
      };
      process.stdout.write(JSON.stringify(out, null, 2) + '\n');
    },
  );
}

/** `--hparams` as a flat JSON object of numbers, strings and booleans. */
function parseHparams(text: string | undefined): HParams | undefined {
  if (text === undefined) return undefined;
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    v = undefined;
  }
  const ok = v !== null && typeof v === 'object' && !Array.isArray(v) && Object.values(v as object).every((x) => ['number', 'string', 'boolean'].includes(typeof x));
  if (!ok) throw new ReprobenchError('E_BAD_OPTION', `--hparams is not a flat JSON object: ${text}`, 'pass e.g. --hparams \'{"learningRate":0.003,"weightDecay":1}\'');
  return v as HParams;
}
