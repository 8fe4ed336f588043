import { join, relative, resolve } from 'node:path';
import type { Argv } from 'yargs';
import { printLine, printText } from '../terminal-text.js';
import { checkSeeds } from '../../core/limits.js';
import { BACKEND_CHOICES } from '../../backends/select.js';
import { loadRegistries } from '../../builtins.js';
import { ReprobenchError } from '../../errors.js';
import { missingText } from '../../scheduler/merge-runs.js';
import { arraySpec } from '../../scale/shard-status.js';
import { planSlurm, printedCommands, submitSlurm, waitForSubmission } from '../../scale/slurm.js';
import { scriptFile } from '../../scale/slurm-script.js';
import { readManifest } from '../../store/manifest.js';
import { defaultCacheDir } from '../../store/cache-dir.js';
import { nonEmptyPath, positive, positiveInt, shardCount } from '../options.js';
import { planningBackend } from './plan.js';

export function slurmCommand(y: Argv) {
  return y.command(
    'slurm <claim>',
    'run a claim on a Slurm cluster: job arrays whose task k runs shard k/N into a shared run directory, then a merge job (see docs/scale-out/slurm.md)',
    (c) =>
      c
        .positional('claim', {
          type: 'string',
          demandOption: true,
          describe: 'claim id (see `reprobench list claims`)',
        })
        .option('array-size', { type: 'number', default: 4, describe: 'shards N: array tasks per phase' })
        .option('partition', { type: 'string', describe: "Slurm partition (default: the cluster's default)" })
        .option('time', { type: 'string', describe: "time limit per array task, in Slurm's format (e.g. 2:00:00)" })
        .option('cpus-per-task', {
          type: 'number',
          default: 1,
          describe: 'CPUs per array task; each task runs this many worker processes',
        })
        .option('gpus', { type: 'number', describe: 'GPUs per array task (`#SBATCH --gpus`)' })
        .option('sbatch-option', {
          type: 'string',
          array: true,
          default: [] as string[],
          describe: 'extra #SBATCH option, verbatim, e.g. --sbatch-option=--account=ml (repeatable)',
        })
        .option('print', {
          type: 'boolean',
          default: false,
          describe: 'write the scripts to <run-dir>/slurm/ and print them with the sbatch commands; submit nothing',
        })
        .option('wait', {
          type: 'boolean',
          default: false,
          describe: 'after submitting, wait for the merge job; exit 0 only if the merged run is complete',
        })
        .option('preset', {
          choices: ['quick', 'standard'] as const,
          default: 'quick' as const,
          describe: 'how many repeats',
        })
        .option('seeds', { type: 'number', describe: 'repeats per method and workload, overriding the preset' })
        .option('backend', {
          choices: BACKEND_CHOICES,
          default: 'auto' as const,
          describe: 'backend on the compute nodes; `auto` is resolved here and pinned for every shard',
        })
        .option('out', {
          type: 'string',
          describe: 'run directory on a file system every node shares (default: runs/<claim>)',
        })
        .option('cache-dir', {
          type: 'string',
          default: defaultCacheDir(),
          defaultDescription: '$REPROBENCH_CACHE or ~/.cache/reprobench',
          describe: 'dataset cache, shared by the nodes',
        })
        .option('trial-timeout', {
          type: 'number',
          default: 1800,
          describe: 'seconds before a trial is stopped and recorded as timeout',
        })
        .option('launcher', {
          type: 'string',
          describe:
            'how a compute node starts reprobench, e.g. "npx reprobench" (default: this node and this installation)',
        })
        .check((argv) => {
          nonEmptyPath(argv['out'], '--out');
          nonEmptyPath(argv['cache-dir'], '--cache-dir');
          shardCount(argv['array-size'], '--array-size');
          positiveInt(argv['cpus-per-task'], '--cpus-per-task');
          positiveInt(argv.gpus, '--gpus');
          checkSeeds(argv.seeds, '--seeds');
          positive(argv['trial-timeout'], '--trial-timeout');
          if (argv.time !== undefined && !/^(\d+-)?\d+(:\d+){0,2}$/.test(argv.time)) {
            throw new ReprobenchError(
              'E_BAD_OPTION',
              `--time must be in Slurm's format, got "${argv.time}"`,
              'for example --time 30 (minutes), --time 2:00:00 or --time 1-00:00:00',
            );
          }
          return true;
        })
        .epilogue(
          'A rerun submits only the shards with unfinished trials (after a failed, cancelled or timed-out task). Job ids, scripts and sbatch commands are stored in <run-dir>/manifest.json.',
        )
        .example(
          '$0 slurm adan --array-size 16 --partition gpu --gpus 1 --time 4:00:00',
          '16 shards per phase on the gpu partition',
        )
        .example('$0 slurm adan --print', 'look at the scripts first'),
    async (argv) => {
      const log = printLine;
      const cwd = process.cwd();
      const registries = await loadRegistries(cwd);
      const claim = registries.claims.get(argv.claim);
      const backend = await planningBackend(argv.backend, registries, claim, resolve(argv['cache-dir']));
      const runDir = resolve(argv.out ?? join('runs', claim.id));
      const o = {
        registries,
        claim,
        backend,
        preset: argv.preset,
        ...(argv.seeds !== undefined ? { seeds: argv.seeds } : {}),
        runDir,
        cacheDir: resolve(argv['cache-dir']),
        workDir: cwd,
        arraySize: argv['array-size'],
        resources: {
          ...(argv.partition ? { partition: argv.partition } : {}),
          ...(argv.time ? { time: argv.time } : {}),
          cpusPerTask: argv['cpus-per-task'],
          ...(argv.gpus ? { gpus: argv.gpus } : {}),
          extra: argv['sbatch-option'],
        },
        trialTimeoutSec: argv['trial-timeout'],
        ...(argv.launcher ? { launcher: argv.launcher.split(/\s+/).filter(Boolean) } : {}),
        command: ['reprobench', ...process.argv.slice(2)].join(' '),
        log,
      };
      const plan = planSlurm(o);
      const rel = (p: string) => relative(cwd, p) || '.';
      const st = plan.status;
      log(
        `claim ${claim.id} on ${backend.numericsClass}, ${argv['array-size']} shards per phase, run directory ${rel(runDir)}`,
      );
      if (st.hasTuning)
        log(
          `  tuning: ${st.plan.tuningTrials.length} trials, ${st.plan.tuningTrials.length - st.plan.tuningMissing.length} done; shards to run: ${arraySpec(st.tuning) || 'none'}`,
        );
      if (st.hasRecheck) {
        const rc = st.plan.recheckTrials;
        const counts = rc
          ? `${rc.length} trials, ${rc.length - st.plan.recheckMissing!.length} done`
          : 'planned once tuning is complete';
        log(`  tuning re-check: ${counts}; shards to run: ${arraySpec(st.recheck) || 'none'}`);
      }
      log(
        `  evaluation: ${st.plan.evaluation ? `${st.plan.evaluation.length} trials, ${st.plan.evaluation.length - st.plan.evaluationMissing!.length} done` : 'planned once tuning is complete'}; shards to run: ${arraySpec(st.evaluation) || 'none'}`,
      );
      if (argv.print) {
        for (const role of ['tuning', 'recheck', 'evaluation', 'merge'] as const) {
          if (!plan.scripts[role]) continue;
          log('');
          log(`# ${rel(join(runDir, scriptFile(role)))}`);
          printText(plan.scripts[role]);
        }
        log('');
        log('# submit (each job after the one before it):');
        for (const line of printedCommands(o, plan)) log(line);
        return;
      }
      const sub = submitSlurm(o, plan);
      for (const j of sub.jobs) log(`  submitted ${j.role}${j.array ? ` array ${j.array}` : ''}: job ${j.jobId}`);
      log(`  logs: ${rel(join(runDir, 'slurm', 'logs'))}/; follow with \`squeue --me\``);
      if (!argv.wait) return;
      const outcome = await waitForSubmission(sub);
      const m = readManifest(runDir);
      if (outcome.ok && m?.status === 'complete') {
        log(`merged: ${rel(join(runDir, 'report.html'))}`);
        return;
      }
      const again = planSlurm(o).status;
      throw new ReprobenchError(
        'E_RUN_INCOMPLETE',
        outcome.ok
          ? `the jobs ended but the run is not complete (${missingText(again.plan)}); see ${rel(join(runDir, 'slurm', 'logs'))}/`
          : `shards did not finish (tuning shards left: ${arraySpec(again.tuning) || 'none'}, evaluation shards left: ${arraySpec(again.evaluation) || 'none'}); jobs waiting on them can never start: ${outcome.stuck.map((r) => r.id).join(', ')}`,
        `read the shard logs in ${rel(join(runDir, 'slurm', 'logs'))}/, fix the cause, and run the same \`reprobench slurm\` command again: it resubmits only the unfinished shards`,
      );
    },
  );
}
