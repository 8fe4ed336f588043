import { join, relative, resolve } from 'node:path';
import type { Argv } from 'yargs';
import { writeReport } from '../../../reports/render-report.js';
import { writeSummaryJson } from '../../../reports/summary.js';
import { lineReporter, ttyReporter } from '../../scheduler/progress.js';
import { runClaim } from '../../scheduler/run-claim.js';
import { positiveInt, trainingOptions } from '../options.js';
import { formatSummary } from '../summary-text.js';

export function runCommand(y: Argv) {
  return y.command(
    'run <claim>',
    'run a claim: tune each method the same way, train seeded repeats until target or budget, print the verdict and write a report',
    (c) =>
      trainingOptions(
        c
          .positional('claim', { type: 'string', demandOption: true, describe: 'claim id (see `reprobench list claims`)' })
          .option('preset', { choices: ['quick', 'standard'] as const, default: 'quick' as const, describe: 'how many repeats (presets never change budgets, cadence or targets)' })
          .option('seeds', { type: 'number', describe: 'repeats per method and workload, overriding the preset' })
          .option('out', { type: 'string', describe: 'run directory (default: runs/<claim>)' })
          .option('dry-run', { type: 'boolean', default: false, describe: 'print the planned trials, how many are done, and an estimated time; run nothing' })
          .option('adaptive', { type: 'boolean', default: false, describe: 'add seeds in batches and stop once every comparison is decided (group-sequential, O\'Brien–Fleming); --seeds (default: the standard preset\'s repeats) is the cap' })
          .option('batch', { type: 'number', default: 5, describe: 'with --adaptive: seeds added per arm between looks' }),
      )
        .check((argv) => {
          positiveInt(argv.seeds, '--seeds');
          positiveInt(argv.batch, '--batch');
          return true;
        })
        .example('$0 run adan --preset quick', 'the Adan claim with the quick preset\'s repeats')
        .example('$0 run adan --dry-run', 'what would run, and how long it should take')
        .example('$0 run adan --adaptive', 'seeds in batches of 5 until decided, at most 20 per method'),
    async (argv) => {
      const claim = argv.claim as string;
      const runDir = resolve(argv.out ?? join('runs', claim));
      const tty = Boolean(process.stdout.isTTY) && !argv['dry-run'];
      const log = (l: string) => process.stdout.write(l + '\n');
      const result = await runClaim({
        claim,
        preset: argv.preset,
        ...(argv.seeds !== undefined ? { seeds: argv.seeds } : {}),
        backend: argv.backend,
        workers: argv.workers,
        runDir,
        cacheDir: resolve(argv['cache-dir']),
        cwd: process.cwd(),
        trialTimeoutSec: argv['trial-timeout'],
        dryRun: argv['dry-run'],
        ...(argv.adaptive ? { adaptive: { batch: argv.batch } } : {}),
        command: ['reprobench', ...process.argv.slice(2)].join(' '),
        reporter: tty ? ttyReporter(argv.workers) : lineReporter(log),
        log,
      });
      if (!result.summary) return;
      log('');
      log(formatSummary(result.summary));
      const json = writeSummaryJson(runDir, result.summary);
      const report = writeReport(runDir, process.cwd());
      log('');
      log(`trials: ${result.ranTrials} run now, ${result.reusedTrials} reused from ${relative(process.cwd(), runDir) || '.'}`);
      log(`report: ${relative(process.cwd(), report.html)}  (data: ${relative(process.cwd(), json)}, ${relative(process.cwd(), report.json)})`);
    },
  );
}
