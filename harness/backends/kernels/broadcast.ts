/**
 * Batch broadcasting of the products (`BatchMatMul` on wasm and on blas), NumPy's rule.
 * tfjs 4.22's own kernels pair batch members modulo each operand's batch size, which is right
 * only when the smaller batch shape is a suffix of the other ([2,3]·[3]), not for [3,1]·[1,3].
 */

/**
 * Maps the flat index of an output batch member to the operand's own flat batch index: the
 * operand's batch dims are right-aligned against the output's, and a dim of size 1 repeats.
 */
export function broadcastIndex(dims: number[], outer: number[]): (i: number) => number {
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

/**
 * Whether one strided batched call covers the product: each operand is either a single matrix
 * (stride 0) or has exactly the output's batch dims (for sizes without zeros, equal batch
 * counts imply equal dims, since each dim is 1 or the output's).
 */
export function stridedBatch(batchA: number, batchB: number, batch: number): boolean {
  return (batchA === batch || batchA === 1) && (batchB === batch || batchB === 1);
}
