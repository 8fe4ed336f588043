import { relative, resolve } from 'node:path';
import type { Argv } from 'yargs';
import { nonEmptyPath } from '../options.js';
import { printLine } from '../terminal-text.js';
import { writeReport } from '../../../reports/render-report.js';
import { writeSummaryJson } from '../../../reports/summary.js';
import { ReprobenchError } from '../../errors.js';
import { mergeRuns, missingText } from '../../scheduler/merge-runs.js';
import { formatSummary } from '../summary-text.js';

export function mergeCommand(y: Argv) {
  return y.command(
    'merge <dirs...>',
    'merge run directories (shards of one run) into one: validates every trial, refuses conflicting duplicates, writes manifest, summary and report',
    (c) =>
      c
        .positional('dirs', {
          type: 'string',
          array: true,
          demandOption: true,
          describe: 'run directories written by `reprobench run --shard` (or plain runs of the same claim)',
        })
        .option('out', {
          type: 'string',
          demandOption: true,
          describe: "the merged run directory: new, empty, or one of this claim's (e.g. a directory the shards shared)",
        })
        .option('quiet', { type: 'boolean', default: false, describe: 'print only where the merged run is' })
        .check((argv) => {
          nonEmptyPath(argv['out'], '--out');
          return true;
        })
        .epilogue(
          'Exit codes: 0 merged and complete; 2 bad input (corrupt trial file, conflicting duplicates E_MERGE_CONFLICT, different runs E_MERGE_MISMATCH) or trials still missing (E_RUN_INCOMPLETE, after writing what there is).',
        )
        .example('$0 merge shard-1 shard-2 shard-3 --out runs/adan', "three machines' shards into one run"),
    async (argv) => {
      const log = printLine;
      const cwd = process.cwd();
      const out = resolve(argv.out);
      const res = await mergeRuns({
        dirs: argv.dirs,
        out,
        cwd,
        command: ['reprobench', ...process.argv.slice(2)].join(' '),
        log,
      });
      const where = relative(cwd, out) || '.';
      log(
        `merged ${res.trials} trials into ${where} (${res.written} copied, ${res.duplicates} duplicates with identical results)`,
      );
      if (!res.summary) {
        throw new ReprobenchError(
          'E_RUN_INCOMPLETE',
          `the merged run is incomplete: ${missingText(res.plan)}; the trials there are kept in ${where}`,
          'rerun the shards that did not finish (the same `run --shard` commands; `reprobench slurm` resubmits only those), then merge again',
        );
      }
      const json = writeSummaryJson(out, res.summary);
      const report = writeReport(out, cwd);
      if (!argv.quiet) {
        log('');
        log(formatSummary(res.summary));
        log('');
      }
      log(`report: ${relative(cwd, report.html)}  (data: ${relative(cwd, json)}, ${relative(cwd, report.json)})`);
    },
  );
}
