import * as tf from '@tensorflow/tfjs';
import { updateOperands, updateOutputs, runFusedUpdate } from './fused-update.js';
import { byteOffset, type KernelArgs, type ProjectKernel } from './heap.js';
import { projectWasm } from './wasm-module.js';

/** Name of the fused SGD-with-momentum update kernel (the project's own; wasm, blas and webgpu). */
export const SGD_KERNEL = 'ReprobenchSgd';

/** The scalars of one SGD step as the unfused tfjs ops see them (each a float32 scalar there). */
export interface SgdScalars {
  /** Coupled weight decay λ (added to the gradient) when non-zero. */
  weightDecay: number;
  /** Step 1: the momentum buffer starts as the (decayed) gradient. */
  first: boolean;
  momentum: number;
  nesterov: boolean;
  learningRate: number;
}

/**
 * θ', b' of one SGD step with momentum in one pass (native/wasm: sgd) instead of up to seven tfjs
 * ops: the same float32 operations in the same order, so bit-identical to them (tested).
 */
export const sgdKernel: ProjectKernel = ({ inputs, backend, attrs }: KernelArgs) => {
  const { param, grad, buf } = inputs as Record<'param' | 'grad' | 'buf', tf.TensorInfo>;
  const s = attrs as unknown as SgdScalars;
  const count = updateOperands(SGD_KERNEL, [param, grad, buf]);
  const { outs, at } = updateOutputs(backend, [param, buf]);
  const off = (t: tf.TensorInfo) => byteOffset(backend, t);
  projectWasm(backend).sgd(
    off(param),
    off(grad),
    off(buf),
    at[0]!,
    at[1]!,
    count,
    s.weightDecay !== 0 ? 1 : 0,
    s.weightDecay,
    s.first ? 1 : 0,
    s.momentum,
    s.nesterov ? 1 : 0,
    s.learningRate,
  );
  return outs;
};

/** [θ', b'] by the fused kernel where the current backend has it, else undefined. */
export function fusedSgd(t: Record<'param' | 'grad' | 'buf', tf.Tensor>, scalars: SgdScalars): tf.Tensor[] | undefined {
  return runFusedUpdate(SGD_KERNEL, t, scalars);
}
