#!/usr/bin/env node
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { isReprobenchError, ReprobenchError } from '../errors.js';
import { PACKAGE_VERSION } from '../package-root.js';
import { benchCommand } from './commands/bench.js';
import { calibrateCommand } from './commands/calibrate.js';
import { checkCommand } from './commands/check.js';
import { referenceCommand } from './commands/reference.js';
import { listCommand } from './commands/list.js';
import { runCommand } from './commands/run.js';

/** Exit codes: 0 success, 1 unexpected failure, 2 bad input (unknown id, bad option or config, corrupt file). */
function fail(e: unknown): never {
  if (isReprobenchError(e)) {
    process.stderr.write(e.format() + '\n');
    process.exit(2);
  }
  process.stderr.write(`reprobench: unexpected error: ${(e as Error)?.stack ?? String(e)}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  let cli = yargs(hideBin(process.argv))
    .scriptName('reprobench')
    .version(PACKAGE_VERSION)
    .usage('$0 <command> [options]\n\nChecks training-efficiency claims from ML papers: seeded repeats, AlgoPerf-style targets and budgets, verdicts, reports.')
    .strict()
    .demandCommand(1, 'name a command (see the list above)')
    .recommendCommands()
    .help()
    .alias('h', 'help')
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
  cli = benchCommand(cli);
  await cli.parseAsync();
}

main().catch(fail);
