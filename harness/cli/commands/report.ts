import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Argv } from 'yargs';
import { nonEmptyPath } from '../options.js';
import { printLine } from '../terminal-text.js';
import { writeLeaderboardSite } from '../../../reports/render-leaderboard.js';
import { writeReport } from '../../../reports/render-report.js';
import { importedEntries } from '../../../reports/data/leaderboard-imported.js';
import { renderSubmissionReport } from '../../../reports/render-submission.js';
import { writeFileAtomic } from '../../store/atomic.js';

export function reportCommand(y: Argv) {
  return y
    .command(
      'report <run-dir>',
      'render the report of a finished run (report.html and report.json), or of an imported AlgoPerf submission folder',
      (c) =>
        c
          .positional('run-dir', {
            type: 'string',
            demandOption: true,
            describe:
              'a run directory written by `reprobench run`, or a submission folder written by `reprobench import algoperf`',
          })
          .example('$0 report runs/adan', 'writes runs/adan/report.html'),
      (argv) => {
        const dir = resolve(argv['run-dir']);
        if (existsSync(join(dir, 'submission.json'))) {
          const html = join(dir, 'report.html');
          writeFileAtomic(html, renderSubmissionReport(dir));
          printLine(`report: ${relative(process.cwd(), html)}`);
          return;
        }
        const files = writeReport(dir, process.cwd());
        printLine(`report: ${relative(process.cwd(), files.html)}  (numbers: ${relative(process.cwd(), files.json)})`);
      },
    )
    .command(
      'leaderboard <dirs...>',
      'render a static leaderboard site from finished runs and imported AlgoPerf submissions',
      (c) =>
        c
          .positional('dirs', {
            type: 'string',
            array: true,
            demandOption: true,
            describe:
              'run directories (`reprobench run`) and/or folders of imported AlgoPerf submissions (`reprobench import algoperf`)',
          })
          .option('out', {
            type: 'string',
            default: 'site',
            describe: 'output folder: index.html, leaderboard.json and runs/<n>/report.html',
          })
          .check((argv) => {
            nonEmptyPath(argv['out'], '--out');
            return true;
          })
          .example('$0 leaderboard runs/adan runs/my-claim --out site', 'methods × workloads over two claims'),
      (argv) => {
        const dirs = argv.dirs.map((d) => resolve(d));
        const native = dirs.filter((d) => existsSync(join(d, 'manifest.json')));
        const imported = dirs.filter((d) => !native.includes(d));
        const { index, data } = writeLeaderboardSite(
          native,
          resolve(argv.out),
          process.cwd(),
          importedEntries(imported),
        );
        printLine(
          `leaderboard: ${relative(process.cwd(), index)}  (${data.entries.length} entries, ${data.workloads.length} workloads)`,
        );
      },
    );
}
