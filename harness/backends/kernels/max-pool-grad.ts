import * as tf from '@tensorflow/tfjs';
import { elementOffset, heapF32, type KernelArgs } from './heap.js';

/**
 * MaxPoolGrad for wasm (and blas): tfjs 4.22's wasm kernel spends about half of the small CNN's
 * step here. Each output position sends its gradient to the first maximum of its window in
 * row-major order (tfjs cpu's rule); windows are visited in a fixed order, so it is deterministic.
 */
export function maxPoolGrad({ inputs, backend, attrs }: KernelArgs): tf.TensorInfo {
  const { dy, input } = inputs as { dy: tf.TensorInfo; input: tf.TensorInfo };
  const { filterSize, strides, pad, dimRoundingMode } = attrs as unknown as tf.MaxPoolGradAttrs;
  if (input.dtype !== 'float32') throw new Error('MaxPoolGrad: float32 only');
  const info = tf.backend_util.computePool2DInfo(
    input.shape as [number, number, number, number],
    filterSize,
    strides,
    1,
    pad,
    dimRoundingMode,
  );
  const { batchSize, inHeight, inWidth, inChannels: C, outHeight, outWidth, strideHeight, strideWidth } = info;
  const { effectiveFilterHeight: fH, effectiveFilterWidth: fW, dilationHeight: dH, dilationWidth: dW } = info;
  const padTop = info.padInfo.top;
  const padLeft = info.padInfo.left;
  const out = backend.makeOutput([...input.shape], 'float32');
  const heap = heapF32(backend);
  const xo = elementOffset(backend, input);
  const go = elementOffset(backend, dy);
  const oo = elementOffset(backend, out);
  heap.fill(0, oo, oo + tf.util.sizeFromShape(input.shape));
  let g = go;
  for (let b = 0; b < batchSize; b++) {
    const xb = xo + b * inHeight * inWidth * C;
    const ob = oo + b * inHeight * inWidth * C;
    for (let oy = 0; oy < outHeight; oy++) {
      const y0 = oy * strideHeight - padTop;
      for (let ox = 0; ox < outWidth; ox++) {
        const x0 = ox * strideWidth - padLeft;
        for (let c = 0; c < C; c++, g++) {
          let best = -Infinity;
          let at = -1;
          for (let fy = 0; fy < fH; fy += dH) {
            const iy = y0 + fy;
            if (iy < 0 || iy >= inHeight) continue;
            for (let fx = 0; fx < fW; fx += dW) {
              const ix = x0 + fx;
              if (ix < 0 || ix >= inWidth) continue;
              const idx = (iy * inWidth + ix) * C + c;
              const v = heap[xb + idx]!;
              if (v > best) {
                best = v;
                at = idx;
              }
            }
          }
          if (at >= 0) heap[ob + at]! += heap[g]!;
        }
      }
    }
  }
  return out;
}
