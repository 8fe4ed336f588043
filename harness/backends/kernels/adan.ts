import * as tf from '@tensorflow/tfjs';
import { updateOperands, updateOutputs, runFusedUpdate } from './fused-update.js';
import { byteOffset, type KernelArgs, type ProjectKernel } from './heap.js';
import { projectWasm } from './wasm-module.js';

/** Name of the fused Adan update kernel (the project's own; registered for wasm, blas and webgpu). */
export const ADAN_KERNEL = 'ReprobenchAdan';

/** The scalars of one Adan step as the unfused tfjs ops see them (each a float32 scalar there). */
export interface AdanScalars {
  /** Step 1: the gradient difference is a zero tensor. */
  first: boolean;
  beta1: number;
  oneMinusBeta1: number;
  beta2: number;
  oneMinusBeta2: number;
  beta3: number;
  oneMinusBeta3: number;
  /** √(1 − β3^t) */
  sqrtBias3: number;
  epsilon: number;
  /** η / (1 − β1^t) and η β2 / (1 − β2^t) */
  stepM: number;
  stepV: number;
  /** 0: no decay; 1: θ·(1 − ηλ) before the step (noProx); 2: θ / (1 + ηλ) after it (proximal). */
  decayMode: 0 | 1 | 2;
  decayFactor: number;
}

/**
 * θ', m', v', n' of one Adan step in one pass (native/wasm: adan) instead of about twenty tfjs
 * ops: the same float32 operations in the same order, so bit-identical to them (tested).
 */
export const adanKernel: ProjectKernel = ({ inputs, backend, attrs }: KernelArgs) => {
  const { param, grad, prevGrad, m, v, n } = inputs as Record<
    'param' | 'grad' | 'prevGrad' | 'm' | 'v' | 'n',
    tf.TensorInfo
  >;
  const s = attrs as unknown as AdanScalars;
  const count = updateOperands(ADAN_KERNEL, [param, grad, prevGrad, m, v, n]);
  const { outs, at } = updateOutputs(backend, [param, m, v, n]);
  const off = (t: tf.TensorInfo) => byteOffset(backend, t);
  projectWasm(backend).adan(
    off(param),
    off(grad),
    off(prevGrad),
    off(m),
    off(v),
    off(n),
    at[0]!,
    at[1]!,
    at[2]!,
    at[3]!,
    count,
    s.first ? 1 : 0,
    s.beta1,
    s.oneMinusBeta1,
    s.beta2,
    s.oneMinusBeta2,
    s.beta3,
    s.oneMinusBeta3,
    s.sqrtBias3,
    s.epsilon,
    s.stepM,
    s.stepV,
    s.decayMode,
    s.decayFactor,
  );
  return outs;
};

/** [θ', m', v', n'] by the fused kernel where the current backend has it, else undefined. */
export function fusedAdan(
  t: Record<'param' | 'grad' | 'prevGrad' | 'm' | 'v' | 'n', tf.Tensor>,
  scalars: AdanScalars,
): tf.Tensor[] | undefined {
  return runFusedUpdate(ADAN_KERNEL, t, scalars);
}
