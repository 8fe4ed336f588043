import { join, resolve } from 'node:path';
import type { Argv } from 'yargs';
import { checkSeeds } from '../../core/limits.js';
import { workloadProbeModels } from '../../runner/probe-models.js';
import { initBackend } from '../../backends/select.js';
import { loadRegistries } from '../../builtins.js';
import { makeTrial } from '../../plan/plan.js';
import { runPool } from '../../scheduler/pool.js';
import { lineReporter } from '../../scheduler/progress.js';
import { hostProvenance } from '../../store/provenance.js';
import { isFinished, readTrials } from '../../store/trial-store.js';
import { setTarget, type SeedOutcome } from '../../tuning/targets.js';
import {
  chooseBaselinePoint,
  parseTuneSpec,
  planBaselineTuning,
  type BaselineChoice,
} from '../../tuning/baseline-tuning.js';
import { searchSpaceOf } from '../../tuning/studies.js';
import type { PlannedTrial } from '../../plan/plan.js';
import type { TrialRecord } from '../../core/trial.js';
import { positiveInt, trainingOptions } from '../options.js';
import { parseWorkloadRef, resolveVariant } from '../../core/workload.js';
import type { HParams, SearchDimension } from '../../core/method.js';
import { ReprobenchError } from '../../errors.js';

export function calibrateCommand(y: Argv) {
  return y.command(
    'calibrate <workload>',
    "set a workload's target and budget from baseline runs (DESIGN § Rules: the value ~80% of seeds reach; budget 4/3 of the median steps to it)",
    (c) =>
      trainingOptions(
        c
          .positional('workload', { type: 'string', demandOption: true, describe: 'workload id, or id:variant' })
          .option('method', {
            type: 'string',
            default: 'nadamw',
            describe: 'the reference baseline (AlgoPerf: NAdamW)',
          })
          .option('hparams', {
            type: 'string',
            describe:
              "JSON overrides of the baseline's defaults, when the workload's reference baseline is not a method's defaults (e.g. '{\"weightDecay\":1}')",
          })
          .option('seeds', { type: 'number', default: 10, describe: 'baseline seeds (at least 10)' })
          .option('steps', {
            type: 'number',
            demandOption: true,
            describe: 'the generous step budget of the baseline runs (also their schedule horizon)',
          })
          .option('tune', {
            type: 'string',
            describe:
              'tune the baseline first, like any arm (DESIGN § Rules): studies×points Halton points over its search space on ' +
              "tuning seeds, e.g. 2x6; the median study's best point (by --outcome) then runs the --seeds",
          })
          .option('space', {
            type: 'string',
            describe: "with --tune: the search space as JSON (AlgoPerf form), e.g. a card's; default the method's own",
          })
          .option('outcome', {
            choices: ['best', 'final'] as const,
            default: 'best' as const,
            describe:
              'per seed, the best value over the curve (DESIGN) or the value at the last eval (a card\'s "loss at the end of ' +
              'the budget"); also what --tune optimises',
          })
          .option('digits', {
            type: 'number',
            default: 3,
            describe:
              "significant digits of the target (DESIGN: 3); more where a card's target sits on a flat stretch of the curve",
          })
          .option('out', { type: 'string', describe: 'run directory (default: runs/calibrate-<workload>)' }),
      ).check((argv) => {
        checkSeeds(argv.seeds, '--seeds');
        positiveInt(argv.steps, '--steps');
        positiveInt(argv.digits, '--digits');
        return true;
      }),
    async (argv) => {
      const registries = await loadRegistries();
      // A variant has its own target (DESIGN § Vocabulary), so it is calibrated on its own.
      const ref = parseWorkloadRef(argv.workload);
      const resolved = resolveVariant(registries.workloads.get(ref.id), ref.variant);
      const workload = resolved.def;
      registries.methods.get(argv.method);
      const hparams = parseHparams(argv.hparams);
      const backend = await initBackend(argv.backend, {
        probe: () => workloadProbeModels(registries, [argv.workload], argv['cache-dir']),
        cacheDir: argv['cache-dir'],
      });
      const runDir = resolve(
        argv.out ?? join('runs', `calibrate-${workload.id}${ref.variant === 'default' ? '' : `-${ref.variant}`}`),
      );
      const outcome = argv.outcome;
      const reporter = lineReporter();
      const stored = readTrials(runDir);
      const runPhase = async (name: string, trials: PlannedTrial[]): Promise<TrialRecord[]> => {
        const todo = trials.filter((t) => !(stored.get(t.id) && isFinished(stored.get(t.id)!)));
        reporter.phase(name, todo.length, trials.length - todo.length);
        const fresh = await runPool(todo, {
          workers: argv.workers,
          backend,
          host: hostProvenance(),
          cacheDir: resolve(argv['cache-dir']),
          runDir,
          cwd: process.cwd(),
          trialTimeoutMs: argv['trial-timeout'] * 1000,
          events: reporter,
        });
        const records = trials.map((t) => fresh.get(t.id) ?? stored.get(t.id)!);
        const bad = records.filter((r) => r.status === 'failed' || r.status === 'timeout');
        if (bad.length) {
          const hint = `the finished trials are kept in ${runDir}; fix the cause and rerun the same command`;
          throw new ReprobenchError(
            'E_RUN_INCOMPLETE',
            `${bad.length} ${name} trials failed: ${bad[0]!.outcome.reason}`,
            hint,
          );
        }
        return records;
      };
      const arm = { method: argv.method, ...(hparams ? { hparams } : {}) };
      let tuned: BaselineChoice | null = null;
      if (argv.tune !== undefined) {
        const space =
          argv.space !== undefined ? parseJsonOption(argv.space, '--space') : searchSpaceOf(registries, argv.method);
        const tune = parseTuneSpec(argv.tune);
        const plan = planBaselineTuning(registries, {
          workload: argv.workload,
          arm,
          space,
          tune,
          backend,
          steps: argv.steps,
        });
        const records = await runPhase(
          'baseline tuning',
          plan.studies.flat().map((s) => s.trial),
        );
        tuned = chooseBaselinePoint(plan, new Map(records.map((r) => [r.id, r])), outcome, resolved.target.direction);
        const why = `median over studies of each study's ${outcome} ${resolved.target.metric}: ${tuned.choice.medianMetric}`;
        process.stderr.write(`tuned ${argv.method}: chose ${JSON.stringify(tuned.point)} (${why})\n`);
      }
      const evalArm = tuned ? { ...arm, hparams: { ...arm.hparams, ...tuned.point } } : arm;
      const trials = Array.from({ length: argv.seeds }, (_, i) =>
        makeTrial(registries, {
          workloadId: argv.workload,
          arm: evalArm,
          repeat: { purpose: 'calibrate', index: i },
          backend,
          stopAtTarget: false,
          budgetSteps: argv.steps,
        }),
      );
      const records = await runPhase('calibration', trials);
      // A diverged seed's final value is no value: it counts as the worst (setTarget reads an empty curve so).
      const curves = records.map((r) => (outcome === 'final' && r.status === 'diverged' ? [] : r.curve));
      const t = setTarget(curves, resolved.target.metric, resolved.target.direction, resolved.evalEvery, {
        outcome,
        digits: argv.digits,
      });
      if (!Number.isFinite(t.target)) {
        const what = `the ${outcome} ${resolved.target.metric} of too many seeds is missing or non-finite (${t.best.join(', ')})`;
        throw new ReprobenchError(
          'E_STATS_DEGENERATE',
          what,
          'lower the learning rate (--hparams) or tune the baseline (--tune 2x6)',
        );
      }
      const out = {
        workload: workload.id,
        ...(ref.variant === 'default' ? {} : { variant: ref.variant }),
        version: workload.version,
        baseline: argv.method,
        ...(hparams ? { hparams } : {}),
        backend: backend.name,
        seeds: argv.seeds,
        generousSteps: argv.steps,
        ...(tuned ? { tuning: tuningOutput(tuned, argv.tune!, argv.space, outcome) } : {}),
        outcome,
        ...(argv.digits !== 3 ? { digits: argv.digits } : {}),
        metric: resolved.target.metric,
        direction: resolved.target.direction,
        [`${outcome}PerSeed`]: t.best.map((v) => Number(v.toFixed(5))),
        quantile: Number(t.quantile.toFixed(5)),
        target: t.target,
        firstReachPerSeed: t.firstReach,
        reachedShare: t.reachedShare,
        medianFirstReach: t.medianFirstReach,
        budgetSteps: t.budgetSteps,
        meanMsPerStep: Number(
          (
            (records.reduce((a, r) => a + r.outcome.trainSeconds / r.outcome.stepsRun, 0) / records.length) *
            1000
          ).toFixed(2),
        ),
      };
      process.stdout.write(JSON.stringify(out, null, 2) + '\n');
    },
  );
}

/** What `--tune` tried and chose, for the printed result. */
function tuningOutput(tuned: BaselineChoice, spec: string, space: string | undefined, outcome: SeedOutcome) {
  return {
    spec,
    ...(space !== undefined ? { space: JSON.parse(space) as unknown } : {}),
    chosen: tuned.point,
    medianOverStudies: tuned.choice.medianMetric,
    trials: tuned.rows.map((r) => ({ study: r.study, point: r.point, [outcome]: r.metric, winner: r.winner })),
  };
}

/** A JSON option's value; the search space itself is checked where it is parsed (tuning/search-space.ts). */
function parseJsonOption(text: string, name: string): Record<string, SearchDimension> {
  try {
    return JSON.parse(text) as Record<string, SearchDimension>;
  } catch {
    const example = `{"learningRate":{"min":0.001,"max":0.1,"scaling":"log"}}`;
    throw new ReprobenchError('E_BAD_OPTION', `${name} is not JSON: ${text}`, `pass e.g. --space '${example}'`);
  }
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
  const ok =
    v !== null &&
    typeof v === 'object' &&
    !Array.isArray(v) &&
    Object.values(v).every((x) => ['number', 'string', 'boolean'].includes(typeof x));
  if (!ok)
    throw new ReprobenchError(
      'E_BAD_OPTION',
      `--hparams is not a flat JSON object: ${text}`,
      'pass e.g. --hparams \'{"learningRate":0.003,"weightDecay":1}\'',
    );
  return v as HParams;
}
