import * as tf from '@tensorflow/tfjs';
import { conv2dBackpropFilter } from './conv2d-backprop-filter.js';
import { conv2dBackpropInput } from './conv2d-backprop-input.js';
import { replaceKernel, type ProjectKernel } from './heap.js';
import { materialisingBatchMatMul } from './matmul-transposed.js';
import { maxPoolGrad } from './max-pool-grad.js';
import { unsortedSegmentSum } from './unsorted-segment-sum.js';

/**
 * The project's kernels for tfjs 4.22's `wasm` backend (kernel set 2, see KERNEL_SET_VERSION):
 * - Conv2DBackpropFilter and UnsortedSegmentSum, which wasm lacks (convolutions and embeddings
 *   could not train);
 * - BatchMatMul, replaced so that transposed products reach XNNPACK (changes summation order,
 *   hence the kernel-set version);
 * - MaxPoolGrad and Conv2DBackpropInput, replaced: the shipped ones took most of a small CNN's
 *   training step (scalar loops).
 */
export const WASM_KERNELS = ['BatchMatMul', 'Conv2DBackpropFilter', 'Conv2DBackpropInput', 'MaxPoolGrad', 'UnsortedSegmentSum'] as const;

let registered = false;

/** Registers the project's wasm kernels once per process; call before the wasm backend runs. */
export function registerWasmKernels(): void {
  if (registered) return;
  const original = tf.getKernel('BatchMatMul', 'wasm');
  if (!original) throw new Error('tfjs-backend-wasm is not loaded: its BatchMatMul kernel is missing');
  const add = (kernelName: string, kernelFunc: ProjectKernel, setupFunc?: tf.KernelConfig['setupFunc']) =>
    replaceKernel({ kernelName, backendName: 'wasm', kernelFunc: kernelFunc as unknown as tf.KernelFunc, ...(setupFunc ? { setupFunc } : {}) });
  // The original's setup binds the wasm function it calls; keep it with the replacement.
  add('BatchMatMul', materialisingBatchMatMul(original.kernelFunc), original.setupFunc);
  add('Conv2DBackpropFilter', conv2dBackpropFilter);
  add('UnsortedSegmentSum', unsortedSegmentSum);
  add('MaxPoolGrad', maxPoolGrad);
  add('Conv2DBackpropInput', conv2dBackpropInput);
  registered = true;
}
