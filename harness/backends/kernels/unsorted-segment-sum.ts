import * as tf from '@tensorflow/tfjs';
import type { KernelArgs } from './heap.js';

/**
 * UnsortedSegmentSum for wasm (tfjs 4.22 ships none, so the gradient of `gather`, and with it
 * every embedding layer, cannot train there). Rows are added in index order: deterministic.
 */
export function unsortedSegmentSum({ inputs, backend, attrs }: KernelArgs): tf.TensorInfo {
  const { x, segmentIds } = inputs as { x: tf.TensorInfo; segmentIds: tf.TensorInfo };
  const { numSegments } = attrs as unknown as tf.UnsortedSegmentSumAttrs;
  if (x.dtype !== 'float32' && x.dtype !== 'int32')
    throw new Error(`UnsortedSegmentSum on wasm: dtype ${x.dtype} is not supported`);
  const idsRank = segmentIds.shape.length;
  const outShape = [numSegments, ...x.shape.slice(idsRank)];
  const inner = tf.util.sizeFromShape(x.shape.slice(idsRank));
  const out = backend.makeOutput(outShape, x.dtype);
  // Views are taken after the allocation: growing the heap replaces its buffer.
  const o = backend.typedArrayFromHeap(out);
  const xs = backend.typedArrayFromHeap(x);
  const ids = backend.typedArrayFromHeap(segmentIds);
  o.fill(0);
  for (let i = 0; i < ids.length; i++) {
    const s = ids[i]!;
    if (s < 0 || s >= numSegments) continue;
    const src = i * inner;
    const dst = s * inner;
    for (let j = 0; j < inner; j++) o[dst + j]! += xs[src + j]!;
  }
  return out;
}
