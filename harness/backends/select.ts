import * as tf from '@tensorflow/tfjs';
import { ReprobenchError } from '../errors.js';
import { blasKernelId, loadBlasAddon, type BlasAddon } from './blas/addon.js';
import { BLAS_BACKEND, registerBlasBackend } from './blas/backend.js';
import { registerWasmKernels } from './kernels/register-wasm.js';
import { defaultCacheDir } from '../store/cache-dir.js';
import { registerProjectGradients } from './gradients.js';
import { probeFastest, type ProbeCandidate, type ProbeModel } from './probe.js';
import { DEFAULT_PROBE } from './probe-models.js';
import { firstLine } from './reasons.js';
import { gpuDeviceNode, tryWebgpu } from './webgpu.js';

export { firstLine };

export type BackendName = 'tensorflow' | 'webgpu' | 'blas' | 'wasm' | 'cpu';
export type BackendRequest = 'auto' | BackendName;
export const BACKEND_CHOICES: readonly BackendRequest[] = ['auto', 'tensorflow', 'webgpu', 'blas', 'wasm', 'cpu'];

/**
 * Version of the project's own kernel set per backend (kernels registered or replaced for it).
 * Part of the numerics class: bump a backend's number whenever a kernel it runs changes its
 * results, and regenerate that class's reference results in the same change. A kernel proven
 * bit-identical to what it replaces (the fused optimizer updates, the faster Sum, SplitV,
 * GatherV2 and Identity) changes no number.
 * - 1: none (tfjs 4.22 as shipped).
 * - 2: wasm gains Conv2DBackpropFilter and UnsortedSegmentSum, gets faster MaxPoolGrad and
 *   Conv2DBackpropInput, and its BatchMatMul materialises transposes so they reach XNNPACK
 *   (harness/backends/kernels/); the `blas` backend appears. (Every backend's class said k2.)
 * - 3, wasm only: BatchMatMul on the project's own SIMD product (native/wasm/), summing in plain
 *   k order. `blas` runs OpenBLAS for every product, so its numbers were unchanged and it stayed 2.
 * - wasm 4, blas 3: Tanh and Exp in the project's SIMD module (native/wasm/: within one
 *   float32 ulp, different functions from the C library's tanhf and expf that tfjs called).
 * - webgpu 3: fused optimizer updates as WGSL kernels (harness/backends/webgpu-kernels.ts): one
 *   shader may contract or reorder what separate kernels rounded one by one.
 */
export const KERNEL_SETS: Readonly<Record<BackendName, number>> = {
  tensorflow: 2,
  webgpu: 3,
  blas: 3,
  wasm: 4,
  cpu: 2,
};

export interface BackendInfo {
  name: BackendName;
  tfjsVersion: string;
  /** What must match for results to be bit-comparable (DESIGN § Vocabulary). */
  numericsClass: string;
  /** One line per candidate tried, in order: why it was taken or passed over. */
  reasons: string[];
}

/**
 * `<backend>-tfjs<version>-k<kernel set>`, and for `blas` the BLAS kernel too
 * (`-openblas<version>-<core type>`): OpenBLAS picks its kernels by CPU, so two machines with
 * different core types are different classes.
 */
export function numericsClassOf(name: BackendName, blas?: BlasAddon): string {
  const base = `${name}-tfjs${tf.version.tfjs}-k${KERNEL_SETS[name]}`;
  if (name !== 'blas') return base;
  if (!blas) throw new Error('numericsClassOf(blas) needs the loaded addon');
  return `${base}-${blasKernelId(blas)}`;
}

/**
 * A backend as a plan names it, without loading it: enough to compute trial ids (the numerics
 * class is part of them), e.g. on a login node that submits jobs for compute nodes.
 */
export function namedBackend(name: BackendName, reason = `${name}: named on the command line`): BackendInfo {
  return { name, tfjsVersion: tf.version.tfjs, numericsClass: numericsClassOf(name), reasons: [reason] };
}

/** Native TensorFlow bindings register the `tensorflow` backend on import; GPU build first. */
async function tryTensorflow(reasons: string[]): Promise<boolean> {
  for (const pkg of ['@tensorflow/tfjs-node-gpu', '@tensorflow/tfjs-node']) {
    try {
      await import(pkg);
      if (tf.findBackend('tensorflow') && (await tf.setBackend('tensorflow'))) {
        reasons.push(`tensorflow: loaded ${pkg}`);
        return true;
      }
      reasons.push(`tensorflow: ${pkg} loaded but did not register a usable backend`);
    } catch (e) {
      reasons.push(`tensorflow: ${pkg} unavailable (${firstLine(e)})`);
    }
  }
  return false;
}

/** Loads tfjs-backend-wasm with the project's kernels (registered before the backend runs). */
async function loadWasm(): Promise<boolean> {
  await import('@tensorflow/tfjs-backend-wasm');
  registerWasmKernels();
  return tf.setBackend('wasm');
}

async function tryWasm(reasons: string[]): Promise<boolean> {
  try {
    if (await loadWasm()) {
      reasons.push(
        'wasm: @tensorflow/tfjs-backend-wasm initialised (SIMD, 1 thread in Node; project kernels: SIMD products, ' +
          'fused optimizer updates, tanh and exp, conv gradients, segment sum, faster sums and copies)',
      );
      return true;
    }
    reasons.push('wasm: setBackend failed');
  } catch (e) {
    reasons.push(`wasm: unavailable (${firstLine(e)})`);
  }
  return false;
}

let blasAddon: BlasAddon | undefined;

async function tryBlas(reasons: string[]): Promise<boolean> {
  const loaded = loadBlasAddon();
  if ('reason' in loaded) {
    reasons.push(`blas: ${loaded.reason}`);
    return false;
  }
  try {
    if (!(await loadWasm())) {
      reasons.push('blas: the wasm backend it builds on failed to initialise');
      return false;
    }
    registerBlasBackend(loaded.addon);
    if (await tf.setBackend(BLAS_BACKEND)) {
      blasAddon = loaded.addon;
      reasons.push(
        `blas: wasm kernels with OpenBLAS products and convolutions (${blasKernelId(loaded.addon)}, 1 thread)`,
      );
      return true;
    }
    reasons.push('blas: setBackend failed');
  } catch (e) {
    reasons.push(`blas: unavailable (${firstLine(e)})`);
  }
  return false;
}

async function tryCpu(reasons: string[]): Promise<boolean> {
  const ok = await tf.setBackend('cpu');
  reasons.push(ok ? 'cpu: pure-JS backend' : 'cpu: setBackend failed');
  return ok;
}

const TRY: Record<BackendName, (r: string[]) => Promise<boolean>> = {
  tensorflow: tryTensorflow,
  webgpu: (r) => tryWebgpu(r, { requireDeviceNode: autoMode }),
  blas: tryBlas,
  wasm: tryWasm,
  cpu: tryCpu,
};
/** The backends `auto` considers, in preference order (ties in its probe go to the earlier one). */
export const AUTO_ORDER: readonly BackendName[] = ['tensorflow', 'webgpu', 'blas', 'wasm', 'cpu'];

let active: BackendInfo | undefined;
let autoMode = false;

/** How `auto` chooses among the backends that load. */
export interface AutoOptions {
  /** The models to time (the claim's workloads; their data is loaded only if a probe runs). @default the engine benchmark's MLP */
  probe?: () => ProbeModel[];
  /** Where the choice is cached. @default $REPROBENCH_CACHE or ~/.cache/reprobench */
  cacheDir?: string;
}

async function activate(name: BackendName, reasons: string[]): Promise<boolean> {
  if (!(await TRY[name](reasons))) return false;
  await tf.ready();
  return true;
}

function info(name: BackendName, reasons: string[]): BackendInfo {
  return {
    name,
    tfjsVersion: tf.version.tfjs,
    numericsClass: numericsClassOf(name, name === 'blas' ? blasAddon : undefined),
    reasons,
  };
}

/**
 * `auto`: loads every backend of AUTO_ORDER that can load (cpu only when nothing else does), then
 * times the workload's training step on each and takes the fastest (probe.ts; cached per machine,
 * model, tfjs version and kernel sets). One candidate is taken without a probe.
 */
async function chooseAuto(o: AutoOptions): Promise<BackendInfo> {
  const reasons: string[] = [];
  autoMode = true;
  const loaded: BackendName[] = [];
  for (const name of AUTO_ORDER.filter((n) => n !== 'cpu')) {
    if (await activate(name, reasons)) loaded.push(name);
  }
  if (loaded.length === 0) {
    if (!(await activate('cpu', reasons))) {
      throw new ReprobenchError(
        'E_BACKEND_UNAVAILABLE',
        `backend "auto" could not be initialised: ${reasons.join('; ')}`,
        'reinstall reprobench: tfjs cpu should always load',
      );
    }
    reasons.push('auto chose cpu: the only backend that loaded');
    return info('cpu', reasons);
  }
  if (loaded.length === 1) {
    await activate(loaded[0]!, []);
    reasons.push(`auto chose ${loaded[0]}: the only backend that loaded besides cpu`);
    return info(loaded[0]!, reasons);
  }
  const candidates: ProbeCandidate[] = loaded.map((name) => ({
    name,
    numericsClass: info(name, []).numericsClass,
    activate: async () => void (await activate(name, [])),
  }));
  const models = o.probe?.() ?? [DEFAULT_PROBE];
  const gpu = loaded.includes('webgpu')
    ? (reasons.find((r) => r.startsWith('webgpu: Dawn adapter')) ?? gpuDeviceNode())
    : null;
  const settings = { cacheDir: o.cacheDir ?? defaultCacheDir(), gpu };
  let result;
  try {
    result = await probeFastest(candidates, models, settings);
  } catch (e) {
    // The workloads' own step could not be built (its data, say): the engine benchmark's MLP decides.
    if (models[0] === DEFAULT_PROBE) throw e;
    reasons.push(
      `auto: could not probe ${models.map((m) => m.key).join(', ')} (${firstLine(e)}); probing the default model instead`,
    );
    result = await probeFastest(candidates, [DEFAULT_PROBE], settings);
  }
  reasons.push(result.reason);
  return info(result.chosen as BackendName, reasons);
}

/**
 * Initialises a backend in this process. `auto` loads tfjs-node-gpu, tfjs-node, webgpu (Dawn,
 * with a GPU adapter), blas (OpenBLAS addon) and wasm where they can load, and takes the one
 * whose training step is fastest on the workload's model (see chooseAuto); cpu only when nothing
 * else loads. Every candidate's reason is recorded, and the choice with its timings.
 * @throws ReprobenchError E_BACKEND_UNAVAILABLE when an explicitly requested backend cannot load
 */
export async function initBackend(request: BackendRequest, auto: AutoOptions = {}): Promise<BackendInfo> {
  if (active && (request === 'auto' || request === active.name)) {
    if (tf.getBackend() !== active.name) await activate(active.name, []);
    return active;
  }
  // Production mode drops tfjs's debug checks and its "install tfjs-node" console banner.
  tf.enableProdMode();
  registerProjectGradients();
  if (request === 'auto') {
    active = await chooseAuto(auto);
    return active;
  }
  autoMode = false;
  const reasons: string[] = [];
  if (await activate(request, reasons)) {
    reasons.push(`${request}: requested with --backend`);
    active = info(request, reasons);
    return active;
  }
  throw new ReprobenchError(
    'E_BACKEND_UNAVAILABLE',
    `backend "${request}" could not be initialised: ${reasons.join('; ')}`,
    request === 'tensorflow'
      ? 'install @tensorflow/tfjs-node (it downloads libtensorflow at install time), or use --backend auto'
      : request === 'blas'
        ? 'install OpenBLAS (Debian: apt-get install libopenblas-dev) and rebuild the addon with `npm run build:native`, or use --backend auto'
        : request === 'webgpu'
          ? 'WebGPU needs the optional npm packages webgpu and @tensorflow/tfjs-backend-webgpu and a GPU adapter; or use --backend auto'
          : 'use --backend auto to fall back to an available backend',
  );
}
