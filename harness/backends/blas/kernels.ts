import * as tf from '@tensorflow/tfjs';
import { batchProduct } from '../kernels/batch-product.js';
import { geometryArgs, geometryOf } from '../kernels/conv-geometry.js';
import {
  callKernel,
  elementOffset,
  heapF32,
  type KernelArgs,
  type ProjectKernel,
  type WasmBackendLike,
} from '../kernels/heap.js';
import type { BlasAddon } from './addon.js';

/** Products and convolutions of the `blas` backend: OpenBLAS sgemm over the wasm heap. */
export function blasKernels(addon: BlasAddon): Record<string, ProjectKernel> {
  const matmul = (
    backend: WasmBackendLike,
    a: tf.TensorInfo,
    b: tf.TensorInfo,
    transposeA: boolean,
    transposeB: boolean,
  ): tf.TensorInfo => {
    if (a.dtype !== 'float32' || b.dtype !== 'float32') throw new Error('BatchMatMul on blas: float32 only');
    const p = batchProduct(a, b, transposeA, transposeB);
    const out = backend.makeOutput([...p.outer, p.M, p.N], 'float32');
    if (p.batch * p.M * p.N === 0) return out;
    const heap = heapF32(backend);
    const [aOff, bOff, cOff] = [elementOffset(backend, a), elementOffset(backend, b), elementOffset(backend, out)];
    p.forEach((da, db, dc, count, sa, sb, sc) =>
      addon.sgemmBatched(
        heap,
        transposeA ? 1 : 0,
        transposeB ? 1 : 0,
        p.M,
        p.N,
        p.K,
        aOff + da,
        bOff + db,
        cOff + dc,
        count,
        sa,
        sb,
        sc,
      ),
    );
    return out;
  };

  /** Bias and activation of the fused ops, by the backend's own (wasm) kernels. */
  const epilogue = (
    backend: WasmBackendLike,
    y: tf.TensorInfo,
    bias: tf.TensorInfo | undefined,
    activation: string | undefined,
    prelu: tf.TensorInfo | undefined,
    alpha: number | undefined,
  ): tf.TensorInfo => {
    let cur = y;
    const step = (next: tf.TensorInfo) => {
      backend.disposeData(cur.dataId);
      cur = next;
    };
    if (bias) step(callKernel('Add', backend, { a: cur, b: bias }));
    switch (activation ?? 'linear') {
      case 'linear':
        break;
      case 'relu':
        step(callKernel('Relu', backend, { x: cur }));
        break;
      case 'relu6':
        step(callKernel('Relu6', backend, { x: cur }));
        break;
      case 'elu':
        step(callKernel('Elu', backend, { x: cur }));
        break;
      case 'sigmoid':
        step(callKernel('Sigmoid', backend, { x: cur }));
        break;
      case 'leakyrelu':
        step(callKernel('LeakyRelu', backend, { x: cur }, { alpha: alpha ?? 0.2 }));
        break;
      case 'prelu':
        step(callKernel('Prelu', backend, { x: cur, alpha: prelu! }));
        break;
      default:
        throw new Error(`blas: unknown fused activation ${activation}`);
    }
    return cur;
  };

  const conv = (
    backend: WasmBackendLike,
    mode: 0 | 1 | 2,
    info: tf.backend_util.Conv2DInfo,
    ops: { x?: tf.TensorInfo; w?: tf.TensorInfo; dy?: tf.TensorInfo },
    outShape: number[],
  ): tf.TensorInfo => {
    for (const t of Object.values(ops)) if (t && t.dtype !== 'float32') throw new Error('conv2d on blas: float32 only');
    const g = geometryOf(info);
    const out = backend.makeOutput(outShape, 'float32');
    const heap = heapF32(backend);
    const off = (t?: tf.TensorInfo) => (t ? elementOffset(backend, t) : 0);
    addon.conv2d(heap, mode, off(ops.x), off(ops.w), off(ops.dy), off(out), ...geometryArgs(g));
    return out;
  };
  const dataFormatOf = (f: string) => tf.backend_util.convertConv2DDataFormat(f as 'NHWC' | 'NCHW');
  type Shape4 = [number, number, number, number];

  return {
    BatchMatMul: ({ inputs, backend, attrs }: KernelArgs) => {
      const { a, b } = inputs as { a: tf.TensorInfo; b: tf.TensorInfo };
      const { transposeA, transposeB } = attrs as unknown as tf.BatchMatMulAttrs;
      return matmul(backend, a, b, transposeA, transposeB);
    },
    _FusedMatMul: ({ inputs, backend, attrs }: KernelArgs) => {
      const { a, b, bias, preluActivationWeights } = inputs as Record<string, tf.TensorInfo | undefined>;
      const { transposeA, transposeB, activation, leakyreluAlpha } = attrs as unknown as tf._FusedMatMulAttrs;
      return epilogue(
        backend,
        matmul(backend, a!, b!, transposeA, transposeB),
        bias,
        activation,
        preluActivationWeights,
        leakyreluAlpha,
      );
    },
    Conv2D: ({ inputs, backend, attrs }: KernelArgs) => {
      const { x, filter } = inputs as { x: tf.TensorInfo; filter: tf.TensorInfo };
      const { strides, pad, dataFormat, dilations, dimRoundingMode } = attrs as unknown as tf.Conv2DAttrs;
      const info = tf.backend_util.computeConv2DInfo(
        x.shape as Shape4,
        filter.shape as Shape4,
        strides,
        dilations,
        pad,
        dimRoundingMode,
        false,
        dataFormatOf(dataFormat),
      );
      return conv(backend, 0, info, { x, w: filter }, info.outShape);
    },
    FusedConv2D: ({ inputs, backend, attrs }: KernelArgs) => {
      const { x, filter, bias, preluActivationWeights } = inputs as Record<string, tf.TensorInfo | undefined>;
      const { strides, pad, dataFormat, dilations, dimRoundingMode, activation, leakyreluAlpha } =
        attrs as unknown as tf.FusedConv2DAttrs;
      const info = tf.backend_util.computeConv2DInfo(
        x!.shape as Shape4,
        filter!.shape as Shape4,
        strides,
        dilations,
        pad,
        dimRoundingMode,
        false,
        dataFormatOf(dataFormat),
      );
      const y = conv(backend, 0, info, { x: x!, w: filter! }, info.outShape);
      return epilogue(backend, y, bias, activation, preluActivationWeights, leakyreluAlpha);
    },
    Conv2DBackpropInput: ({ inputs, backend, attrs }: KernelArgs) => {
      const { dy, filter } = inputs as { dy: tf.TensorInfo; filter: tf.TensorInfo };
      const { strides, pad, dataFormat, dimRoundingMode, inputShape } = attrs as unknown as tf.Conv2DBackpropInputAttrs;
      const info = tf.backend_util.computeConv2DInfo(
        inputShape,
        filter.shape as Shape4,
        strides,
        1,
        pad,
        dimRoundingMode,
        false,
        dataFormatOf(dataFormat),
      );
      return conv(backend, 1, info, { dy, w: filter }, [...inputShape]);
    },
    MaxPoolGrad: ({ inputs, backend, attrs }: KernelArgs) => {
      const { dy, input } = inputs as { dy: tf.TensorInfo; input: tf.TensorInfo };
      const { filterSize, strides, pad, dimRoundingMode } = attrs as unknown as tf.MaxPoolGradAttrs;
      if (input.dtype !== 'float32') throw new Error('MaxPoolGrad on blas: float32 only');
      const i = tf.backend_util.computePool2DInfo(input.shape as Shape4, filterSize, strides, 1, pad, dimRoundingMode);
      const out = backend.makeOutput([...input.shape], 'float32');
      addon.maxPoolGrad(
        heapF32(backend),
        elementOffset(backend, input),
        elementOffset(backend, dy),
        elementOffset(backend, out),
        i.batchSize,
        i.inHeight,
        i.inWidth,
        i.inChannels,
        i.outHeight,
        i.outWidth,
        i.filterHeight,
        i.filterWidth,
        i.strideHeight,
        i.strideWidth,
        i.padInfo.top,
        i.padInfo.left,
        i.dilationHeight,
        i.dilationWidth,
      );
      return out;
    },
    Conv2DBackpropFilter: ({ inputs, backend, attrs }: KernelArgs) => {
      const { x, dy } = inputs as { x: tf.TensorInfo; dy: tf.TensorInfo };
      const { strides, pad, dataFormat, dimRoundingMode, filterShape } =
        attrs as unknown as tf.Conv2DBackpropFilterAttrs;
      const info = tf.backend_util.computeConv2DInfo(
        x.shape as Shape4,
        filterShape,
        strides,
        1,
        pad,
        dimRoundingMode,
        false,
        dataFormatOf(dataFormat),
      );
      return conv(backend, 2, info, { x, dy }, [...filterShape]);
    },
  };
}
