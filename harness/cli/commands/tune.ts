import { join, resolve } from 'node:path';
import type { Argv } from 'yargs';
import { workloadProbeModels } from '../../runner/probe-models.js';
import { initBackend } from '../../backends/select.js';
import { loadRegistries } from '../../builtins.js';
import type { TrialRecord } from '../../core/trial.js';
import { resolveVariant, parseWorkloadRef } from '../../core/workload.js';
import { makeTrial, type PlannedTrial } from '../../scheduler/plan.js';
import { runPool } from '../../scheduler/pool.js';
import { lineReporter } from '../../scheduler/progress.js';
import { hostProvenance } from '../../store/provenance.js';
import { isFinished, readTrials } from '../../store/trial-store.js';
import { medianInf } from '../../tuning/result.js';
import { chooseFromStudies, planStudies, searchSpaceOf, type StudyPlan } from '../../tuning/studies.js';
import { positive, positiveInt, trainingOptions } from '../options.js';
import { pointText } from '../summary-text.js';

export function tuneCommand(y: Argv) {
  return y.command(
    'tune <workload> <method>',
    "tune a method on a workload by AlgoPerf's rulesets: external (studies × Halton trials from the method's search space) or self (its defaults, a longer budget)",
    (c) =>
      trainingOptions(
        c
          .positional('workload', { type: 'string', demandOption: true, describe: 'workload id (or id:variant)' })
          .positional('method', { type: 'string', demandOption: true, describe: 'method id; external tuning samples its searchSpace' })
          .option('studies', { type: 'number', default: 3, describe: 'studies; the workload time is the median over them' })
          .option('trials', { type: 'number', default: 5, describe: 'external: trials per study (each study keeps its fastest)' })
          .option('ruleset', { choices: ['external', 'self'] as const, default: 'external' as const, describe: 'external: search per study; self: one configuration (the defaults), budget × --budget-multiplier' })
          .option('budget-multiplier', { type: 'number', default: 3, describe: 'self-tuning: step budget multiplier (AlgoPerf v0.5: 3, v0.6: 1.5)' })
          .option('out', { type: 'string', describe: 'run directory (default: runs/tune-<workload>-<method>); finished trials there are reused' })
          .option('json', { type: 'boolean', default: false, describe: 'print the result as JSON' }),
      )
        .check((argv) => {
          positiveInt(argv.studies, '--studies');
          positiveInt(argv.trials, '--trials');
          positive(argv['budget-multiplier'], '--budget-multiplier');
          return true;
        })
        .example('$0 tune fashion-mnist-mlp adan --studies 3 --trials 5', 'AlgoPerf v0.6 external-tuning budget')
        .example('$0 tune fashion-mnist-mlp nadamw --ruleset self --studies 3', 'the defaults with 3× the step budget'),
    async (argv) => {
      const out = argv.json ? process.stderr : process.stdout;
      const log = (l: string) => out.write(l + '\n');
      const registries = await loadRegistries();
      const workload = argv.workload as string;
      const method = registries.methods.get(argv.method as string);
      const w = resolveVariant(registries.workloads.get(parseWorkloadRef(workload).id), parseWorkloadRef(workload).variant);
      const backend = await initBackend(argv.backend, { probe: () => workloadProbeModels(registries, [workload], argv['cache-dir']), cacheDir: argv['cache-dir'] });
      const runDir = resolve(argv.out ?? join('runs', `tune-${workload.replace(':', '_')}-${method.id}`));
      const self = argv.ruleset === 'self';
      const plan: StudyPlan = self
        ? {
            workload, method: method.id,
            studies: Array.from({ length: argv.studies }, (_, k) => [{
              point: {},
              trial: makeTrial(registries, { workloadId: workload, arm: { method: method.id }, repeat: { purpose: 'tune', index: k }, backend, stopAtTarget: true, budgetSteps: Math.round(w.budget.steps * argv['budget-multiplier']) }),
            }]),
          }
        : planStudies(registries, { workload, arm: { method: method.id }, space: searchSpaceOf(registries, method.id), studies: argv.studies, trials: argv.trials, backend, stopAtTarget: true });
      const trials: PlannedTrial[] = plan.studies.flat().map((s) => s.trial);
      const stored = readTrials(runDir);
      const todo = trials.filter((t) => !(stored.get(t.id) && isFinished(stored.get(t.id)!)));
      const reporter = lineReporter(log);
      reporter.phase(`${argv.ruleset}-tuning`, todo.length, trials.length - todo.length);
      const fresh = await runPool(todo, { workers: argv.workers, backend, host: hostProvenance(), cacheDir: resolve(argv['cache-dir']), runDir, cwd: process.cwd(), trialTimeoutMs: argv['trial-timeout'] * 1000, events: reporter });
      const records = new Map<string, TrialRecord>([...stored, ...fresh]);
      const { rows, choices } = chooseFromStudies([plan], records);
      const seconds = plan.studies.map((study) => {
        const winner = rows.find((r) => r.winner && r.study === plan.studies.indexOf(study));
        const rec = winner ? records.get(study.find((s) => s.point === winner.point)!.trial.id) : undefined;
        return rec?.outcome.secondsToTarget ?? Infinity;
      });
      const result = {
        workload, method: method.id, ruleset: argv.ruleset, studies: argv.studies, trialsPerStudy: self ? 1 : argv.trials,
        budgetSteps: self ? Math.round(w.budget.steps * argv['budget-multiplier']) : w.budget.steps,
        studiesResult: plan.studies.map((study, k) => ({
          study: k,
          trials: study.map((s) => {
            const r = records.get(s.trial.id);
            return { id: s.trial.id, point: s.point, status: r?.status ?? 'missing', steps: r?.outcome.stepsToTarget ?? null, seconds: r?.outcome.secondsToTarget ?? null, winner: rows.some((x) => x.study === k && x.winner && x.point === s.point) };
          }),
        })),
        medianSteps: choices[0]!.medianSteps,
        medianSeconds: Number.isFinite(medianInf(seconds)) ? medianInf(seconds) : null,
        chosen: choices[0]!.point,
      };
      if (argv.json) {
        process.stdout.write(JSON.stringify(result, null, 2) + '\n');
        return;
      }
      log('');
      log(`${argv.ruleset}-tuning of ${method.id} on ${workload}: ${result.studies} studies × ${result.trialsPerStudy} trials, budget ${result.budgetSteps} steps`);
      for (const s of result.studiesResult) {
        for (const t of s.trials) log(`  study ${s.study}  ${t.winner ? '*' : ' '} ${pad(pointText(t.point), 28)} ${pad(t.status, 9)} ${t.steps ?? '∞'} steps  ${t.seconds === null ? '∞' : t.seconds.toFixed(2)} s`);
      }
      log(`workload time (median over studies of each study's fastest trial): ${result.medianSteps ?? '∞'} steps, ${result.medianSeconds === null ? '∞' : result.medianSeconds.toFixed(2)} s`);
      log(`chosen point (the median study's winner): ${pointText(result.chosen)}`);
    },
  );
}

const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
