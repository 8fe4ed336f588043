import { join, relative, resolve } from 'node:path';
import { resumeCommand, setInterruptReport } from '../../scheduler/interrupt.js';
import type { Argv } from 'yargs';
import { terminalJson, terminalText } from '../terminal-text.js';
import { workloadProbeModels } from '../../runner/probe-models.js';
import { initBackend } from '../../backends/select.js';
import { loadRegistries } from '../../builtins.js';
import type { TrialRecord } from '../../core/trial.js';
import { resolveVariant, parseWorkloadRef } from '../../core/workload.js';
import { makeTrial, type PlannedTrial } from '../../plan/plan.js';
import { runPool } from '../../scheduler/pool.js';
import { lineReporter } from '../../scheduler/progress.js';
import { hostProvenance } from '../../store/provenance.js';
import { isFinished, readTrials } from '../../store/trial-store.js';
import { medianInf } from '../../tuning/result.js';
import {
  chooseFromStudies,
  groupRecheck,
  NO_RECHECK,
  planStudies,
  searchSpaceOf,
  type StudyPlan,
} from '../../tuning/studies.js';
import { ReprobenchError } from '../../errors.js';
import { nonEmptyPath, positive, positiveInt, trainingOptions } from '../options.js';
import { checkPlannedTrials } from '../../core/limits.js';
import { pointText } from '../summary-text.js';

export function tuneCommand(y: Argv) {
  return y.command(
    'tune <workload> <method>',
    "tune a method on a workload by AlgoPerf's rulesets: external (studies × Halton trials from the method's search space) or self (its defaults, a longer budget)",
    (c) =>
      trainingOptions(
        c
          .positional('workload', { type: 'string', demandOption: true, describe: 'workload id (or id:variant)' })
          .positional('method', {
            type: 'string',
            demandOption: true,
            describe: 'method id; external tuning samples its searchSpace',
          })
          .option('studies', {
            type: 'number',
            default: 3,
            describe: 'studies; the workload time is the median over them',
          })
          .option('trials', {
            type: 'number',
            default: 5,
            describe: 'external: trials per study (each study keeps its fastest)',
          })
          .option('recheck-top', {
            type: 'number',
            default: 2,
            describe: "external: each study's best points re-run on more tuning seeds (0: none)",
          })
          .option('recheck-seeds', {
            type: 'number',
            default: 3,
            describe: 'external: tuning seeds in all per re-checked point; the study keeps its best by the median',
          })
          .option('ruleset', {
            choices: ['external', 'self'] as const,
            default: 'external' as const,
            describe:
              'external: search per study; self: one configuration (the defaults), budget × --budget-multiplier',
          })
          .option('budget-multiplier', {
            type: 'number',
            default: 3,
            describe: 'self-tuning: step budget multiplier (AlgoPerf v0.5: 3, v0.6: 1.5)',
          })
          .option('out', {
            type: 'string',
            describe: 'run directory (default: runs/tune-<workload>-<method>); finished trials there are reused',
          })
          .option('json', { type: 'boolean', default: false, describe: 'print the result as JSON' }),
      )
        .check((argv) => {
          positiveInt(argv.studies, '--studies');
          positiveInt(argv.trials, '--trials');
          positiveInt(argv['recheck-seeds'], '--recheck-seeds');
          if (!Number.isInteger(argv['recheck-top']) || argv['recheck-top'] < 0) {
            throw new ReprobenchError(
              'E_BAD_OPTION',
              `--recheck-top must be a whole number >= 0, got ${argv['recheck-top']}`,
              'for example --recheck-top 2 (0 re-checks nothing)',
            );
          }
          const perStudy =
            argv.ruleset === 'self' ? 1 : argv.trials + argv['recheck-top'] * (argv['recheck-seeds'] - 1);
          checkPlannedTrials(
            argv.studies * perStudy,
            `tuning with ${argv.studies} studies × ${perStudy} trials (re-checks included)`,
          );
          nonEmptyPath(argv.out, '--out');
          positive(argv['budget-multiplier'], '--budget-multiplier');
          return true;
        })
        .example('$0 tune fashion-mnist-mlp adan --studies 3 --trials 5', 'AlgoPerf v0.6 external-tuning budget')
        .example('$0 tune fashion-mnist-mlp nadamw --ruleset self --studies 3', 'the defaults with 3× the step budget'),
    async (argv) => {
      const out = argv.json ? process.stderr : process.stdout;
      const log = (l: string) => out.write(terminalText(l) + '\n');
      const registries = await loadRegistries();
      const workload = argv.workload;
      const method = registries.methods.get(argv.method);
      const w = resolveVariant(
        registries.workloads.get(parseWorkloadRef(workload).id),
        parseWorkloadRef(workload).variant,
      );
      const backend = await initBackend(argv.backend, {
        probe: () => workloadProbeModels(registries, [workload], argv['cache-dir']),
        cacheDir: argv['cache-dir'],
      });
      const runDir = resolve(argv.out ?? join('runs', `tune-${workload.replace(':', '_')}-${method.id}`));
      const self = argv.ruleset === 'self';
      const plan: StudyPlan = self
        ? {
            workload,
            method: method.id,
            recheck: NO_RECHECK,
            recheckTrial: () => {
              throw new ReprobenchError(
                'E_BAD_OPTION',
                'self-tuning re-checks nothing',
                'use --ruleset external for a re-check',
              );
            },
            studies: Array.from({ length: argv.studies }, (_, k) => [
              {
                point: {},
                trial: makeTrial(registries, {
                  workloadId: workload,
                  arm: { method: method.id },
                  repeat: { purpose: 'tune', index: k },
                  backend,
                  stopAtTarget: true,
                  budgetSteps: Math.round(w.budget.steps * argv['budget-multiplier']),
                }),
              },
            ]),
          }
        : planStudies(registries, {
            workload,
            arm: { method: method.id },
            space: searchSpaceOf(registries, method.id),
            studies: argv.studies,
            trials: argv.trials,
            backend,
            stopAtTarget: true,
            recheck: { top: argv['recheck-top'], seeds: argv['recheck-seeds'] },
          });
      const stored = readTrials(runDir);
      const reporter = lineReporter(log);
      const shownDir = relative(process.cwd(), runDir) || '.';
      setInterruptReport(() => [
        `finished tuning trials are kept in ${shownDir}; the same command resumes:`,
        `  ${resumeCommand()}`,
      ]);
      const records = new Map<string, TrialRecord>(stored);
      const runTrials = async (name: string, trials: PlannedTrial[]) => {
        const todo = trials.filter((t) => !(records.get(t.id) && isFinished(records.get(t.id)!)));
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
        for (const [id, r] of fresh) records.set(id, r);
      };
      await runTrials(
        `${argv.ruleset}-tuning`,
        plan.studies.flat().map((s) => s.trial),
      );
      const groups = new Map(groupRecheck(plan, records, { kind: 'steps' }));
      const recheck = [...groups.values()].flat();
      if (recheck.length) await runTrials('tuning re-check', recheck);
      const { rows, choices } = chooseFromStudies([plan], records);
      const seedsOf = (k: number, j: number) =>
        [plan.studies[k]![j]!.trial, ...(groups.get(`${k}/${j}`) ?? [])].map((t) => records.get(t.id));
      const seconds = plan.studies.map((study, k) => {
        const j = study.findIndex((_, jj) =>
          rows.some((r) => r.study === k && r.winner && r.point === study[jj]!.point),
        );
        return j < 0 ? Infinity : medianInf(seedsOf(k, j).map((r) => r?.outcome.secondsToTarget ?? Infinity));
      });
      const result = {
        workload,
        method: method.id,
        ruleset: argv.ruleset,
        studies: argv.studies,
        trialsPerStudy: self ? 1 : argv.trials,
        recheck: self ? null : { top: argv['recheck-top'], seeds: argv['recheck-seeds'] },
        budgetSteps: self ? Math.round(w.budget.steps * argv['budget-multiplier']) : w.budget.steps,
        studiesResult: plan.studies.map((study, k) => ({
          study: k,
          trials: study.map((s, j) => {
            const r = records.get(s.trial.id);
            const extra = seedsOf(k, j).slice(1);
            return {
              id: s.trial.id,
              point: s.point,
              status: r?.status ?? 'missing',
              steps: r?.outcome.stepsToTarget ?? null,
              seconds: r?.outcome.secondsToTarget ?? null,
              recheckSteps: extra.map((x) => (x?.status === 'reached' ? x.outcome.stepsToTarget : null)),
              winner: rows.some((x) => x.study === k && x.winner && x.point === s.point),
            };
          }),
        })),
        medianSteps: choices[0]!.medianSteps,
        medianSeconds: Number.isFinite(medianInf(seconds)) ? medianInf(seconds) : null,
        chosen: choices[0]!.point,
      };
      if (argv.json) {
        process.stdout.write(terminalJson(result) + '\n');
        return;
      }
      log('');
      log(
        `${argv.ruleset}-tuning of ${method.id} on ${workload}: ${result.studies} studies × ${result.trialsPerStudy} trials, budget ${result.budgetSteps} steps`,
      );
      for (const s of result.studiesResult) {
        for (const t of s.trials) {
          const more = t.recheckSteps.length
            ? `  re-check: ${t.recheckSteps.map((x) => x ?? '∞').join(', ')} steps`
            : '';
          const secs = t.seconds === null ? '∞' : t.seconds.toFixed(2);
          log(
            `  study ${s.study}  ${t.winner ? '*' : ' '} ${pad(pointText(t.point), 28)} ${pad(t.status, 9)} ${t.steps ?? '∞'} steps  ${secs} s${more}`,
          );
        }
      }
      const by = recheck.length ? ', a re-checked point by the median over its seeds' : '';
      log(
        `workload time (median over studies of each study's winner${by}): ${result.medianSteps ?? '∞'} steps, ${result.medianSeconds === null ? '∞' : result.medianSeconds.toFixed(2)} s`,
      );
      log(`chosen point (the median study's winner): ${pointText(result.chosen)}`);
    },
  );
}

const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
