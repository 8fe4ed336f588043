import * as tf from '@tensorflow/tfjs';

/**
 * Host-side costs of tfjs-backend-webgpu 4.22 per dispatch, cut without changing what runs on
 * the GPU (results are unchanged). Each is a named part so the GPU benchmark can measure them one
 * by one (benchmarks/perf/gpu/):
 * - `upload`: a tensor made from JS values is uploaded with queue.writeBuffer into a pooled
 *   buffer, instead of a staging buffer created, mapped, copied from and destroyed per upload
 *   (every scalar operand of every op: tf.mul(x, 0.9) uploads 0.9) — which also ended the
 *   open compute pass each time.
 * - `layouts`: a pipeline's bind group layout is asked for once, not at every dispatch.
 * - `bindGroups`: a bind group is reused when the same pipeline layout binds the same buffers
 *   (tfjs's buffer pool hands the same buffers out step after step).
 * - `submits`: commands are submitted every 64 dispatches instead of 15.
 */
export type TuningPart = 'upload' | 'layouts' | 'bindGroups' | 'submits';
export const TUNING_PARTS: readonly TuningPart[] = ['upload', 'layouts', 'bindGroups', 'submits'];

interface TensorData {
  values: ArrayLike<number> | null;
  dtype: tf.DataType;
  shape: number[];
  resource: unknown;
}
interface BackendInternals {
  device: { createBindGroup(d: BindGroupDescriptor): unknown };
  queue: { writeBuffer(buffer: unknown, offset: number, data: ArrayBufferView): void };
  tensorMap: { get(id: tf.DataId): TensorData };
  bufferManager: { acquireBuffer(size: number, usage: number): unknown };
  uploadToGPU(id: tf.DataId): void;
}
interface BindGroupDescriptor {
  layout: object;
  entries: Array<{ binding: number; resource: { buffer?: object; offset?: number; size?: number } }>;
}
type Usage = { STORAGE: number; COPY_SRC: number; COPY_DST: number };

const applied = new Set<TuningPart>();

function patchUpload(proto: BackendInternals): void {
  // eslint-disable-next-line @typescript-eslint/unbound-method -- the patch calls it with .call(this)
  const original = proto.uploadToGPU;
  const usage = (globalThis as unknown as { GPUBufferUsage: Usage }).GPUBufferUsage;
  proto.uploadToGPU = function (this: BackendInternals, dataId: tf.DataId) {
    const d = this.tensorMap.get(dataId);
    const complex = d.dtype === 'complex64' || d.dtype === 'string';
    if (d.resource != null || d.values == null || complex) return original.call(this, dataId);
    const n = tf.util.sizeFromShape(d.shape);
    // webgpu stores int32 and bool as 32-bit integers, float32 as floats: 4 bytes an element.
    const data = d.dtype === 'float32' ? Float32Array.from(d.values) : Int32Array.from(d.values);
    const buffer = this.bufferManager.acquireBuffer(4 * n, usage.STORAGE | usage.COPY_SRC | usage.COPY_DST);
    // Queue order: this write lands after everything submitted so far and before the open
    // encoder's commands; a pooled buffer is free only once no open command uses it.
    if (n > 0) this.queue.writeBuffer(buffer, 0, data);
    d.values = null;
    d.resource = buffer;
  };
}

function patchLayouts(): void {
  const cls = (
    globalThis as unknown as { GPUComputePipeline?: { prototype: { getBindGroupLayout(i: number): object } } }
  ).GPUComputePipeline;
  if (!cls) return;
  // eslint-disable-next-line @typescript-eslint/unbound-method -- the patch calls it with .call(this)
  const original = cls.prototype.getBindGroupLayout;
  const cache = new WeakMap<object, Map<number, object>>();
  cls.prototype.getBindGroupLayout = function (this: object, index: number) {
    let m = cache.get(this);
    if (!m) cache.set(this, (m = new Map<number, object>()));
    let layout = m.get(index);
    if (!layout) m.set(index, (layout = original.call(this, index)));
    return layout;
  };
}

/** Bind groups keyed by layout and bound buffers; cleared when it grows past `limit` (destroyed buffers never recur). */
function patchBindGroups(device: BackendInternals['device'], limit = 4096): void {
  const original = device.createBindGroup.bind(device);
  const ids = new WeakMap<object, number>();
  let next = 0;
  const id = (o: object) => ids.get(o) ?? (ids.set(o, ++next), next);
  const cache = new Map<string, unknown>();
  device.createBindGroup = (desc: BindGroupDescriptor) => {
    let key = `${id(desc.layout)}`;
    for (const e of desc.entries) {
      const r = e.resource;
      if (!r || !r.buffer) return original(desc); // textures and the like: not cached
      key += `|${e.binding}:${id(r.buffer)}:${r.offset ?? 0}:${r.size ?? -1}`;
    }
    let group = cache.get(key);
    if (!group) {
      if (cache.size >= limit) cache.clear();
      cache.set(key, (group = original(desc)));
    }
    return group;
  };
}

/**
 * Applies the named parts to the `webgpu` backend (once each per process). `backendClass` is
 * tfjs-backend-webgpu's WebGPUBackend; the backend itself must already be created.
 */
export function tuneWebgpu(backendClass: { prototype: object }, parts: readonly TuningPart[] = TUNING_PARTS): void {
  const backend = tf.findBackend('webgpu') as unknown as BackendInternals | null;
  for (const part of parts) {
    if (applied.has(part)) continue;
    if (part === 'upload') patchUpload(backendClass.prototype as BackendInternals);
    if (part === 'layouts') patchLayouts();
    if (part === 'bindGroups') {
      if (!backend) continue;
      patchBindGroups(backend.device);
    }
    if (part === 'submits') tf.env().set('WEBGPU_DEFERRED_SUBMIT_BATCH_SIZE', 64);
    applied.add(part);
  }
}

export function appliedTuning(): TuningPart[] {
  return TUNING_PARTS.filter((p) => applied.has(p));
}
