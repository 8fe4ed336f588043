import type { Argv } from 'yargs';
import { nonEmptyPath } from '../options.js';
import { printLine, terminalJson } from '../terminal-text.js';
import { importAlgoPerfLogs } from '../../importers/algoperf.js';
import { ALGOPERF_VERSION_IDS } from '../../scoring/versions.js';

export function importCommand(y: Argv) {
  return y.command(
    'import <source> <logs-dir>',
    'import external results for `score` (AlgoPerf eval_measurements.csv trees)',
    (c) =>
      c
        .positional('source', { choices: ['algoperf'] as const, demandOption: true, describe: 'the kind of results' })
        .positional('logs-dir', {
          type: 'string',
          demandOption: true,
          describe:
            'a folder holding external_tuning/ and/or self_tuning/ (e.g. algoperf/previous_leaderboards/algoperf_v05/logs), or one of those two',
        })
        .option('out', {
          type: 'string',
          demandOption: true,
          describe: 'folder to write one sub-folder per submission into',
        })
        .option('ruleset', {
          choices: ['external', 'self'] as const,
          describe: 'which ruleset to import when the folder holds both',
        })
        .option('algoperf-version', {
          type: 'string',
          choices: ALGOPERF_VERSION_IDS,
          describe: 'AlgoPerf version of the logs (default: from an algoperf_v05/algoperf_v06 folder in the path)',
        })
        .option('targets', {
          type: 'string',
          describe: "the version's workload_targets*.json (default: scoring/<file> found above the logs folder)",
        })
        .option('overwrite', {
          type: 'boolean',
          default: false,
          describe: 'replace submission folders an earlier import wrote',
        })
        .option('json', { type: 'boolean', default: false, describe: 'print the import report as JSON' })
        .check((argv) => {
          nonEmptyPath(argv['out'], '--out');
          nonEmptyPath(argv['targets'], '--targets');
          return true;
        })
        .example(
          '$0 import algoperf algoperf/previous_leaderboards/algoperf_v05/logs --ruleset external --out runs/v05-external',
          'import the v0.5 external-tuning logs',
        ),
    (argv) => {
      const report = importAlgoPerfLogs(argv['logs-dir'], {
        out: argv.out,
        overwrite: argv.overwrite,
        ...(argv.ruleset ? { ruleset: argv.ruleset } : {}),
        ...(argv['algoperf-version'] ? { version: argv['algoperf-version'] } : {}),
        ...(argv.targets ? { targets: argv.targets } : {}),
      });
      if (argv.json) {
        // Paths relative to the AlgoPerf root only: no absolute paths in output that gets stored.
        const { root: _root, ...rest } = report;
        process.stdout.write(
          terminalJson({ ...rest, submissions: report.submissions.map(({ dir: _dir, ...s }) => s) }) + '\n',
        );
        return;
      }
      const o: string[] = [
        `AlgoPerf v${report.version} ${report.ruleset}-tuning logs from ${report.rulesetDir} (targets: ${report.targetsFile})`,
      ];
      for (const s of report.submissions)
        o.push(
          `  ${s.name.padEnd(24)} ${String(s.trials).padStart(5)} trials, ${s.workloads} workloads (${s.frameworks.join(', ')})${s.skipped ? `, ${s.skipped} skipped` : ''}`,
        );
      o.push(`${report.trials} trials imported into ${argv.out}`);
      if (report.skipped.length)
        o.push(
          '',
          `Skipped ${report.skipped.length} entries (not imported; see each submission's submission.json):`,
          ...report.skipped.map((s) => `  ${s.path}: ${s.reason}`),
        );
      if (report.warnings.length) o.push('', 'Warnings:', ...report.warnings.map((w) => `  ${w}`));
      o.push('', `next: reprobench score ${argv.out}`);
      printLine(o.join('\n'));
    },
  );
}
