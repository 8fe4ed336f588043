import * as tf from '@tensorflow/tfjs';
import { byteOffset, type KernelArgs, type ProjectKernel } from './heap.js';
import { batchProduct } from './batch-product.js';
import { projectWasm, scratchBytes } from './wasm-module.js';

/**
 * BatchMatMul for `wasm` on the project's own SIMD product (native/wasm/gemm.c).
 *
 * tfjs 4.22's kernel reaches XNNPACK only for untransposed, unbatched products, re-packs the
 * weights on every call (its packed operator is cached per tensor, and training makes new
 * weight tensors every step) and leaves every transposed product, most of the backward pass,
 * to a scalar loop at about 1.5 GFLOP/s. Kernel set 2 materialised the transposes to reach
 * XNNPACK; this one reads either layout while packing, needs no re-packing step, and sums each
 * output in plain k order (bit-identical to the naive float32 loop for finite values; tested).
 * Batch dims broadcast by NumPy's rule (batch-product.ts).
 *
 * Non-float32 operands go to tfjs's kernel, which in 4.22 refuses them with its own error.
 */
export function wasmBatchMatMul(original: tf.KernelFunc): ProjectKernel {
  return ({ inputs, backend, attrs }: KernelArgs) => {
    const { a, b } = inputs as { a: tf.TensorInfo; b: tf.TensorInfo };
    if (a.dtype !== 'float32' || b.dtype !== 'float32') return original({ inputs, backend, attrs: attrs ?? {} });
    const { transposeA, transposeB } = attrs as unknown as tf.BatchMatMulAttrs;
    const p = batchProduct(a, b, transposeA, transposeB);
    const out = backend.makeOutput([...p.outer, p.M, p.N], 'float32');
    if (p.batch * p.M * p.N === 0) return out;
    const k = projectWasm(backend);
    const scratch = scratchBytes(backend, k.gemm_scratch_bytes(p.M, p.N, p.K));
    const [pa, pb, pc] = [byteOffset(backend, a), byteOffset(backend, b), byteOffset(backend, out)];
    p.forEach((da, db, dc, count, sa, sb, sc) =>
      k.gemm(
        transposeA ? 1 : 0,
        transposeB ? 1 : 0,
        p.M,
        p.N,
        p.K,
        pa + 4 * da,
        pb + 4 * db,
        pc + 4 * dc,
        count,
        sa,
        sb,
        sc,
        scratch,
      ),
    );
    return out;
  };
}
