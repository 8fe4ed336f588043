import { createRequire } from 'node:module';
import type yargsType from 'yargs';
import { isReprobenchError, ReprobenchError } from '../errors.js';
import { PACKAGE_VERSION } from '../package-root.js';
import { benchCommand } from '../builtins.js';
import { calibrateCommand } from './commands/calibrate.js';
import { checkCommand } from './commands/check.js';
import { dataCommand } from './commands/data.js';
import { referenceCommand } from './commands/reference.js';
import { reportCommand } from './commands/report.js';
import { tuneCommand } from './commands/tune.js';
import { listCommand } from './commands/list.js';
import { runCommand } from './commands/run.js';
import { importCommand } from './commands/import.js';
import { scoreCommand } from './commands/score.js';
import { planCommand } from './commands/plan.js';
import { mergeCommand } from './commands/merge.js';
import { slurmCommand } from './commands/slurm.js';
import { k8sCommand } from './commands/k8s.js';
import { waitCommand } from './commands/wait.js';
import { catalogueCommand } from './commands/catalogue.js';
import { isFsError, uncaughtFsError } from '../store/fs-errors.js';
import { printError } from './terminal-text.js';

/**
 * Exit codes: 0 success, 1 unexpected failure, 2 bad input (unknown id, bad option or config,
 * corrupt file, a path that cannot be used) or a run without usable results; 128 + n on signal n
 * (scheduler/interrupt.ts). A command may set `process.exitCode` itself (1 for `check` failures).
 */
export function exitCodeFor(e: unknown): 1 | 2 {
  // A file-system error on a path the user gave is bad input too: coded, with the call and the path.
  const coded = isReprobenchError(e) ? e : isFsError(e) ? uncaughtFsError(e) : null;
  if (coded) {
    printError(coded.format());
    return 2;
  }
  printError(`reprobench: unexpected error: ${(e as Error)?.stack ?? String(e)}`);
  return 1;
}

// yargs' CommonJS build wraps help text at word boundaries (its ESM build cuts words in half).
const require = createRequire(import.meta.url);
const yargs = require('yargs') as typeof yargsType;

/**
 * The command line without the process around it: parses `argv` (without node and the script),
 * runs the command, prints a coded error as `error E_CODE: …` with its hint, and returns the exit
 * code. `bin` (main.ts) exits with it; tests call it in-process.
 */
export async function runCli(argv: string[]): Promise<number> {
  try {
    await buildCli(argv).parseAsync();
    return 0;
  } catch (e) {
    return exitCodeFor(e);
  }
}

function buildCli(argv: string[]) {
  let cli = yargs(argv)
    .scriptName('reprobench')
    .version(PACKAGE_VERSION)
    .usage(
      '$0 <command> [options]\n\nChecks training-efficiency claims from ML papers: seeded repeats, AlgoPerf-style targets and budgets, verdicts, reports.',
    )
    .strict()
    .demandCommand(1, 'name a command (see the list above)')
    .recommendCommands()
    .help()
    .alias('h', 'help')
    // --help and --version print and return; the caller decides about the process.
    .exitProcess(false)
    .wrap(Math.min(110, process.stdout.columns || 100))
    .fail((msg, err, y) => {
      if (err) throw err;
      void y;
      throw new ReprobenchError('E_BAD_OPTION', msg, 'see `reprobench --help`, or `reprobench <command> --help`');
    });
  cli = runCommand(cli);
  cli = listCommand(cli);
  cli = calibrateCommand(cli);
  cli = checkCommand(cli);
  cli = referenceCommand(cli);
  cli = reportCommand(cli);
  cli = tuneCommand(cli);
  cli = dataCommand(cli);
  cli = importCommand(cli);
  cli = scoreCommand(cli);
  cli = planCommand(cli);
  cli = mergeCommand(cli);
  cli = slurmCommand(cli);
  cli = k8sCommand(cli);
  cli = waitCommand(cli);
  cli = catalogueCommand(cli);
  cli = benchCommand(cli);
  return cli;
}
