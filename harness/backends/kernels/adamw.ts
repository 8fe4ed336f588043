import * as tf from '@tensorflow/tfjs';
import { updateOperands, updateOutputs, runFusedUpdate } from './fused-update.js';
import { byteOffset, type KernelArgs, type ProjectKernel } from './heap.js';
import { projectWasm } from './wasm-module.js';

/** Name of the fused AdamW update kernel (the project's own; registered for wasm, blas and webgpu). */
export const ADAMW_KERNEL = 'ReprobenchAdamW';

/**
 * The scalars of one AdamW step as the unfused tfjs ops see them: every one becomes a float32
 * scalar tensor there, so the fused kernel receives them rounded to float32 too (wasm rounds a
 * JS number passed to an f32 parameter the same way).
 */
export interface AdamWScalars {
  /** θ·(1 − ηλ) is applied only when weight decay is on; its factor. */
  decayFactor: number | null;
  beta1: number;
  oneMinusBeta1: number;
  beta2: number;
  oneMinusBeta2: number;
  /** √(1 − β2^t) */
  sqrtBias2: number;
  epsilon: number;
  /** η / (1 − β1^t) */
  step: number;
  nesterov: boolean;
}

/**
 * θ', m', v' of one AdamW step in one pass over the four tensors (native/wasm: adamw), instead of
 * about twelve tfjs ops that each allocate and sweep a parameter-sized tensor. The same float32
 * operations in the same order, so the result is bit-identical to the unfused ops (tested).
 */
export const adamwKernel: ProjectKernel = ({ inputs, backend, attrs }: KernelArgs) => {
  const { param, grad, m, v } = inputs as Record<'param' | 'grad' | 'm' | 'v', tf.TensorInfo>;
  const s = attrs as unknown as AdamWScalars;
  const n = updateOperands(ADAMW_KERNEL, [param, grad, m, v]);
  const { outs, at } = updateOutputs(backend, [param, m, v]);
  const off = (t: tf.TensorInfo) => byteOffset(backend, t);
  projectWasm(backend).adamw(
    off(param),
    off(grad),
    off(m),
    off(v),
    at[0]!,
    at[1]!,
    at[2]!,
    n,
    s.decayFactor === null ? 0 : 1,
    s.decayFactor ?? 1,
    s.beta1,
    s.oneMinusBeta1,
    s.beta2,
    s.oneMinusBeta2,
    s.sqrtBias2,
    s.epsilon,
    s.step,
    s.nesterov ? 1 : 0,
  );
  return outs;
};

/** [θ', m', v'] by the fused kernel where the current backend has it, else undefined (the caller runs the tfjs ops). */
export function fusedAdamW(
  param: tf.Tensor,
  grad: tf.Tensor,
  m: tf.Tensor,
  v: tf.Tensor,
  scalars: AdamWScalars,
): tf.Tensor[] | undefined {
  return runFusedUpdate(ADAMW_KERNEL, { param, grad, m, v }, scalars);
}
