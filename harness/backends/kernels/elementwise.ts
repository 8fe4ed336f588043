import * as tf from '@tensorflow/tfjs';
import { byteOffset, type KernelArgs, type ProjectKernel } from './heap.js';
import { projectWasm } from './wasm-module.js';

type Unary = 'tanh_f32' | 'exp_f32';

/**
 * A float32 elementwise function in the project's SIMD module; other dtypes go to the original.
 * tfjs 4.22's wasm kernels call the C library's tanhf and expf element by element through a
 * function pointer (12–18 ns an element); these run four lanes at a time within one float32 ulp
 * of the exact value (tested against Math.tanh and Math.exp), the same bits on every machine. They
 * are different functions from the C library's, so they are part of a new kernel set (KERNEL_SETS).
 */
function unary(fn: Unary) {
  return (fallback: (args: KernelArgs) => tf.TensorInfo): ProjectKernel =>
    (args: KernelArgs) => {
      const { x } = args.inputs as { x: tf.TensorInfo };
      if (x.dtype !== 'float32') return fallback(args);
      const { backend } = args;
      const out = backend.makeOutput([...x.shape], 'float32');
      const n = tf.util.sizeFromShape(x.shape);
      if (n > 0) projectWasm(backend)[fn](byteOffset(backend, x), byteOffset(backend, out), n);
      return out;
    };
}

export const tanh = unary('tanh_f32');
export const exp = unary('exp_f32');
