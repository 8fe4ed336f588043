#!/usr/bin/env node
// Rebuilds native/wasm/reprobench_kernels.wasm from gemm.c, updates.c and elementwise.c. A development step,
// not an install step: the .wasm is committed (users need no compiler), and
// test/native/wasm-kernels-build.test.ts rebuilds it (and fails where clang is missing, naming
// `npm run test:all`, which installs it) and fails if the committed binary differs from this source's.
//
// Needs clang with the wasm32 target and wasm-ld (Debian: apt-get install clang-14 lld-14).
// `--check` builds to a temporary file and exits 1 if it differs from the committed one.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const sources = ['gemm.c', 'updates.c', 'elementwise.c'].map((f) => join(here, f));
const target = join(here, 'reprobench_kernels.wasm');

/** The compiler: $CLANG, else the first of these on PATH. */
export function findClang() {
  const candidates = [process.env.CLANG, 'clang-14', 'clang'].filter(Boolean);
  for (const cc of candidates) {
    try {
      execFileSync(cc, ['--version'], { stdio: 'ignore' });
      return cc;
    } catch {
      // try the next one
    }
  }
  return undefined;
}

// -ffp-contract=off: never fuse a*b+c (SIMD128 has no FMA, but say it anyway).
// -disable-lsr: loop strength reduction gives each pointer of the product's inner loop its own
// induction variable and adds its offset with an i32.add before every load; without it clang folds
// constant offsets into the loads' offset fields, and V8 into its addressing modes. The 4×8 tile
// then runs about a fifth faster (docs/engine.md § "The product at the ceiling of 128-bit SIMD"); the
// arithmetic, and so every result, is the same.
// --import-memory: the kernels work in tfjs's heap. stack-size=0 and the checks below: the
// module must not own any memory of its own (no data, no C stack) inside that heap.
const FLAGS = [
  '--target=wasm32',
  '-O3',
  '-msimd128',
  '-ffp-contract=off',
  '-mllvm',
  '-disable-lsr',
  '-fno-builtin',
  '-nostdlib',
  '-Wall',
  '-Wextra',
  '-Werror',
  '-Wl,--no-entry',
  '-Wl,--import-memory',
  '-Wl,-z,stack-size=0',
  '-Wl,--strip-all',
];

/** Section ids of a wasm binary, in order (data = 11, global = 6). */
export function sectionIds(bytes) {
  const ids = [];
  let i = 8;
  while (i < bytes.length) {
    ids.push(bytes[i++]);
    let size = 0;
    for (let shift = 0; ; shift += 7) {
      const b = bytes[i++];
      size |= (b & 0x7f) << shift;
      if (!(b & 0x80)) break;
    }
    i += size;
  }
  return ids;
}

/**
 * The C stack would live at a fixed address of the imported heap, over tfjs's own data: the
 * module must never read or write its stack pointer (a global). Checked on the disassembly
 * where llvm-objdump is installed (it comes with clang on Debian).
 */
function assertNoStack(out) {
  for (const tool of ['llvm-objdump-14', 'llvm-objdump']) {
    let text;
    try {
      text = execFileSync(tool, ['-d', out], { encoding: 'utf8', maxBuffer: 64 << 20 });
    } catch {
      continue;
    }
    if (/global\.(get|set)/.test(text))
      throw new Error("the kernels module uses the C stack: it would write into tfjs's heap");
    return;
  }
  process.stderr.write('native/wasm: llvm-objdump not found, the no-stack check was skipped\n');
}

export function build(out) {
  const cc = findClang();
  if (!cc) throw new Error('no clang found (Debian: apt-get install clang-14 lld-14, or set CLANG)');
  execFileSync(cc, [...FLAGS, ...sources, '-o', out], { stdio: ['ignore', 'inherit', 'inherit'] });
  const ids = sectionIds(readFileSync(out));
  if (ids.includes(11)) throw new Error("the kernels module has a data section: it would write into tfjs's heap");
  assertNoStack(out);
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes('--check');
  const dir = mkdtempSync(join(tmpdir(), 'reprobench-wasm-'));
  try {
    const built = build(join(dir, 'kernels.wasm'));
    if (check) {
      const same = existsSync(target) && Buffer.compare(readFileSync(built), readFileSync(target)) === 0;
      process.stdout.write(
        same
          ? 'native/wasm: committed reprobench_kernels.wasm matches its source\n'
          : 'native/wasm: reprobench_kernels.wasm differs from what its source builds; run npm run build:wasm\n',
      );
      process.exitCode = same ? 0 : 1;
    } else {
      chmodSync(built, 0o644); // wasm-ld marks its output executable; it is data
      renameSync(built, target);
      process.stdout.write(`native/wasm: built ${target}\n`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
