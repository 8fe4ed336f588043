import * as tf from '@tensorflow/tfjs';

/**
 * The parts of tfjs-backend-wasm's `BackendWasm` the project's kernels use: the Emscripten
 * module (its heap) and the table from tensor data ids to heap offsets. Declared here because
 * the package's own types do not reach the module's heap views.
 */
export interface WasmBackendLike extends tf.KernelBackend {
  wasm: { HEAPU8: Uint8Array; HEAPF32: Float32Array; HEAP32: Int32Array };
  dataIdMap: tf.DataStorage<{
    id: number;
    memoryOffset: number;
    shape: number[];
    dtype: tf.DataType;
    refCount: number;
  }>;
  makeOutput(
    shape: number[],
    dtype: tf.DataType,
    memoryOffset?: number,
    values?: tf.backend_util.BackendValues,
  ): tf.TensorInfo;
  disposeData(dataId: tf.DataId, force?: boolean): boolean;
  incRef(dataId: tf.DataId): void;
  typedArrayFromHeap(t: tf.TensorInfo): tf.backend_util.TypedArray;
}

export type KernelArgs = { inputs: tf.NamedTensorInfoMap; backend: WasmBackendLike; attrs?: tf.NamedAttrMap };
export type ProjectKernel = (args: KernelArgs) => tf.TensorInfo | tf.TensorInfo[];

/** A float32 view of the whole heap; rebuilt when the heap grows (growth replaces its buffer). */
export function heapF32(backend: WasmBackendLike): Float32Array {
  return cachedView(backend, f32Views, Float32Array);
}
const f32Views = new WeakMap<object, Float32Array>();

/** An int32 view of the whole heap, for kernels that move 32-bit words without reading them as numbers. */
export function heapI32(backend: WasmBackendLike): Int32Array {
  return cachedView(backend, i32Views, Int32Array);
}
const i32Views = new WeakMap<object, Int32Array>();

function cachedView<T extends Float32Array | Int32Array>(
  backend: WasmBackendLike,
  views: WeakMap<object, T>,
  View: new (buffer: ArrayBufferLike) => T,
): T {
  const buf = backend.wasm.HEAPU8.buffer;
  const cached = views.get(backend);
  if (cached && cached.buffer === buf) return cached;
  const view = new View(buf);
  views.set(backend, view);
  return view;
}

/** The byte offset of a tensor's data in the heap: what the project's wasm kernels take. */
export function byteOffset(backend: WasmBackendLike, t: tf.TensorInfo): number {
  return backend.dataIdMap.get(t.dataId).memoryOffset;
}

/** The element offset of a float32 or int32 tensor in the heap (allocations are 8-byte aligned). */
export function elementOffset(backend: WasmBackendLike, t: tf.TensorInfo): number {
  return byteOffset(backend, t) >>> 2;
}

/** Calls another kernel of the same backend directly (as tfjs's own composite kernels do). */
export function callKernel(
  name: string,
  backend: WasmBackendLike,
  inputs: tf.NamedTensorInfoMap,
  attrs: tf.NamedAttrMap = {},
): tf.TensorInfo {
  const backendName = backendNameOf(backend);
  const k = tf.getKernel(name, backendName);
  if (!k) throw new Error(`kernel ${name} is not registered for backend ${backendName}`);
  return k.kernelFunc({ inputs, backend, attrs }) as tf.TensorInfo;
}

/** The registered name of a backend instance (kernels receive the instance, not its name). */
export function backendNameOf(backend: tf.KernelBackend): string {
  const known = names.get(backend);
  if (known) return known;
  const engine = tf.engine() as unknown as { registry: Record<string, tf.KernelBackend> };
  for (const [name, b] of Object.entries(engine.registry)) {
    if (b === backend) {
      names.set(backend, name);
      return name;
    }
  }
  throw new Error('backend instance is not registered with the engine');
}
const names = new WeakMap<object, string>();

/** Frees intermediate results a kernel made for itself. */
export function disposeAll(backend: WasmBackendLike, infos: tf.TensorInfo[]): void {
  for (const t of infos) backend.disposeData(t.dataId);
}

/** Re-registers `name` for `backendName`, replacing whatever kernel was there. */
export function replaceKernel(config: tf.KernelConfig): void {
  if (tf.getKernel(config.kernelName, config.backendName)) tf.unregisterKernel(config.kernelName, config.backendName);
  tf.registerKernel(config);
}
