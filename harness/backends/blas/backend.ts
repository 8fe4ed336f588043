import * as tf from '@tensorflow/tfjs';
import type { WasmBackendLike } from '../kernels/heap.js';
import type { BlasAddon } from './addon.js';
import { blasKernels } from './kernels.js';

export const BLAS_BACKEND = 'blas';

/**
 * Data ids of the `blas` backend start here. It shares the wasm backend's module (heap and C++
 * tensor table) so that every wasm kernel runs on it unchanged; the two backends number their
 * tensors from disjoint ranges.
 */
const BLAS_ID_BASE = 2 ** 30;

/**
 * A sibling of an initialised wasm backend instance over the same Emscripten module: its own
 * tensor table (so tfjs moves data between `wasm` and `blas` like between any two backends),
 * the same heap. Built without the constructor, which would re-initialise the module.
 */
function siblingOf(wasm: WasmBackendLike): WasmBackendLike {
  const sib = Object.create(Object.getPrototypeOf(wasm) as object) as WasmBackendLike & { dataIdNextNumber: number };
  sib.wasm = wasm.wasm;
  sib.dataIdNextNumber = BLAS_ID_BASE;
  sib.dataIdMap = new tf.DataStorage(sib, tf.engine());
  // The module belongs to the wasm backend: disposing this sibling frees only its own tensors.
  sib.dispose = () => {};
  return sib;
}

let registered = false;

/**
 * Registers `blas`: every wasm kernel (the project's included), with products and convolutions
 * replaced by OpenBLAS ones. The wasm backend must be initialised first (its module is shared).
 */
export function registerBlasBackend(addon: BlasAddon): void {
  if (registered) return;
  const wasm = tf.findBackend('wasm') as WasmBackendLike | null;
  if (!wasm) throw new Error('blas: the wasm backend must be initialised first');
  const native = blasKernels(addon);
  for (const config of tf.getKernelsForBackend('wasm')) {
    if (native[config.kernelName]) continue;
    tf.registerKernel({ ...config, backendName: BLAS_BACKEND });
  }
  for (const [kernelName, kernelFunc] of Object.entries(native)) {
    tf.registerKernel({ kernelName, backendName: BLAS_BACKEND, kernelFunc: kernelFunc as unknown as tf.KernelFunc });
  }
  tf.registerBackend(BLAS_BACKEND, () => siblingOf(wasm), 0);
  registered = true;
}
