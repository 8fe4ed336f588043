import * as tf from '@tensorflow/tfjs';
import { byteOffset, type KernelArgs, type ProjectKernel } from './heap.js';
import { projectWasm } from './wasm-module.js';

/**
 * Tanh for float32 in WebAssembly SIMD (native/wasm: tanh_f32): computed in double precision and
 * rounded once, so within one float32 rounding of the exact value and the same on every machine.
 * tfjs 4.22's wasm kernel calls the C library's tanhf element by element through a function
 * pointer (about 18 ns an element); this one is a different function, so it is part of a new
 * kernel set (KERNEL_SETS). Other dtypes go to the original.
 */
export function tanh(fallback: (args: KernelArgs) => tf.TensorInfo): ProjectKernel {
  return (args: KernelArgs) => {
    const { x } = args.inputs as { x: tf.TensorInfo };
    if (x.dtype !== 'float32') return fallback(args);
    const { backend } = args;
    const out = backend.makeOutput([...x.shape], 'float32');
    const n = tf.util.sizeFromShape(x.shape);
    if (n > 0) projectWasm(backend).tanh_f32(byteOffset(backend, x), byteOffset(backend, out), n);
    return out;
  };
}
