import * as tf from '@tensorflow/tfjs';

/** An NHWC convolution with an HWIO filter, as the project's conv kernels take it. */
export interface ConvGeometry {
  batch: number;
  inH: number;
  inW: number;
  inC: number;
  outH: number;
  outW: number;
  outC: number;
  fH: number;
  fW: number;
  strideH: number;
  strideW: number;
  padTop: number;
  padLeft: number;
  dilH: number;
  dilW: number;
}

export function geometryOf(info: tf.backend_util.Conv2DInfo): ConvGeometry {
  if (info.dataFormat !== 'channelsLast')
    throw new Error("the project's conv kernels take NHWC (channelsLast) data only");
  return {
    batch: info.batchSize,
    inH: info.inHeight,
    inW: info.inWidth,
    inC: info.inChannels,
    outH: info.outHeight,
    outW: info.outWidth,
    outC: info.outChannels,
    fH: info.filterHeight,
    fW: info.filterWidth,
    strideH: info.strideHeight,
    strideW: info.strideWidth,
    padTop: info.padInfo.top,
    padLeft: info.padInfo.left,
    dilH: info.dilationHeight,
    dilW: info.dilationWidth,
  };
}

/** The 15 geometry numbers in the order the native addon takes them. */
export function geometryArgs(g: ConvGeometry): number[] {
  return [
    g.batch,
    g.inH,
    g.inW,
    g.inC,
    g.outH,
    g.outW,
    g.outC,
    g.fH,
    g.fW,
    g.strideH,
    g.strideW,
    g.padTop,
    g.padLeft,
    g.dilH,
    g.dilW,
  ];
}

/** Writes the patch matrix cols[p, (fy, fx, c)] of `x` (at element offset xOff) into `heap` at colsOff. */
export function im2col(heap: Float32Array, g: ConvGeometry, xOff: number, colsOff: number): void {
  const K = g.fH * g.fW * g.inC;
  let p = 0;
  for (let b = 0; b < g.batch; b++) {
    for (let oy = 0; oy < g.outH; oy++) {
      for (let ox = 0; ox < g.outW; ox++, p++) {
        const row = colsOff + p * K;
        for (let fy = 0; fy < g.fH; fy++) {
          const iy = oy * g.strideH - g.padTop + fy * g.dilH;
          for (let fx = 0; fx < g.fW; fx++) {
            const ix = ox * g.strideW - g.padLeft + fx * g.dilW;
            const dst = row + (fy * g.fW + fx) * g.inC;
            if (iy < 0 || iy >= g.inH || ix < 0 || ix >= g.inW) {
              heap.fill(0, dst, dst + g.inC);
            } else {
              const src = xOff + ((b * g.inH + iy) * g.inW + ix) * g.inC;
              if (g.inC === 1) heap[dst] = heap[src]!;
              else heap.copyWithin(dst, src, src + g.inC);
            }
          }
        }
      }
    }
  }
}

/** dx[b, iy, ix, c] = Σ cols[p, (fy, fx, c)] over the patches p that read (iy, ix), added in patch order. */
export function col2im(heap: Float32Array, g: ConvGeometry, colsOff: number, dxOff: number): void {
  const K = g.fH * g.fW * g.inC;
  heap.fill(0, dxOff, dxOff + g.batch * g.inH * g.inW * g.inC);
  let p = 0;
  for (let b = 0; b < g.batch; b++) {
    for (let oy = 0; oy < g.outH; oy++) {
      for (let ox = 0; ox < g.outW; ox++, p++) {
        const row = colsOff + p * K;
        for (let fy = 0; fy < g.fH; fy++) {
          const iy = oy * g.strideH - g.padTop + fy * g.dilH;
          if (iy < 0 || iy >= g.inH) continue;
          for (let fx = 0; fx < g.fW; fx++) {
            const ix = ox * g.strideW - g.padLeft + fx * g.dilW;
            if (ix < 0 || ix >= g.inW) continue;
            const src = row + (fy * g.fW + fx) * g.inC;
            const dst = dxOff + ((b * g.inH + iy) * g.inW + ix) * g.inC;
            for (let c = 0; c < g.inC; c++) heap[dst + c]! += heap[src + c]!;
          }
        }
      }
    }
  }
}
