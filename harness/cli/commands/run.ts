import { join, relative, resolve } from 'node:path';
import type { Argv } from 'yargs';
import { writeReport } from '../../../reports/render-report.js';
import { writeSummaryJson } from '../../../reports/summary.js';
import { lineReporter, ttyReporter } from '../../scheduler/progress.js';
import { runClaim } from '../../scheduler/run-claim.js';
import { runShard } from '../../scheduler/run-shard.js';
import { parseShard, shardText } from '../../scheduler/shard.js';
import { ReprobenchError } from '../../errors.js';
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
          .option('batch', { type: 'number', default: 5, describe: 'with --adaptive: seeds added per arm between looks' })
          .option('shard', { type: 'string', describe: 'run only shard i of n (1 ≤ i ≤ n) of each phase; merge the shards with `reprobench merge` (see docs/scale-out)' })
          .option('phase', { choices: ['tuning', 'evaluation', 'all'] as const, describe: 'with --shard: the phase to run; evaluation needs every tuning trial finished in the run directory (default: all)' }),
      )
        .check((argv) => {
          positiveInt(argv.seeds, '--seeds');
          positiveInt(argv.batch, '--batch');
          if (argv.shard !== undefined) parseShard(argv.shard);
          if (argv.phase !== undefined && argv.shard === undefined) throw new ReprobenchError('E_BAD_OPTION', '--phase goes with --shard', 'add --shard i/n (--shard 1/1 for the whole phase)');
          if (argv.shard !== undefined && (argv.adaptive || argv['dry-run'])) {
            throw new ReprobenchError('E_BAD_OPTION', `--shard cannot be combined with --${argv.adaptive ? 'adaptive' : 'dry-run'}`, argv.adaptive ? 'adaptive seeding decides between looks, so it runs in one process' : 'see a shard\'s trials with `reprobench plan <claim> --shards n`');
          }
          return true;
        })
        .example('$0 run adan --preset quick', 'the Adan claim with the quick preset\'s repeats')
        .example('$0 run adan --dry-run', 'what would run, and how long it should take')
        .example('$0 run adan --adaptive', 'seeds in batches of 5 until decided, at most 20 per method')
        .example('$0 run adan --shard 2/4 --phase tuning --out runs/adan', 'this machine\'s quarter of the tuning trials'),
    async (argv) => {
      const claim = argv.claim as string;
      const runDir = resolve(argv.out ?? join('runs', claim));
      const tty = Boolean(process.stdout.isTTY) && !argv['dry-run'];
      const log = (l: string) => process.stdout.write(l + '\n');
      if (argv.shard !== undefined) {
        const shard = parseShard(argv.shard);
        const res = await runShard({
          claim, preset: argv.preset, ...(argv.seeds !== undefined ? { seeds: argv.seeds } : {}), backend: argv.backend, workers: argv.workers, runDir,
          cacheDir: resolve(argv['cache-dir']), cwd: process.cwd(), trialTimeoutSec: argv['trial-timeout'], shard, phase: argv.phase ?? 'all',
          command: ['reprobench', ...process.argv.slice(2)].join(' '), reporter: tty ? ttyReporter(argv.workers) : lineReporter(log), log,
        });
        for (const p of res.phases) {
          log(`${p.phase}, shard ${shardText(shard)}: ${p.share.length} of ${p.planned} trials, ${p.ran} run now, ${p.share.length - p.ran} reused${p.unfinished.length ? `, ${p.unfinished.length} FAILED or timed out` : ''}`);
        }
        const unfinished = res.phases.flatMap((p) => p.unfinished);
        if (unfinished.length) {
          log(`shard ${shardText(shard)} is not complete: run the same command again to retry ${unfinished.length} trial${unfinished.length === 1 ? '' : 's'} (finished ones are kept)`);
          process.exitCode = 1;
        } else {
          log(`shard ${shardText(shard)} complete in ${relative(process.cwd(), runDir) || '.'}; when every shard is, \`reprobench merge <run-dirs...> --out DIR\` writes the summary and report`);
        }
        return;
      }
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
