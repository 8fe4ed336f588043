import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../package-root.js';
import type { WasmBackendLike } from './heap.js';

/** The committed build of native/wasm/*.c (see native/wasm/build.mjs). */
export const KERNELS_WASM_PATH = join(PACKAGE_ROOT, 'native', 'wasm', 'reprobench_kernels.wasm');

/** The module's exports; pointers are byte offsets in tfjs's wasm heap. */
export interface ProjectWasm {
  gemm_scratch_bytes(M: number, N: number, K: number): number;
  gemm(
    transA: number,
    transB: number,
    M: number,
    N: number,
    K: number,
    a: number,
    b: number,
    c: number,
    batch: number,
    strideA: number,
    strideB: number,
    strideC: number,
    scratch: number,
  ): void;
  adamw(
    param: number,
    grad: number,
    m: number,
    v: number,
    outParam: number,
    outM: number,
    outV: number,
    n: number,
    decay: number,
    decayFactor: number,
    beta1: number,
    oneMinusBeta1: number,
    beta2: number,
    oneMinusBeta2: number,
    sqrtBias2: number,
    epsilon: number,
    step: number,
    nesterov: number,
  ): void;
  adan(
    param: number,
    grad: number,
    prev: number,
    m: number,
    v: number,
    n: number,
    outParam: number,
    outM: number,
    outV: number,
    outN: number,
    count: number,
    first: number,
    beta1: number,
    oneMinusBeta1: number,
    beta2: number,
    oneMinusBeta2: number,
    beta3: number,
    oneMinusBeta3: number,
    sqrtBias3: number,
    epsilon: number,
    stepM: number,
    stepV: number,
    decayMode: number,
    decayFactor: number,
  ): void;
  sgd(
    param: number,
    grad: number,
    buf: number,
    outParam: number,
    outBuf: number,
    n: number,
    decay: number,
    weightDecay: number,
    first: number,
    momentum: number,
    nesterov: number,
    lr: number,
  ): void;
  sum_middle(x: number, out: number, A: number, R: number, B: number): void;
  copy_rows(src: number, dst: number, rows: number, cols: number, srcStride: number, dstStride: number): void;
  gather_rows(table: number, idx: number, out: number, count: number, cols: number): void;
  tanh_f32(x: number, out: number, n: number): void;
  exp_f32(x: number, out: number, n: number): void;
}

// Node's WebAssembly global: the project's TypeScript libs (ES2022, no DOM) do not declare it.
type WasmMemory = object;
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (
    module: object,
    imports: Record<string, Record<string, unknown>>,
  ) => { exports: Record<string, unknown> };
};

interface EmscriptenModule {
  asm?: { memory?: WasmMemory };
  _malloc(bytes: number): number;
  _free(ptr: number): void;
}

interface Instance {
  exports: ProjectWasm;
  /** A scratch block in tfjs's heap, reused across calls and grown on demand. */
  scratch: { ptr: number; bytes: number };
}

let compiled: object | undefined;
const instances = new WeakMap<object, Instance>();

/**
 * The project's kernels instantiated over a wasm backend's own memory (the module imports it),
 * so they read and write tfjs tensors in place. One instance per Emscripten module: the `blas`
 * sibling backend shares the wasm backend's module and so its instance.
 */
function instanceFor(backend: WasmBackendLike): Instance {
  const mod = backend.wasm as unknown as EmscriptenModule;
  const known = instances.get(mod);
  if (known) return known;
  // tfjs 4.22's Emscripten build exports its memory as asm.memory; a later build may not.
  const memory = mod.asm?.memory;
  if (!memory)
    throw new Error(
      "this tfjs-backend-wasm does not expose its heap (asm.memory): the project's wasm kernels are built for tfjs 4.22",
    );
  compiled ??= new WebAssembly.Module(readFileSync(KERNELS_WASM_PATH));
  const inst = new WebAssembly.Instance(compiled, { env: { memory } });
  const made: Instance = { exports: inst.exports as unknown as ProjectWasm, scratch: { ptr: 0, bytes: 0 } };
  instances.set(mod, made);
  return made;
}

export function projectWasm(backend: WasmBackendLike): ProjectWasm {
  return instanceFor(backend).exports;
}

/**
 * A byte offset of at least `bytes` of scratch in the heap, valid until the next call. Growing
 * it may grow the heap; tfjs's views follow, and the module sees the same Memory object.
 */
export function scratchBytes(backend: WasmBackendLike, bytes: number): number {
  const inst = instanceFor(backend);
  if (inst.scratch.bytes >= bytes) return inst.scratch.ptr;
  const mod = backend.wasm as unknown as EmscriptenModule;
  if (inst.scratch.ptr) mod._free(inst.scratch.ptr);
  const size = Math.max(bytes, inst.scratch.bytes * 2);
  const ptr = mod._malloc(size);
  if (!ptr) throw new Error(`wasm heap: could not allocate ${size} bytes of kernel scratch`);
  inst.scratch = { ptr, bytes: size };
  return ptr;
}
