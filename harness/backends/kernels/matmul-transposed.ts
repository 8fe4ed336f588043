import * as tf from '@tensorflow/tfjs';
import { callKernel, disposeAll, type KernelArgs, type ProjectKernel } from './heap.js';

/**
 * tfjs 4.22's wasm BatchMatMul uses XNNPACK only when neither operand is transposed and the
 * batch is 1; every transposed product (most of the backward pass) falls to a scalar blocked
 * loop that runs at about 1.5 GFLOP/s. Materialising the transpose first (wasm's own Transpose
 * kernel, a copy) and calling the same kernel untransposed reaches XNNPACK: a 784×128·128×256
 * weight gradient becomes several times faster. Batched products keep the original path, since
 * XNNPACK is not used for them either way.
 */
export function materialisingBatchMatMul(original: tf.KernelFunc): ProjectKernel {
  return ({ inputs, backend, attrs }: KernelArgs) => {
    const { a, b } = inputs as { a: tf.TensorInfo; b: tf.TensorInfo };
    const { transposeA, transposeB } = attrs as unknown as tf.BatchMatMulAttrs;
    const batchOf = (t: tf.TensorInfo) => tf.util.sizeFromShape(t.shape.slice(0, -2));
    if ((!transposeA && !transposeB) || batchOf(a) !== 1 || batchOf(b) !== 1) {
      return original({ inputs, backend, attrs: attrs ?? {} }) as tf.TensorInfo;
    }
    const temps: tf.TensorInfo[] = [];
    const swapLast = (t: tf.TensorInfo) => {
      const perm = t.shape.map((_, i) => i);
      [perm[perm.length - 2], perm[perm.length - 1]] = [perm[perm.length - 1]!, perm[perm.length - 2]!];
      const out = callKernel('Transpose', backend, { x: t }, { perm });
      temps.push(out);
      return out;
    };
    const aa = transposeA ? swapLast(a) : a;
    const bb = transposeB ? swapLast(b) : b;
    try {
      return original({ inputs: { a: aa, b: bb }, backend, attrs: { ...attrs, transposeA: false, transposeB: false } }) as tf.TensorInfo;
    } finally {
      disposeAll(backend, temps);
    }
  };
}
