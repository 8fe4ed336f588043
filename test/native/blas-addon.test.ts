import { describe, expect, it } from 'vitest';
import { blasKernelId, loadBlasAddon } from '../../harness/backends/blas/addon.js';
import { initBackend } from '../../harness/backends/select.js';
import { missingDependency, requireSystem } from '../helpers/system-deps.js';

// The blas backend's own tests (test/unit/harness/backends/blas.test.ts) test the addon where it
// is built and the fallback where it is not; this one requires it built, as npm run test:all does.
describe('the OpenBLAS addon on this machine', () => {
  it('is built, loads, and backs the blas backend', async () => {
    requireSystem('openblas');
    const loaded = loadBlasAddon();
    if (!('addon' in loaded)) throw missingDependency('addon', loaded.reason);
    const b = await initBackend('blas');
    expect(b.name).toBe('blas');
    expect(b.numericsClass).toContain(blasKernelId(loaded.addon));
  });
});
