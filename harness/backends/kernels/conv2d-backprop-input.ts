import * as tf from '@tensorflow/tfjs';
import { col2im, geometryOf } from './conv-geometry.js';
import { callKernel, disposeAll, elementOffset, heapF32, type KernelArgs } from './heap.js';

/**
 * Conv2DBackpropInput for wasm: tfjs 4.22's takes about 70 ms for the small CNN's second layer
 * (a scalar loop). Here dx = col2im(dy · Wᵀ): the product through the backend's BatchMatMul
 * (for wasm, the project's SIMD product; for blas, OpenBLAS), the scatter in JS in patch order.
 */
export function conv2dBackpropInput({ inputs, backend, attrs }: KernelArgs): tf.TensorInfo {
  const { dy, filter } = inputs as { dy: tf.TensorInfo; filter: tf.TensorInfo };
  const { strides, pad, dataFormat, dimRoundingMode, inputShape } = attrs as unknown as tf.Conv2DBackpropInputAttrs;
  const info = tf.backend_util.computeConv2DInfo(
    inputShape,
    filter.shape as [number, number, number, number],
    strides,
    1,
    pad,
    dimRoundingMode,
    false,
    tf.backend_util.convertConv2DDataFormat(dataFormat),
  );
  const g = geometryOf(info);
  const P = g.batch * g.outH * g.outW;
  const K = g.fH * g.fW * g.inC;
  const temps: tf.TensorInfo[] = [];
  try {
    const dy2 = callKernel('Reshape', backend, { x: dy }, { shape: [P, g.outC] });
    const w2 = callKernel('Reshape', backend, { x: filter }, { shape: [K, g.outC] });
    temps.push(dy2, w2);
    const cols = callKernel('BatchMatMul', backend, { a: dy2, b: w2 }, { transposeA: false, transposeB: true });
    temps.push(cols);
    const out = backend.makeOutput([...inputShape], 'float32');
    col2im(heapF32(backend), g, elementOffset(backend, cols), elementOffset(backend, out));
    return out;
  } finally {
    disposeAll(backend, temps);
  }
}
