#!/usr/bin/env node
/** `npm run bench [-- options]`: the engine benchmarks (same as `reprobench bench`). */
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { loadRegistries } from '../../harness/builtins.js';
import { isReprobenchError } from '../../harness/errors.js';
import { benchHandler } from './command.js';
import { benchOptions } from './options.js';

async function main(): Promise<void> {
  await benchOptions(yargs(hideBin(process.argv)).scriptName('npm run bench --').strict().help().wrap(100))
    .command(
      '$0',
      'engine benchmarks: training steps vs PyTorch, kernels, harness overhead, worker scaling',
      () => {},
      (argv) => benchHandler(argv, loadRegistries),
    )
    .parseAsync();
}

main().catch((e: unknown) => {
  process.stderr.write(isReprobenchError(e) ? e.format() + '\n' : `bench: ${(e as Error)?.stack ?? String(e)}\n`);
  process.exit(isReprobenchError(e) ? 2 : 1);
});
