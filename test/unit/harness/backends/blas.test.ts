import { describe, expect, it } from 'vitest';
import { ADDON_PATH, blasKernelId, loadBlasAddon } from '../../../../harness/backends/blas/addon.js';
import { initBackend } from '../../../../harness/backends/select.js';
import { isReprobenchError } from '../../../../harness/errors.js';
// Sets the probe's optimizer (the built-in AdamW), as every command that probes does by loading the built-ins.
import '../../../../harness/builtins.js';

const loaded = loadBlasAddon();

describe('the OpenBLAS addon and the blas backend', () => {
  it('is looked for in native/build (test/native requires it built; without OpenBLAS the tests below check the fallback)', () => {
    expect(ADDON_PATH).toMatch(/native[\\/]build[\\/]reprobench_blas\.node$/);
  });

  if ('addon' in loaded) {
    const { addon } = loaded;

    it('runs OpenBLAS on one thread (parallel summation orders are not reproducible)', () => {
      expect(addon.info().threads).toBe(1);
      expect(blasKernelId(addon)).toMatch(/^openblas\d+\.\d+\.\d+-\w+$/);
    });

    it('refuses operands outside the heap instead of reading past it', () => {
      const heap = new Float32Array(16);
      expect(() => addon.sgemmBatched(heap, 0, 0, 4, 4, 4, 0, 0, 8, 1, 0, 0, 0)).toThrow(/out of the heap's bounds/);
      expect(() => addon.conv2d(heap, 0, 0, 0, 0, 8, 1, 4, 4, 1, 4, 4, 1, 3, 3, 1, 1, 1, 1, 1, 1)).toThrow(
        /out of the heap's bounds/,
      );
      expect(() => addon.conv2d(heap, 7, 0, 0, 0, 0, 1, 2, 2, 1, 2, 2, 1, 1, 1, 1, 1, 0, 0, 1, 1)).toThrow(
        /bad geometry or mode/,
      );
    });

    it('multiplies, transposes and broadcasts a batch like the definition says', () => {
      // A: 2 batches of 2×3, B: one 3×2 broadcast (stride 0), C: 2 batches of 2×2.
      const heap = new Float32Array(64);
      heap.set([1, 2, 3, 4, 5, 6, 0, 1, 0, 1, 0, 1], 0);
      heap.set([1, 0, 0, 1, 1, 1], 16);
      addon.sgemmBatched(heap, 0, 0, 2, 2, 3, 0, 16, 32, 2, 6, 0, 4);
      expect(Array.from(heap.subarray(32, 40))).toEqual([4, 5, 10, 11, 0, 1, 2, 1]);
      // Bᵀ·Aᵀ for the first batch, through both transpose flags: (A·B)ᵀ.
      addon.sgemmBatched(heap, 1, 1, 2, 2, 3, 16, 0, 48, 1, 0, 0, 0);
      expect(Array.from(heap.subarray(48, 52))).toEqual([4, 10, 5, 11]);
    });

    it('auto picks blas when neither tfjs-node nor a GPU is there', async () => {
      const b = await initBackend('auto');
      if (b.name !== 'tensorflow' && b.name !== 'webgpu') expect(b.name).toBe('blas');
      expect(b.reasons.some((r) => r.startsWith('blas: wasm kernels with OpenBLAS'))).toBe(true);
    });
  } else {
    it('without OpenBLAS, asking for blas fails with a coded error that says what to install', async () => {
      const err = await initBackend('blas').catch((e: unknown) => e);
      expect(isReprobenchError(err) && err.code).toBe('E_BACKEND_UNAVAILABLE');
      expect(String((err as Error).message)).toMatch(/blas: /);
      expect(isReprobenchError(err) && err.hint).toMatch(/libopenblas-dev/);
    });
  }
});
