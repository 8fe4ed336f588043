#!/usr/bin/env node
// `npm run reprobench -- <command> ...`: this checkout's own CLI (dist/, which npm ci and npm run
// build write), run in the directory npm was called from, as an installed `reprobench` would be.
// Inside the checkout `npx reprobench` would not do that: it installs the checkout into npx's
// cache as a file: dependency, rerunning its install and prepare scripts (addon and dist/ rebuilt).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const cli = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'harness', 'cli', 'main.js');
if (!existsSync(cli)) {
  process.stderr.write(
    'reprobench: dist/ is not built in this checkout: run npm ci (or npm run build), then this command again\n',
  );
  process.exit(2);
}
if (process.env.INIT_CWD) process.chdir(process.env.INIT_CWD);
await import(pathToFileURL(cli).href);
