import * as tf from '@tensorflow/tfjs';

/**
 * The shape side of a batched product C = op(A)·op(B) (`BatchMatMul` on wasm and on blas):
 * sizes, the output's batch dims, and which matrices pair up. Batch dims broadcast by NumPy's
 * rule; tfjs 4.22's own kernels pair batch members modulo each operand's batch size, which is
 * right only when the smaller batch shape is a suffix of the other ([2,3]·[3]), not for [3,1]·[1,3].
 */
export interface BatchProduct {
  M: number;
  N: number;
  K: number;
  /** The output's batch dims. */
  outer: number[];
  /** Matrices in the output; with M·N, zero means there is nothing to compute. */
  batch: number;
  /**
   * Calls `gemm` for every output matrix: once, strided, where each operand is a single matrix
   * (stride 0) or has exactly the output's batch dims; else once per output matrix. Offsets
   * and strides are in elements from each operand's start.
   */
  forEach(
    gemm: (a: number, b: number, c: number, count: number, strideA: number, strideB: number, strideC: number) => void,
  ): void;
}

export function batchProduct(
  a: tf.TensorInfo,
  b: tf.TensorInfo,
  transposeA: boolean,
  transposeB: boolean,
): BatchProduct {
  const ra = a.shape.length;
  const rb = b.shape.length;
  const M = transposeA ? a.shape[ra - 1]! : a.shape[ra - 2]!;
  const K = transposeA ? a.shape[ra - 2]! : a.shape[ra - 1]!;
  const Kb = transposeB ? b.shape[rb - 1]! : b.shape[rb - 2]!;
  const N = transposeB ? b.shape[rb - 2]! : b.shape[rb - 1]!;
  if (K !== Kb) {
    throw new Error(
      `Error in matMul: inner shapes (${K}) and (${Kb}) of Tensors with shapes ${a.shape} and ${b.shape} and transposeA=${transposeA} and transposeB=${transposeB} must match.`,
    );
  }
  const dimsA = a.shape.slice(0, -2);
  const dimsB = b.shape.slice(0, -2);
  const outer = tf.backend_util.assertAndGetBroadcastShape(dimsA, dimsB);
  const batch = tf.util.sizeFromShape(outer);
  const batchA = tf.util.sizeFromShape(dimsA);
  const batchB = tf.util.sizeFromShape(dimsB);
  return {
    M,
    N,
    K,
    outer,
    batch,
    forEach(gemm) {
      if (batch * M * N === 0) return;
      // Without zero sizes, equal batch counts imply equal dims (each dim is 1 or the output's).
      if ((batchA === batch || batchA === 1) && (batchB === batch || batchB === 1)) {
        gemm(0, 0, 0, batch, batchA === 1 ? 0 : M * K, batchB === 1 ? 0 : K * N, M * N);
        return;
      }
      const memberA = broadcastIndex(dimsA, outer);
      const memberB = broadcastIndex(dimsB, outer);
      for (let i = 0; i < batch; i++) gemm(memberA(i) * M * K, memberB(i) * K * N, i * M * N, 1, 0, 0, 0);
    },
  };
}

/**
 * Maps the flat index of an output batch member to the operand's own flat batch index: the
 * operand's batch dims are right-aligned against the output's, and a dim of size 1 repeats.
 */
function broadcastIndex(dims: number[], outer: number[]): (i: number) => number {
  const lead = outer.length - dims.length;
  return (i: number) => {
    let rest = i;
    let index = 0;
    let stride = 1;
    for (let d = outer.length - 1; d >= 0; d--) {
      const coord = rest % outer[d]!;
      rest = Math.floor(rest / outer[d]!);
      if (d < lead) continue;
      const size = dims[d - lead]!;
      if (size !== 1) index += coord * stride;
      stride *= size;
    }
    return index;
  };
}
