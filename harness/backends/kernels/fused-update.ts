import * as tf from '@tensorflow/tfjs';
import { byteOffset, type WasmBackendLike } from './heap.js';

/**
 * The element count shared by a fused optimizer update's operands, after checking that they are
 * all float32 and of one size (the kernels read and write them element for element).
 */
export function updateOperands(kernel: string, tensors: tf.TensorInfo[]): number {
  for (const t of tensors) {
    if (t.dtype !== 'float32') throw new Error(`${kernel}: float32 tensors only (got ${t.dtype})`);
  }
  const n = tf.util.sizeFromShape(tensors[0]!.shape);
  for (const t of tensors) {
    if (tf.util.sizeFromShape(t.shape) !== n)
      throw new Error(`${kernel}: shapes ${tensors[0]!.shape} and ${t.shape} differ`);
  }
  return n;
}

/** Fresh float32 outputs shaped like `like`, with their heap byte offsets. */
export function updateOutputs(
  backend: WasmBackendLike,
  like: tf.TensorInfo[],
): { outs: tf.TensorInfo[]; at: number[] } {
  const outs = like.map((t) => backend.makeOutput(t.shape, 'float32'));
  return { outs, at: outs.map((t) => byteOffset(backend, t)) };
}

/**
 * Runs a fused update kernel where the current backend has one and every input is float32, else
 * returns undefined (the caller runs the tfjs ops). Outside any gradient tape: optimizer updates
 * are not differentiated.
 */
export function runFusedUpdate(
  kernel: string,
  inputs: Record<string, tf.Tensor>,
  attrs: object,
): tf.Tensor[] | undefined {
  if (!tf.getKernel(kernel, tf.getBackend())) return undefined;
  if (Object.values(inputs).some((t) => t.dtype !== 'float32')) return undefined;
  return tf.engine().runKernel<tf.Tensor[]>(kernel, inputs, attrs as unknown as tf.NamedAttrMap);
}
