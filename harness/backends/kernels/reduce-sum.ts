import * as tf from '@tensorflow/tfjs';
import { byteOffset, type KernelArgs, type ProjectKernel } from './heap.js';
import { projectWasm } from './wasm-module.js';

/**
 * Sum over a block of consecutive axes that are not the innermost (bias and layer-norm gradients
 * reduce the leading axes): x viewed as [A, R, B], out[a][b] = Σ_r x[a][r][b] (native/wasm:
 * sum_middle), vectorised across b. tfjs 4.22's wasm Sum transposes the reduced axes innermost
 * and then adds each output's values one by one in that order; sum_middle adds them in the same
 * order, so the result is the same bit for bit (tested) without the transpose. Innermost
 * reductions, other dtypes and non-consecutive axes go to the original kernel.
 */
export function sum(fallback: (args: KernelArgs) => tf.TensorInfo): ProjectKernel {
  return (args: KernelArgs) => {
    const { x } = args.inputs as { x: tf.TensorInfo };
    const { axis, keepDims } = args.attrs as unknown as tf.SumAttrs;
    if (x.dtype !== 'float32') return fallback(args);
    const axes = tf.util.parseAxisParam(axis, x.shape);
    const sorted = [...axes].sort((p, q) => p - q);
    const first = sorted[0];
    const last = sorted.at(-1);
    const consecutive = sorted.every((a, i) => a === sorted[0]! + i) && sorted.every((a, i) => a === axes[i]);
    if (first === undefined || last === undefined || !consecutive || last === x.shape.length - 1) return fallback(args);
    const A = tf.util.sizeFromShape(x.shape.slice(0, first));
    const R = tf.util.sizeFromShape(x.shape.slice(first, last + 1));
    const B = tf.util.sizeFromShape(x.shape.slice(last + 1));
    const shape = keepDims
      ? x.shape.map((d, i) => (i >= first && i <= last ? 1 : d))
      : x.shape.filter((_, i) => i < first || i > last);
    const { backend } = args;
    const out = backend.makeOutput(shape, 'float32');
    if (A * B === 0) return out;
    projectWasm(backend).sum_middle(byteOffset(backend, x), byteOffset(backend, out), A, R, B);
    return out;
  };
}
