import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT as ROOT } from '../../harness/package-root.js';
import { requireSystem } from '../helpers/system-deps.js';

// Needs clang-14, lld-14 and llvm-14 (npm run test:all installs them); fails naming that command without them.
describe('native/wasm/reprobench_kernels.wasm (committed)', () => {
  it('is what its C source builds to (native/wasm/build.mjs --check)', () => {
    requireSystem('clang');
    const r = spawnSync(process.execPath, [join(ROOT, 'native', 'wasm', 'build.mjs'), '--check'], { encoding: 'utf8' });
    expect(r.stdout + r.stderr).toContain('matches its source');
    expect(r.status).toBe(0);
  }, 60_000);
});
