import type { Argv } from 'yargs';
import { printText, terminalJson } from '../terminal-text.js';
import { ReprobenchError } from '../../errors.js';
import { loadImportedPool } from '../../importers/algoperf-pool.js';
import { formatScoreText, scoreResultToJson } from '../../scoring/format.js';
import { scoreSubmissions } from '../../scoring/score.js';
import { ALGOPERF_VERSION_IDS } from '../../scoring/versions.js';

export function scoreCommand(y: Argv) {
  return y.command(
    'score <results-dir...>',
    'AlgoPerf benchmark scores of a pool of submissions: per-workload times, performance profiles, scores',
    (c) =>
      c
        .positional('results-dir', {
          type: 'string',
          array: true,
          demandOption: true,
          describe:
            'a submission folder written by `reprobench import algoperf`, or a folder of them (every submission found joins the pool)',
        })
        .option('ruleset', {
          choices: ['external', 'self'] as const,
          describe: 'tuning ruleset (default: the one the results were imported under; must match it)',
        })
        .option('algoperf-version', {
          type: 'string',
          choices: ALGOPERF_VERSION_IDS,
          describe:
            'AlgoPerf version whose workloads and held-out rule apply (default: the imported one; must match it)',
        })
        .option('held-out', {
          type: 'boolean',
          default: true,
          describe: 'apply the held-out-variant rule (v0.5); --no-held-out scores the base workloads alone',
        })
        .option('trial-selection', {
          choices: ['fastest', 'earliest-eval'] as const,
          default: 'fastest' as const,
          describe:
            "a study's trial: the fastest to the target (AlgoPerf's rules), or the one reaching it at the fewest evals (AlgoPerf's scoring code, which reproduces the published leaderboards)",
        })
        .option('time-axis', {
          choices: ['seconds', 'steps'] as const,
          default: 'seconds' as const,
          describe: 'score accumulated submission time (AlgoPerf) or global steps',
        })
        .option('reference', {
          type: 'string',
          describe: 'a submission in the pool to report geometric-mean speedups against (e.g. baseline)',
        })
        .option('json', {
          type: 'boolean',
          default: false,
          describe:
            'print JSON: {scores: {<submission folder>: score}, workloadTimes, profile, ...}; infinite times are null',
        })
        .example('$0 score runs/v05-external', 'score every submission imported into runs/v05-external')
        .example('$0 score runs/a/shampoo runs/b/baseline --json', 'a pool of two submission folders, as JSON')
        .example(
          '$0 score runs/v05-external --trial-selection earliest-eval',
          'reproduce the published v0.5 leaderboard exactly',
        ),
    (argv) => {
      const loaded = loadImportedPool(argv['results-dir']);
      const ruleset = argv.ruleset ?? loaded.ruleset;
      const version = argv['algoperf-version'] ?? loaded.version;
      if (ruleset !== loaded.ruleset) {
        throw new ReprobenchError(
          'E_BAD_OPTION',
          `--ruleset ${ruleset} does not match the results, imported from ${loaded.ruleset}-tuning logs`,
          'drop --ruleset, or import the logs of that ruleset',
        );
      }
      if (version !== loaded.version) {
        throw new ReprobenchError(
          'E_BAD_OPTION',
          `--algoperf-version ${version} does not match the results, imported as v${loaded.version} (with that version's targets)`,
          'drop --algoperf-version, or import the logs again with the other version',
        );
      }
      const result = scoreSubmissions(loaded.pool, {
        ruleset,
        version,
        heldOutRule: argv['held-out'],
        trialSelection: argv['trial-selection'],
        timeAxis: argv['time-axis'],
        ...(argv.reference === undefined ? {} : { reference: argv.reference }),
      });
      if (argv.json) process.stdout.write(terminalJson(scoreResultToJson(result)) + '\n');
      else printText(formatScoreText(result));
    },
  );
}
