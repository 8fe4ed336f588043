#!/usr/bin/env node
import { createRequire } from 'node:module';
import type yargsType from 'yargs';
import { isReprobenchError, ReprobenchError } from '../errors.js';
import { PACKAGE_VERSION } from '../package-root.js';
import { benchCommand } from './commands/bench.js';
import { calibrateCommand } from './commands/calibrate.js';
import { checkCommand } from './commands/check.js';
import { dataCommand } from './commands/data.js';
import { referenceCommand } from './commands/reference.js';
import { reportCommand } from './commands/report.js';
import { tuneCommand } from './commands/tune.js';
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

// yargs' CommonJS build wraps help text at word boundaries (its ESM build cuts words in half).
const require = createRequire(import.meta.url);
const yargs = require('yargs') as typeof yargsType;
const { hideBin } = require('yargs/helpers') as typeof import('yargs/helpers');

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
  cli = reportCommand(cli);
  cli = tuneCommand(cli);
  cli = dataCommand(cli);
  cli = (await import('./commands/import.js')).importCommand(cli);
  cli = (await import('./commands/score.js')).scoreCommand(cli);
  cli = (await import('./commands/plan.js')).planCommand(cli);
  cli = (await import('./commands/merge.js')).mergeCommand(cli);
  cli = (await import('./commands/slurm.js')).slurmCommand(cli);
  cli = (await import('./commands/k8s.js')).k8sCommand(cli);
  cli = (await import('./commands/wait.js')).waitCommand(cli);
  cli = (await import('./commands/catalogue.js')).catalogueCommand(cli);
  cli = benchCommand(cli);
  await cli.parseAsync();
}

main().catch(fail);
