import * as tf from '@tensorflow/tfjs';
import { byteOffset, elementOffset, heapI32, type KernelArgs, type ProjectKernel } from './heap.js';
import { projectWasm } from './wasm-module.js';

/**
 * Kernels of tfjs 4.22's wasm backend that only move data, replaced by ones that move it faster
 * (or not at all). Each result is the same bits as the original's; anything they do not cover
 * goes to the original kernel (`fallback`).
 */
type Fallback = (args: KernelArgs) => tf.TensorInfo | tf.TensorInfo[];

/** 32-bit element types the project's row copies can move (wasm stores bool as bytes). */
const words = (dtype: tf.DataType) => dtype === 'float32' || dtype === 'int32';

/**
 * Identity shares the input's data (as wasm's Reshape does) instead of copying it: tfjs never
 * writes into a tensor once made, and the tensor table counts the references.
 */
export function identity(fallback: Fallback): ProjectKernel {
  return (args: KernelArgs) => {
    const { x } = args.inputs as { x: tf.TensorInfo };
    if (x.dtype === 'string') return fallback(args);
    args.backend.incRef(x.dataId);
    return { dataId: x.dataId, shape: [...x.shape], dtype: x.dtype };
  };
}

/** Cast to the dtype a tensor already has: shared like Identity. Other casts: the original. */
export function cast(fallback: Fallback): ProjectKernel {
  return (args: KernelArgs) => {
    const { x } = args.inputs as { x: tf.TensorInfo };
    const { dtype } = args.attrs as unknown as tf.CastAttrs;
    if (dtype !== x.dtype || x.dtype === 'string') return fallback(args);
    args.backend.incRef(x.dataId);
    return { dataId: x.dataId, shape: [...x.shape], dtype: x.dtype };
  };
}

/**
 * SplitV: one strided row copy per piece (native/wasm: copy_rows). The original slices each piece
 * element by element (about 6 ms for the transformer's 1024×192 qkv split).
 */
export function splitV(fallback: Fallback): ProjectKernel {
  return (args: KernelArgs) => {
    const { x } = args.inputs as { x: tf.TensorInfo };
    const { numOrSizeSplits, axis } = args.attrs as unknown as tf.SplitVAttrs;
    if (!words(x.dtype)) return fallback(args);
    const ax = tf.util.parseAxisParam(axis, x.shape)[0]!;
    const sizes = tf.backend_util.prepareSplitSize(x, numOrSizeSplits, ax);
    const outer = tf.util.sizeFromShape(x.shape.slice(0, ax));
    const inner = tf.util.sizeFromShape(x.shape.slice(ax + 1));
    const rowLength = x.shape[ax]! * inner;
    const { backend } = args;
    let begin = 0;
    return sizes.map((s) => {
      const shape = [...x.shape];
      shape[ax] = s;
      const out = backend.makeOutput(shape, x.dtype);
      if (outer * s * inner > 0) {
        projectWasm(backend).copy_rows(
          byteOffset(backend, x) + 4 * begin * inner,
          byteOffset(backend, out),
          outer,
          s * inner,
          rowLength,
          s * inner,
        );
      }
      begin += s;
      return out;
    });
  };
}

/**
 * GatherV2 without batch dims: one row copy per index (native/wasm: gather_rows), indices checked
 * as the original checks them. The original copies element by element with index arithmetic.
 */
export function gatherV2(fallback: Fallback): ProjectKernel {
  return (args: KernelArgs) => {
    const { x, indices } = args.inputs as { x: tf.TensorInfo; indices: tf.TensorInfo };
    const { axis, batchDims } = args.attrs as unknown as tf.GatherV2Attrs;
    if (!words(x.dtype) || indices.dtype !== 'int32' || (batchDims ?? 0) !== 0) return fallback(args);
    const ax = tf.util.parseAxisParam(axis, x.shape)[0]!;
    const { backend } = args;
    const dim = x.shape[ax]!;
    const idx = backend.typedArrayFromHeap(indices) as Int32Array;
    for (let i = 0; i < idx.length; i++) {
      const v = idx[i]!;
      if (v < 0 || v > dim - 1) throw new Error(`GatherV2: the index value ${v} is not in [0, ${dim - 1}]`);
    }
    const outer = tf.util.sizeFromShape(x.shape.slice(0, ax));
    const inner = tf.util.sizeFromShape(x.shape.slice(ax + 1));
    const out = backend.makeOutput([...x.shape.slice(0, ax), ...indices.shape, ...x.shape.slice(ax + 1)], x.dtype);
    if (outer * idx.length * inner === 0) return out;
    const k = projectWasm(backend);
    const [px, pi, po] = [byteOffset(backend, x), byteOffset(backend, indices), byteOffset(backend, out)];
    for (let o = 0; o < outer; o++)
      k.gather_rows(px + 4 * o * dim * inner, pi, po + 4 * o * idx.length * inner, idx.length, inner);
    return out;
  };
}

/** Concat of float32/int32 tensors along any axis: one strided row copy per input. */
export function concat(fallback: Fallback): ProjectKernel {
  return (args: KernelArgs) => {
    const inputs = Object.values(args.inputs) as tf.TensorInfo[];
    const { axis } = args.attrs as unknown as tf.ConcatAttrs;
    const dtype = inputs[0]?.dtype;
    if (!dtype || !words(dtype) || inputs.some((t) => t.dtype !== dtype)) return fallback(args);
    const ax = tf.util.parseAxisParam(axis, inputs[0]!.shape)[0]!;
    const shape = tf.backend_util.computeOutShape(
      inputs.map((t) => t.shape),
      ax,
    );
    const { backend } = args;
    const out = backend.makeOutput(shape, dtype);
    const outer = tf.util.sizeFromShape(shape.slice(0, ax));
    const outRow = tf.util.sizeFromShape(shape.slice(ax));
    if (outer * outRow === 0) return out;
    const k = projectWasm(backend);
    const po = byteOffset(backend, out);
    let col = 0;
    for (const t of inputs) {
      const row = tf.util.sizeFromShape(t.shape.slice(ax));
      if (row > 0) k.copy_rows(byteOffset(backend, t), po + 4 * col, outer, row, row, outRow);
      col += row;
    }
    return out;
  };
}

/**
 * Transpose that keeps the last axis in place (attention's [B,T,H,D] ↔ [B,H,T,D]): a batch of row
 * copies, one copy_rows call per output row block. Other permutations: the original.
 */
export function transpose(fallback: Fallback): ProjectKernel {
  return (args: KernelArgs) => {
    const { x } = args.inputs as { x: tf.TensorInfo };
    const { perm } = args.attrs as unknown as tf.TransposeAttrs;
    const rank = x.shape.length;
    if (!words(x.dtype) || rank < 3 || perm[rank - 1] !== rank - 1) return fallback(args);
    const { backend } = args;
    const outShape = perm.map((p) => x.shape[p]!);
    const out = backend.makeOutput(outShape, x.dtype);
    const n = tf.util.sizeFromShape(outShape);
    if (n === 0) return out;
    const inStrides = [...tf.util.computeStrides(x.shape), 1];
    const d = x.shape[rank - 1]!;
    const rows = outShape[rank - 2]!;
    const rowStride = inStrides[perm[rank - 2]!]!;
    const blocks = tf.util.sizeFromShape(outShape.slice(0, rank - 2));
    const k = projectWasm(backend);
    const [px, po] = [byteOffset(backend, x), byteOffset(backend, out)];
    const coord = new Array<number>(rank - 2).fill(0);
    for (let b = 0; b < blocks; b++) {
      let src = 0;
      for (let i = 0; i < rank - 2; i++) src += coord[i]! * inStrides[perm[i]!]!;
      k.copy_rows(px + 4 * src, po + 4 * b * rows * d, rows, d, rowStride, d);
      for (let i = rank - 3; i >= 0; i--) {
        if (++coord[i]! < outShape[i]!) break;
        coord[i] = 0;
      }
    }
    return out;
  };
}

/**
 * Tile (and so broadcastTo, which the Mean gradient uses) of float32/int32 tensors by block copies:
 * each input row is repeated along the last axis, then every finished block is copied whole along
 * the axes above it. The original computes every output element's source index with divisions
 * (about 12 ms to broadcast a 1024×1 column to 1024×64, four times per transformer step). The
 * copies move 32-bit words, so NaN payloads and signed zeros come out as they went in.
 */
export function tile(fallback: Fallback): ProjectKernel {
  return (args: KernelArgs) => {
    const { x } = args.inputs as { x: tf.TensorInfo };
    const { reps } = args.attrs as unknown as tf.TileAttrs;
    const rank = x.shape.length;
    if (!words(x.dtype) || rank === 0 || reps.length !== rank) return fallback(args);
    const { backend } = args;
    const outShape = x.shape.map((d, i) => d * reps[i]!);
    const out = backend.makeOutput(outShape, x.dtype);
    if (tf.util.sizeFromShape(outShape) === 0) return out;
    const heap = heapI32(backend);
    const src = elementOffset(backend, x);
    const dst = elementOffset(backend, out);
    const inner = x.shape[rank - 1]!;
    const rowReps = reps[rank - 1]!;
    // outStride[k]: elements of the output per step along axis k.
    const outStride = [...tf.util.computeStrides(outShape), 1];
    // Pass 1: every input row, repeated rowReps times, at its place in the output's first block.
    const leading = x.shape.slice(0, rank - 1);
    const rows = tf.util.sizeFromShape(leading);
    const coord = new Array<number>(rank - 1).fill(0);
    for (let r = 0; r < rows; r++) {
      let o = dst;
      for (let k = 0; k < rank - 1; k++) o += coord[k]! * outStride[k]!;
      const from = src + r * inner;
      if (inner === 1) heap.fill(heap[from]!, o, o + rowReps);
      else for (let m = 0; m < rowReps; m++) heap.copyWithin(o + m * inner, from, from + inner);
      for (let k = rank - 2; k >= 0; k--) {
        if (++coord[k]! < leading[k]!) break;
        coord[k] = 0;
      }
    }
    // Pass 2, innermost axis first: the block of axis k (x.shape[k] slices of everything below it,
    // finished by now) copied to the other reps[k] − 1 places, for each first-block position above.
    for (let k = rank - 2; k >= 0; k--) {
      if (reps[k] === 1) continue;
      const block = x.shape[k]! * outStride[k]!;
      const above = x.shape.slice(0, k);
      const count = tf.util.sizeFromShape(above);
      const c = new Array<number>(k).fill(0);
      for (let a = 0; a < count; a++) {
        let o = dst;
        for (let j = 0; j < k; j++) o += c[j]! * outStride[j]!;
        for (let m = 1; m < reps[k]!; m++) heap.copyWithin(o + m * block, o, o + block);
        for (let j = k - 1; j >= 0; j--) {
          if (++c[j]! < above[j]!) break;
          c[j] = 0;
        }
      }
    }
    return out;
  };
}
