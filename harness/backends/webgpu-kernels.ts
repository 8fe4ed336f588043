import * as tf from '@tensorflow/tfjs';
import { ADAMW_KERNEL, type AdamWScalars } from './kernels/adamw.js';
import { ADAN_KERNEL, type AdanScalars } from './kernels/adan.js';
import { SGD_KERNEL, type SgdScalars } from './kernels/sgd.js';

/**
 * The fused optimizer updates as WGSL programs for tfjs-backend-webgpu: one dispatch per updated
 * tensor (θ', m', v', …) instead of one per elementwise op, with every scalar in the program's
 * uniforms instead of a scalar tensor uploaded per op. Each program reads all inputs and writes
 * one output (tfjs programs have one), recomputing the few shared terms: arithmetic is free next
 * to a dispatch. The formulas are those of the wasm kernels (native/wasm/updates.c),
 * written in the same order; a GPU compiler may still contract a·b + c into one fused
 * multiply-add, so results can differ from the unfused ops in the last bits (kernel set webgpu 3).
 */

/** The parts of tfjs-backend-webgpu these programs use (declared here: the package is optional). */
export interface WebgpuModule {
  webgpu_util: {
    flatDispatchLayout(shape: number[]): { x: number[] };
    computeDispatch(
      layout: { x: number[] },
      outputShape: number[],
      workgroupSize: [number, number, number],
    ): [number, number, number];
  };
}
interface WebgpuBackendLike {
  runWebGPUProgram(
    program: object,
    inputs: tf.TensorInfo[],
    outputDtype: tf.DataType,
    uniforms?: Array<{ type: string; data: number[] }>,
  ): tf.TensorInfo;
}

/**
 * One elementwise program: `body` computes `out` from the flat inputs at `i`; scalars come from
 * uniforms. Every input must be statically used, or WebGPU's automatic layout drops its binding
 * and tfjs's bind group no longer fits: a branch on the uniform `zero` (always 0) reads them all.
 */
function program(mod: WebgpuModule, key: string, inputs: string[], scalars: string[], body: string, n: number) {
  const workgroupSize: [number, number, number] = [256, 1, 1];
  const dispatchLayout = mod.webgpu_util.flatDispatchLayout([n]);
  return {
    variableNames: inputs,
    outputShape: [n],
    workgroupSize,
    dispatchLayout,
    dispatch: mod.webgpu_util.computeDispatch(dispatchLayout, [n], workgroupSize),
    size: true,
    uniforms: [...scalars, 'zero'].map((s) => `${s} : f32,`).join(' '),
    shaderKey: `reprobench_${key}`,
    getUserCode: () => `
      fn main(i : i32) {
        if (i < uniforms.size) {
          ${body}
          if (uniforms.zero != 0.0) { out = ${inputs.map((x) => `${x}[i]`).join(' + ')}; }
          setOutputAtIndex(i, out);
        }
      }`,
  };
}

const flat = (t: tf.TensorInfo): tf.TensorInfo => ({
  dataId: t.dataId,
  shape: [tf.util.sizeFromShape(t.shape)],
  dtype: t.dtype,
});
const f32 = (values: number[]) => [...values, 0].map((v) => ({ type: 'float32', data: [v] }));

function checkOperands(kernel: string, tensors: tf.TensorInfo[]): number {
  const n = tf.util.sizeFromShape(tensors[0]!.shape);
  for (const t of tensors) {
    if (t.dtype !== 'float32') throw new Error(`${kernel}: float32 tensors only (got ${t.dtype})`);
    if (tf.util.sizeFromShape(t.shape) !== n)
      throw new Error(`${kernel}: shapes ${tensors[0]!.shape} and ${t.shape} differ`);
  }
  return n;
}

/** Runs one program per output and gives the outputs their tensors' shapes back. */
function runAll(
  backend: WebgpuBackendLike,
  shapes: number[][],
  made: Array<{ prog: object; inputs: tf.TensorInfo[]; uniforms: number[] }>,
): tf.TensorInfo[] {
  return made.map((m, k) => {
    const out = backend.runWebGPUProgram(m.prog, m.inputs.map(flat), 'float32', f32(m.uniforms));
    return { ...out, shape: shapes[k]! };
  });
}

const ADAMW_SCALARS = [
  'decayFactor',
  'beta1',
  'oneMinusBeta1',
  'beta2',
  'oneMinusBeta2',
  'sqrtBias2',
  'epsilon',
  'step',
];

function adamw(mod: WebgpuModule): tf.KernelFunc {
  return ({ inputs, backend, attrs }) => {
    const { param, grad, m, v } = inputs as Record<string, tf.TensorInfo>;
    const s = attrs as unknown as AdamWScalars;
    const n = checkOperands(ADAMW_KERNEL, [param!, grad!, m!, v!]);
    const decay = s.decayFactor !== null;
    const terms = `
          let g = G[i];
          let m1 = M[i] * uniforms.beta1 + g * uniforms.oneMinusBeta1;
          let v1 = V[i] * uniforms.beta2 + (g * g) * uniforms.oneMinusBeta2;`;
    const theta = `${terms}
          let numer = ${s.nesterov ? 'm1 * uniforms.beta1 + g * uniforms.oneMinusBeta1' : 'm1'};
          let denom = sqrt(v1) / uniforms.sqrtBias2 + uniforms.epsilon;
          var out = ${decay ? 'P[i] * uniforms.decayFactor' : 'P[i]'} - (numer / denom) * uniforms.step;`;
    const values = [
      s.decayFactor ?? 1,
      s.beta1,
      s.oneMinusBeta1,
      s.beta2,
      s.oneMinusBeta2,
      s.sqrtBias2,
      s.epsilon,
      s.step,
    ];
    const ins = [param!, grad!, m!, v!];
    const names = ['P', 'G', 'M', 'V'];
    const key = `adamw_${decay ? 1 : 0}${s.nesterov ? 1 : 0}`;
    return runAll(
      backend as unknown as WebgpuBackendLike,
      [param!.shape, m!.shape, v!.shape],
      [
        { prog: program(mod, `${key}_p`, names, ADAMW_SCALARS, theta, n), inputs: ins, uniforms: values },
        {
          prog: program(mod, `${key}_m`, names, ADAMW_SCALARS, `${terms}\n          var out = m1;`, n),
          inputs: ins,
          uniforms: values,
        },
        {
          prog: program(mod, `${key}_v`, names, ADAMW_SCALARS, `${terms}\n          var out = v1;`, n),
          inputs: ins,
          uniforms: values,
        },
      ],
    );
  };
}

const ADAN_SCALARS = [
  'beta1',
  'oneMinusBeta1',
  'beta2',
  'oneMinusBeta2',
  'beta3',
  'oneMinusBeta3',
  'sqrtBias3',
  'epsilon',
  'stepM',
  'stepV',
  'decayFactor',
];

function adan(mod: WebgpuModule): tf.KernelFunc {
  return ({ inputs, backend, attrs }) => {
    const { param, grad, prevGrad, m, v, n: nsq } = inputs as Record<string, tf.TensorInfo>;
    const s = attrs as unknown as AdanScalars;
    const count = checkOperands(ADAN_KERNEL, [param!, grad!, prevGrad!, m!, v!, nsq!]);
    const terms = `
          let g = G[i];
          let d = ${s.first ? '0.0' : 'g - D[i]'};
          let m1 = M[i] * uniforms.beta1 + g * uniforms.oneMinusBeta1;
          let v1 = V[i] * uniforms.beta2 + d * uniforms.oneMinusBeta2;
          let u = g + d * uniforms.beta2;
          let n1 = N[i] * uniforms.beta3 + (u * u) * uniforms.oneMinusBeta3;`;
    const q0 = s.decayMode === 1 ? 'P[i] * uniforms.decayFactor' : 'P[i]';
    const theta = `${terms}
          let denom = sqrt(n1) / uniforms.sqrtBias3 + uniforms.epsilon;
          let q = ${q0} - ((m1 / denom) * uniforms.stepM + (v1 / denom) * uniforms.stepV);
          var out = ${s.decayMode === 2 ? 'q / uniforms.decayFactor' : 'q'};`;
    const values = [
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
      s.decayFactor,
    ];
    const ins = [param!, grad!, prevGrad!, m!, v!, nsq!];
    const names = ['P', 'G', 'D', 'M', 'V', 'N'];
    const key = `adan_${s.first ? 1 : 0}${s.decayMode}`;
    return runAll(
      backend as unknown as WebgpuBackendLike,
      [param!.shape, m!.shape, v!.shape, nsq!.shape],
      [
        { prog: program(mod, `${key}_p`, names, ADAN_SCALARS, theta, count), inputs: ins, uniforms: values },
        {
          prog: program(mod, `${key}_m`, names, ADAN_SCALARS, `${terms}\n          var out = m1;`, count),
          inputs: ins,
          uniforms: values,
        },
        {
          prog: program(mod, `${key}_v`, names, ADAN_SCALARS, `${terms}\n          var out = v1;`, count),
          inputs: ins,
          uniforms: values,
        },
        {
          prog: program(mod, `${key}_n`, names, ADAN_SCALARS, `${terms}\n          var out = n1;`, count),
          inputs: ins,
          uniforms: values,
        },
      ],
    );
  };
}

const SGD_SCALARS = ['weightDecay', 'momentum', 'learningRate'];

function sgd(mod: WebgpuModule): tf.KernelFunc {
  return ({ inputs, backend, attrs }) => {
    const { param, grad, buf } = inputs as Record<string, tf.TensorInfo>;
    const s = attrs as unknown as SgdScalars;
    const n = checkOperands(SGD_KERNEL, [param!, grad!, buf!]);
    const decay = s.weightDecay !== 0;
    const terms = `
          let p = P[i];
          let d = ${decay ? 'G[i] + p * uniforms.weightDecay' : 'G[i]'};
          let b1 = ${s.first ? 'd' : 'B[i] * uniforms.momentum + d'};`;
    const theta = `${terms}
          let dir = ${s.nesterov ? 'd + b1 * uniforms.momentum' : 'b1'};
          var out = p - dir * uniforms.learningRate;`;
    const values = [s.weightDecay, s.momentum, s.learningRate];
    const ins = [param!, grad!, buf!];
    const names = ['P', 'G', 'B'];
    const key = `sgd_${decay ? 1 : 0}${s.first ? 1 : 0}${s.nesterov ? 1 : 0}`;
    return runAll(
      backend as unknown as WebgpuBackendLike,
      [param!.shape, buf!.shape],
      [
        { prog: program(mod, `${key}_p`, names, SGD_SCALARS, theta, n), inputs: ins, uniforms: values },
        {
          prog: program(mod, `${key}_b`, names, SGD_SCALARS, `${terms}\n          var out = b1;`, n),
          inputs: ins,
          uniforms: values,
        },
      ],
    );
  };
}

/** The fused updates this module registers for `webgpu`. */
export const WEBGPU_KERNELS = [ADAMW_KERNEL, ADAN_KERNEL, SGD_KERNEL] as const;

/** Registers the fused optimizer updates for the `webgpu` backend (once per process). */
export function registerWebgpuKernels(mod: WebgpuModule): void {
  const kernels: Record<string, tf.KernelFunc> = {
    [ADAMW_KERNEL]: adamw(mod),
    [ADAN_KERNEL]: adan(mod),
    [SGD_KERNEL]: sgd(mod),
  };
  for (const [kernelName, kernelFunc] of Object.entries(kernels)) {
    if (!tf.getKernel(kernelName, 'webgpu')) tf.registerKernel({ kernelName, backendName: 'webgpu', kernelFunc });
  }
}
