#!/usr/bin/env node
// Builds the optional OpenBLAS addon (native/blas/) at install time. Never fails the install:
// with no C compiler, no Node headers or no OpenBLAS it prints why and leaves the `blas` backend
// unavailable (the harness then falls back to `wasm`). REPROBENCH_NO_NATIVE=1 skips it.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, 'build', 'reprobench_blas.node');
const say = (m) => process.stdout.write(`reprobench native: ${m}\n`);

function nodeHeaders() {
  const candidates = [
    process.env.npm_config_nodedir && join(process.env.npm_config_nodedir, 'include', 'node'),
    join(dirname(process.execPath), '..', 'include', 'node'),
    '/usr/include/node',
    '/usr/local/include/node',
  ].filter(Boolean);
  return candidates.find((d) => existsSync(join(d, 'node_api.h')));
}

function cblasHeaderDir() {
  const candidates = [
    '/usr/include/x86_64-linux-gnu',
    '/usr/include/aarch64-linux-gnu',
    '/usr/include/openblas',
    '/usr/include',
  ];
  return candidates.find((d) => existsSync(join(d, 'cblas.h')) && existsSync(join(d, 'openblas_config.h')));
}

function main() {
  if (process.env.REPROBENCH_NO_NATIVE === '1') return say('skipped (REPROBENCH_NO_NATIVE=1)');
  if (process.platform !== 'linux') return say(`skipped: built on Linux only (this is ${process.platform})`);
  const headers = nodeHeaders();
  if (!headers) return say('skipped: Node headers (node_api.h) not found; the blas backend stays unavailable');
  const cblas = cblasHeaderDir();
  if (!cblas)
    return say(
      'skipped: OpenBLAS headers not found (Debian: apt-get install libopenblas-dev); the blas backend stays unavailable',
    );
  const cc = process.env.CC || 'cc';
  mkdirSync(dirname(out), { recursive: true });
  const tmp = `${out}.tmp-${process.pid}`;
  try {
    execFileSync(
      cc,
      [
        '-O2',
        '-fPIC',
        '-shared',
        '-std=c11',
        '-Wall',
        '-fvisibility=hidden',
        `-I${headers}`,
        `-I${cblas}`,
        join(here, 'blas', 'reprobench_blas.c'),
        '-o',
        tmp,
        '-lopenblas',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    renameSync(tmp, out);
    say(`built ${join('native', 'build', 'reprobench_blas.node')} (OpenBLAS)`);
  } catch (e) {
    rmSync(tmp, { force: true });
    const detail = String(e.stderr ?? e.message ?? e)
      .split('\n')
      .filter(Boolean)
      .slice(0, 3)
      .join(' | ');
    say(`skipped: compiling the OpenBLAS addon failed (${detail}); the blas backend stays unavailable`);
  }
}

try {
  main();
} catch (e) {
  say(`skipped: ${e?.message ?? e}`);
}
