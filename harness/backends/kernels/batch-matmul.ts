import * as tf from '@tensorflow/tfjs';
import type { KernelArgs, ProjectKernel } from './heap.js';
import { broadcastIndex, stridedBatch } from './broadcast.js';
import { projectWasm, scratchBytes } from './wasm-module.js';

/**
 * BatchMatMul for `wasm` on the project's own SIMD product (native/wasm/reprobench_kernels.c).
 *
 * tfjs 4.22's kernel reaches XNNPACK only for untransposed, unbatched products, re-packs the
 * weights on every call (its packed operator is cached per tensor, and training makes new
 * weight tensors every step) and leaves every transposed product, most of the backward pass,
 * to a scalar loop at about 1.5 GFLOP/s. Kernel set 2 materialised the transposes to reach
 * XNNPACK; this one reads either layout while packing, needs no re-packing step, and sums each
 * output in plain k order (bit-identical to the naive float32 loop for finite values; tested).
 * Batch dims broadcast by NumPy's rule (broadcast.ts).
 *
 * Non-float32 operands go to tfjs's kernel, which in 4.22 refuses them with its own error.
 */
export function wasmBatchMatMul(original: tf.KernelFunc): ProjectKernel {
  return ({ inputs, backend, attrs }: KernelArgs) => {
    const { a, b } = inputs as { a: tf.TensorInfo; b: tf.TensorInfo };
    if (a.dtype !== 'float32' || b.dtype !== 'float32') return original({ inputs, backend, attrs: attrs ?? {} }) as tf.TensorInfo;
    const { transposeA, transposeB } = attrs as unknown as tf.BatchMatMulAttrs;
    const ra = a.shape.length;
    const rb = b.shape.length;
    const M = transposeA ? a.shape[ra - 1]! : a.shape[ra - 2]!;
    const K = transposeA ? a.shape[ra - 2]! : a.shape[ra - 1]!;
    const Kb = transposeB ? b.shape[rb - 1]! : b.shape[rb - 2]!;
    const N = transposeB ? b.shape[rb - 2]! : b.shape[rb - 1]!;
    if (K !== Kb) {
      throw new Error(`Error in matMul: inner shapes (${K}) and (${Kb}) of Tensors with shapes ${a.shape} and ${b.shape} and transposeA=${transposeA} and transposeB=${transposeB} must match.`);
    }
    const outer = tf.backend_util.assertAndGetBroadcastShape(a.shape.slice(0, -2), b.shape.slice(0, -2));
    const batch = tf.util.sizeFromShape(outer);
    const out = backend.makeOutput([...outer, M, N], 'float32');
    if (batch * M * N === 0) return out;
    const k = projectWasm(backend);
    const scratch = scratchBytes(backend, k.gemm_scratch_bytes(M, N, K));
    const ptr = (t: tf.TensorInfo) => backend.dataIdMap.get(t.dataId).memoryOffset;
    const ta = transposeA ? 1 : 0;
    const tb = transposeB ? 1 : 0;
    const [pa, pb, pc] = [ptr(a), ptr(b), ptr(out)];
    const batchA = tf.util.sizeFromShape(a.shape.slice(0, -2));
    const batchB = tf.util.sizeFromShape(b.shape.slice(0, -2));
    if (stridedBatch(batchA, batchB, batch)) {
      k.gemm(ta, tb, M, N, K, pa, pb, pc, batch, batchA === 1 ? 0 : M * K, batchB === 1 ? 0 : K * N, M * N, scratch);
      return out;
    }
    // Any other broadcast ([3,1]·[1,3] batches, …): one product per output matrix.
    const memberA = broadcastIndex(a.shape.slice(0, -2), outer);
    const memberB = broadcastIndex(b.shape.slice(0, -2), outer);
    for (let i = 0; i < batch; i++) {
      k.gemm(ta, tb, M, N, K, pa + 4 * memberA(i) * M * K, pb + 4 * memberB(i) * K * N, pc + 4 * i * M * N, 1, 0, 0, 0, scratch);
    }
    return out;
  };
}

