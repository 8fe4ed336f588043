import * as tf from '@tensorflow/tfjs';
import { conv2dBackpropFilter } from './conv2d-backprop-filter.js';
import { conv2dBackpropInput } from './conv2d-backprop-input.js';
import { ADAMW_KERNEL, adamwKernel } from './adamw.js';
import { wasmBatchMatMul } from './batch-matmul.js';
import { replaceKernel, type ProjectKernel } from './heap.js';
import { maxPoolGrad } from './max-pool-grad.js';
import { unsortedSegmentSum } from './unsorted-segment-sum.js';

/**
 * The project's kernels for tfjs 4.22's `wasm` backend (kernel set 3, see KERNEL_SETS):
 * - Conv2DBackpropFilter and UnsortedSegmentSum, which wasm lacks (convolutions and embeddings
 *   could not train);
 * - BatchMatMul on the project's own SIMD product, which reads transposed operands directly
 *   (kernel set 3; set 2 materialised transposes for XNNPACK; each changed summation order);
 * - ReprobenchAdamW, a fused AdamW update (bit-identical to the unfused ops, so no class change);
 * - MaxPoolGrad and Conv2DBackpropInput, replaced: the shipped ones took most of a small CNN's
 *   training step (scalar loops).
 */
export const WASM_KERNELS = ['BatchMatMul', ADAMW_KERNEL, 'Conv2DBackpropFilter', 'Conv2DBackpropInput', 'MaxPoolGrad', 'UnsortedSegmentSum'] as const;

let registered = false;

/** Registers the project's wasm kernels once per process; call before the wasm backend runs. */
export function registerWasmKernels(): void {
  if (registered) return;
  const original = tf.getKernel('BatchMatMul', 'wasm');
  if (!original) throw new Error('tfjs-backend-wasm is not loaded: its BatchMatMul kernel is missing');
  const add = (kernelName: string, kernelFunc: ProjectKernel, setupFunc?: tf.KernelConfig['setupFunc']) =>
    replaceKernel({ kernelName, backendName: 'wasm', kernelFunc: kernelFunc as unknown as tf.KernelFunc, ...(setupFunc ? { setupFunc } : {}) });
  // Non-float32 operands go to the original (which refuses them); its setup binds its wasm function.
  add('BatchMatMul', wasmBatchMatMul(original.kernelFunc), original.setupFunc);
  add(ADAMW_KERNEL, adamwKernel);
  add('Conv2DBackpropFilter', conv2dBackpropFilter);
  add('UnsortedSegmentSum', unsortedSegmentSum);
  add('MaxPoolGrad', maxPoolGrad);
  add('Conv2DBackpropInput', conv2dBackpropInput);
  registered = true;
}
