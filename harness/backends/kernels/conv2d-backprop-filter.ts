import * as tf from '@tensorflow/tfjs';
import { geometryOf, im2col } from './conv-geometry.js';
import { callKernel, disposeAll, elementOffset, heapF32, type KernelArgs } from './heap.js';

/**
 * Conv2DBackpropFilter for wasm (tfjs 4.22 ships none, so no convolution can train there):
 * dW = colsᵀ · dy, with the patch matrix built in JS on the wasm heap and the product done by
 * the backend's own BatchMatMul (for wasm, the project's SIMD product in native/wasm/; for
 * blas, OpenBLAS). The filter comes out as [fH·fW·inC, outC], which is HWIO's memory order.
 */
export function conv2dBackpropFilter({ inputs, backend, attrs }: KernelArgs): tf.TensorInfo {
  const { x, dy } = inputs as { x: tf.TensorInfo; dy: tf.TensorInfo };
  const { strides, pad, dataFormat, dimRoundingMode, filterShape } = attrs as unknown as tf.Conv2DBackpropFilterAttrs;
  const info = tf.backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number],
    filterShape,
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
  const cols = backend.makeOutput([P, K], 'float32');
  const temps: tf.TensorInfo[] = [cols];
  try {
    im2col(heapF32(backend), g, elementOffset(backend, x), elementOffset(backend, cols));
    const dy2 = callKernel('Reshape', backend, { x: dy }, { shape: [P, g.outC] });
    temps.push(dy2);
    const dw = callKernel('BatchMatMul', backend, { a: cols, b: dy2 }, { transposeA: true, transposeB: false });
    temps.push(dw);
    return callKernel('Reshape', backend, { x: dw }, { shape: filterShape });
  } finally {
    disposeAll(backend, temps);
  }
}
