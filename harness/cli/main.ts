#!/usr/bin/env node
import { createRequire } from 'node:module';
import { installStopHandlers } from '../scheduler/interrupt.js';
import { runCli } from './cli.js';

const require = createRequire(import.meta.url);
const { hideBin } = require('yargs/helpers') as typeof import('yargs/helpers');

installStopHandlers();
// A reader that stops early (`reprobench list claims | head`) is not an error of ours.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
}
const code = await runCli(hideBin(process.argv));
if (code !== 0) process.exit(code);
