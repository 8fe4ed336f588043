#!/usr/bin/env node
/** `npm run bench [-- options]`: the engine benchmarks (same as `reprobench bench`). */
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { isReprobenchError } from '../../harness/errors.js';
import { benchHandler } from '../../harness/cli/commands/bench.js';
import { benchOptions } from './options.js';

async function main(): Promise<void> {
  await benchOptions(yargs(hideBin(process.argv)).scriptName('npm run bench --').strict().help().wrap(100))
    .command('$0', 'engine benchmarks: training steps vs PyTorch, kernels, harness overhead, worker scaling', () => {}, benchHandler)
    .parseAsync();
}

main().catch((e: unknown) => {
  process.stderr.write(isReprobenchError(e) ? e.format() + '\n' : `bench: ${(e as Error)?.stack ?? String(e)}\n`);
  process.exit(isReprobenchError(e) ? 2 : 1);
});
