import * as tf from '@tensorflow/tfjs';
import { conv2dBackpropFilter } from './conv2d-backprop-filter.js';
import { conv2dBackpropInput } from './conv2d-backprop-input.js';
import { ADAMW_KERNEL, adamwKernel } from './adamw.js';
import { ADAN_KERNEL, adanKernel } from './adan.js';
import { wasmBatchMatMul } from './batch-matmul.js';
import { cast, concat, gatherV2, identity, splitV, tile, transpose } from './data-movement.js';
import { exp, tanh } from './elementwise.js';
import { replaceKernel, type KernelArgs, type ProjectKernel } from './heap.js';
import { maxPoolGrad } from './max-pool-grad.js';
import { sum } from './reduce-sum.js';
import { SGD_KERNEL, sgdKernel } from './sgd.js';
import { unsortedSegmentSum } from './unsorted-segment-sum.js';

/**
 * The project's kernels for tfjs 4.22's `wasm` backend (kernel set 4, see KERNEL_SETS):
 * - Conv2DBackpropFilter and UnsortedSegmentSum, which wasm lacks (convolutions and embeddings
 *   could not train);
 * - BatchMatMul on the project's own SIMD product, which reads transposed operands directly
 *   (kernel set 3; set 2 materialised transposes for XNNPACK; each changed summation order);
 * - Tanh and Exp in SIMD, within one float32 ulp (kernel set 4: different functions from tfjs's);
 * - fused optimizer updates (ReprobenchAdamW, ReprobenchAdan, ReprobenchSgd), bit-identical to
 *   the unfused ops, so no class change;
 * - kernels replaced because the shipped ones were slow, each bit-identical to what it replaces:
 *   MaxPoolGrad and Conv2DBackpropInput (scalar loops), Sum over leading axes (a transpose
 *   first), SplitV, Concat, GatherV2, Tile and last-axis-preserving Transpose (element-by-element
 *   copies), Identity and same-dtype Cast (copies where sharing the data does).
 */
export const WASM_KERNELS = [
  'BatchMatMul',
  ADAMW_KERNEL,
  ADAN_KERNEL,
  SGD_KERNEL,
  'Conv2DBackpropFilter',
  'Conv2DBackpropInput',
  'MaxPoolGrad',
  'UnsortedSegmentSum',
  'Sum',
  'SplitV',
  'Concat',
  'Transpose',
  'Tile',
  'GatherV2',
  'Identity',
  'Cast',
  'Tanh',
  'Exp',
] as const;

/** Kernels replaced only for some inputs: the rest go to tfjs's own (whose setup binds its wasm function). */
const WRAPPED: Record<string, (original: (args: KernelArgs) => tf.TensorInfo) => ProjectKernel> = {
  Sum: sum,
  SplitV: splitV,
  GatherV2: gatherV2,
  Identity: identity,
  Cast: cast,
  Concat: concat,
  Transpose: transpose,
  Tile: tile,
  Tanh: tanh,
  Exp: exp,
};

let registered = false;

/** Registers the project's wasm kernels once per process; call before the wasm backend runs. */
export function registerWasmKernels(): void {
  if (registered) return;
  const original = tf.getKernel('BatchMatMul', 'wasm');
  if (!original) throw new Error('tfjs-backend-wasm is not loaded: its BatchMatMul kernel is missing');
  const add = (kernelName: string, kernelFunc: ProjectKernel, setupFunc?: tf.KernelConfig['setupFunc']) =>
    replaceKernel({
      kernelName,
      backendName: 'wasm',
      kernelFunc: kernelFunc as unknown as tf.KernelFunc,
      ...(setupFunc ? { setupFunc } : {}),
    });
  // Non-float32 operands go to the original (which refuses them); its setup binds its wasm function.
  add('BatchMatMul', wasmBatchMatMul(original.kernelFunc), original.setupFunc);
  add(ADAMW_KERNEL, adamwKernel);
  add(ADAN_KERNEL, adanKernel);
  add(SGD_KERNEL, sgdKernel);
  add('Conv2DBackpropFilter', conv2dBackpropFilter);
  add('UnsortedSegmentSum', unsortedSegmentSum);
  add('MaxPoolGrad', maxPoolGrad);
  add('Conv2DBackpropInput', conv2dBackpropInput);
  for (const [name, wrap] of Object.entries(WRAPPED)) {
    const shipped = tf.getKernel(name, 'wasm');
    if (!shipped) throw new Error(`tfjs-backend-wasm has no ${name} kernel to wrap`);
    add(name, wrap(shipped.kernelFunc as unknown as (args: KernelArgs) => tf.TensorInfo), shipped.setupFunc);
  }
  registered = true;
}
