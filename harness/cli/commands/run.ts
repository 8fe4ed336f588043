import { join, relative, resolve } from 'node:path';
import type { Argv } from 'yargs';
import { checkSeeds } from '../../core/limits.js';
import { writeCatalogue } from '../../../reports/render-catalogue.js';
import type { ClaimSeconds } from '../../../reports/data/catalogue-data.js';
import { listPapers } from '../../core/papers.js';
import { writeReport } from '../../../reports/render-report.js';
import { loadRegistries } from '../../builtins.js';
import { ReprobenchError } from '../../errors.js';
import { readTrials } from '../../store/trial-store.js';
import { writeSummaryJson } from '../../../reports/summary.js';
import { lineReporter, ttyReporter } from '../../scheduler/progress.js';
import { runClaim } from '../../scheduler/run-claim.js';
import { parseShard } from '../../plan/shard.js';
import { formatDuration } from '../../plan/estimate.js';
import { nonEmptyPath, positiveInt, trainingOptions } from '../options.js';
import { printLine } from '../terminal-text.js';
import { isReprobenchError } from '../../errors.js';
import { runShardFromCli } from './run-shard-cli.js';
import { formatSummary } from '../summary-text.js';

export function runCommand(y: Argv) {
  return y.command(
    'run <claim>',
    'run a claim: tune each method the same way, train seeded repeats until target or budget, print the verdict and write a report',
    (c) =>
      trainingOptions(
        c
          .positional('claim', {
            type: 'string',
            demandOption: true,
            describe: 'claim id (see `reprobench list claims`), or `all` for the whole catalogue',
          })
          .option('preset', {
            choices: ['quick', 'standard'] as const,
            default: 'quick' as const,
            describe: 'how many repeats (presets never change budgets, cadence or targets)',
          })
          .option('seeds', { type: 'number', describe: 'repeats per method and workload, overriding the preset' })
          .option('out', {
            type: 'string',
            describe:
              'run directory (default: runs/<claim>): new, empty, or a run directory of the same claim; ' +
              'with `all`, the parent of one directory per claim (default: runs)',
          })
          .option('force', {
            type: 'boolean',
            default: false,
            describe:
              'write into --out even when it is not shown to be a run directory of this claim ' +
              '(manifest.json, summary.json and report.html there are replaced)',
          })
          .option('dry-run', {
            type: 'boolean',
            default: false,
            describe: 'print the planned trials, how many are done, and an estimated time; run nothing',
          })
          .option('adaptive', {
            type: 'boolean',
            default: false,
            describe:
              "add seeds in batches and stop once every comparison is decided (group-sequential, O'Brien–Fleming); --seeds (default: the standard preset's repeats) is the cap",
          })
          .option('batch', {
            type: 'number',
            default: 5,
            describe: 'with --adaptive: seeds added per arm between looks',
          })
          .option('shard', {
            type: 'string',
            describe:
              'run only shard i of n (1 ≤ i ≤ n) of each phase; merge the shards with `reprobench merge` (see docs/scale-out)',
          })
          .option('phase', {
            choices: ['tuning', 'recheck', 'evaluation', 'all'] as const,
            describe:
              "with --shard: the phase to run; recheck (tuning's best points on more seeds) needs every tuning trial finished in the " +
              'run directory, evaluation every re-check trial (default: all)',
          }),
      )
        .check((argv) => {
          checkSeeds(argv.seeds, '--seeds');
          positiveInt(argv.batch, '--batch');
          nonEmptyPath(argv.out, '--out');
          if (argv.shard !== undefined) parseShard(argv.shard);
          if (argv.phase !== undefined && argv.shard === undefined)
            throw new ReprobenchError(
              'E_BAD_OPTION',
              '--phase goes with --shard',
              'add --shard i/n (--shard 1/1 for the whole phase)',
            );
          if (argv.shard !== undefined && (argv.adaptive || argv['dry-run'])) {
            throw new ReprobenchError(
              'E_BAD_OPTION',
              `--shard cannot be combined with --${argv.adaptive ? 'adaptive' : 'dry-run'}`,
              argv.adaptive
                ? 'adaptive seeding decides between looks, so it runs in one process'
                : "see a shard's trials with `reprobench plan <claim> --shards n`",
            );
          }
          if (argv.shard !== undefined && argv.claim === 'all')
            throw new ReprobenchError(
              'E_BAD_OPTION',
              '--shard runs one claim',
              'shard each claim on its own: reprobench run <claim> --shard i/n',
            );
          return true;
        })
        .example('$0 run adan --preset quick', "the Adan claim with the quick preset's repeats")
        .example('$0 run adan --dry-run', 'what would run, and how long it should take')
        .example('$0 run adan --adaptive', 'seeds in batches of 5 until decided, at most 20 per method')
        .example(
          '$0 run adan --shard 2/4 --phase tuning --out runs/adan',
          "this machine's quarter of the tuning trials",
        )
        .example('$0 run all --preset standard', 'every claim, one after the other, then runs/catalogue.html'),
    async (argv) => {
      const log = printLine;
      if (argv.shard !== undefined) {
        const claim = argv.claim;
        await runShardFromCli(
          { ...argv, shard: argv.shard },
          claim,
          resolve(argv.out ?? join('runs', claim)),
          resolve(argv['cache-dir']),
          log,
        );
        return;
      }
      if (argv.claim !== 'all') {
        await runOne(argv, argv.claim, resolve(argv.out ?? join('runs', argv.claim)), log);
        return;
      }
      // The whole catalogue: each claim in its own run directory, then one page listing them all.
      if (argv.adaptive)
        throw new ReprobenchError(
          'E_BAD_OPTION',
          '--adaptive cannot be combined with `run all`',
          'run claims adaptively one at a time: reprobench run <claim> --adaptive',
        );
      const base = resolve(argv.out ?? 'runs');
      const registries = await loadRegistries();
      const ids = registries.claims.ids();
      const t0 = performance.now();
      const seconds: Record<string, ClaimSeconds> = {};
      // A claim with an arm that has no usable trial does not stop the others; the command fails at the end.
      const unusable: ReprobenchError[] = [];
      let estimated = 0;
      for (const id of ids) {
        log(`\n=== claim ${id} (${ids.indexOf(id) + 1}/${ids.length}) ===`);
        const dir = join(base, id);
        const c0 = performance.now();
        try {
          estimated += await runOne(argv, id, dir, log);
        } catch (e) {
          if (!isReprobenchError(e) || e.code !== 'E_NO_USABLE_TRIAL') throw e;
          log(e.format());
          unusable.push(e);
        }
        const train = [...readTrials(dir).values()].reduce((sum, t) => sum + t.outcome.trainSeconds, 0);
        seconds[id] = { wall: (performance.now() - c0) / 1000, train };
      }
      if (argv['dry-run']) {
        log(
          `\nestimated time for all ${ids.length} claims: ${formatDuration(estimated)} on ${argv.workers} worker${argv.workers === 1 ? '' : 's'}`,
        );
        return;
      }
      const wall = (performance.now() - t0) / 1000;
      const cat = writeCatalogue(base, ids, {
        wallSeconds: wall,
        seconds,
        papers: listPapers(registries),
        cwd: process.cwd(),
      });
      log('');
      const idWidth = Math.max(16, ...cat.data.rows.map((r) => r.id.length));
      for (const r of cat.data.rows) {
        const took = r.wallSeconds === null ? '' : ` ${r.wallSeconds.toFixed(0)} s`;
        log(
          `  ${r.id.padEnd(idWidth)} ${r.verdict.toUpperCase().padEnd(22)} ${r.fidelity.padEnd(9)}${took} ${r.scope}`,
        );
        for (const c of r.comparisons) log(`  ${''.padEnd(idWidth)}   ${c.label}: ${c.headline} → ${c.verdict}`);
      }
      log(`catalogue: ${relative(process.cwd(), cat.html)}  (${ids.length} claims, ${wall.toFixed(0)} s wall)`);
      if (unusable.length) {
        const what = `${unusable.length} of ${ids.length} claims have an arm without a usable trial; the first: ${unusable[0]!.message}`;
        throw new ReprobenchError('E_NO_USABLE_TRIAL', what, unusable[0]!.hint);
      }
    },
  );
}

/** The options `run` passes on to each claim. */
interface RunArgs {
  preset: 'quick' | 'standard';
  seeds?: number | undefined;
  backend: Parameters<typeof runClaim>[0]['backend'];
  workers: number;
  'cache-dir': string;
  'trial-timeout': number;
  'dry-run': boolean;
  adaptive: boolean;
  batch: number;
  force: boolean;
}

/** One claim: run it, print its summary, write summary.json and report.html into `runDir`. */
/** Runs one claim and prints its summary; a dry run returns its estimate of the seconds left. */
async function runOne(argv: RunArgs, claim: string, runDir: string, log: (l: string) => void): Promise<number> {
  const tty = Boolean(process.stdout.isTTY) && !argv['dry-run'];
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
    ...(argv.force ? { force: true } : {}),
    command: ['reprobench', ...process.argv.slice(2)].join(' '),
    reporter: tty ? ttyReporter(argv.workers) : lineReporter(log),
    log,
  });
  if (!result.summary) return result.estimatedSeconds ?? 0;
  log('');
  log(formatSummary(result.summary));
  const json = writeSummaryJson(runDir, result.summary);
  const report = writeReport(runDir, process.cwd());
  log('');
  log(
    `trials: ${result.ranTrials} run now, ${result.reusedTrials} reused from ${relative(process.cwd(), runDir) || '.'}`,
  );
  log(
    `report: ${relative(process.cwd(), report.html)}  (data: ${relative(process.cwd(), json)}, ${relative(process.cwd(), report.json)})`,
  );
  // Written and shown above; a claim judged on an arm without results must not end with exit 0.
  if (result.unusable) throw result.unusable;
  return 0;
}
