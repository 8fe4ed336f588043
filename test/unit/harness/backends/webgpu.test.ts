import { describe, expect, it } from 'vitest';
import { initBackend } from '../../../../harness/backends/select.js';
import { gpuDeviceNode, tryWebgpu } from '../../../../harness/backends/webgpu.js';
import { isReprobenchError } from '../../../../harness/errors.js';

// Unverified on a GPU by these tests: they pin down the load guard on machines without one.
describe('the webgpu backend is load-guarded', () => {
  const node = gpuDeviceNode();

  if (node === null) {
    it('auto passes over it without starting Dawn when the machine has no GPU device node', async () => {
      const reasons: string[] = [];
      expect(await tryWebgpu(reasons, { requireDeviceNode: true })).toBe(false);
      expect(reasons).toEqual(['webgpu: skipped, no GPU device node (/dev/nvidia*, /dev/dri/renderD*)']);
    });

    it('asked for explicitly with no adapter, it fails with a coded error and the reason', async () => {
      const err = await initBackend('webgpu').catch((e: unknown) => e);
      expect(isReprobenchError(err) && err.code).toBe('E_BACKEND_UNAVAILABLE');
      expect((err as Error).message).toMatch(
        /webgpu: (Dawn loaded but found no GPU adapter|Dawn found no usable adapter|unavailable)/,
      );
      expect(isReprobenchError(err) && err.hint).toMatch(/GPU adapter/);
    });
  } else {
    it(`with a GPU device node (${node}) auto tries Dawn and records what it found`, async () => {
      const reasons: string[] = [];
      const ok = await tryWebgpu(reasons, { requireDeviceNode: true });
      expect(reasons).toHaveLength(1);
      expect(reasons[0]).toMatch(ok ? /^webgpu: Dawn adapter / : /^webgpu: /);
    });
  }
});
