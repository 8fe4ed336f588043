import { readdirSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { firstLine } from './reasons.js';
import { registerWebgpuKernels, type WebgpuModule } from './webgpu-kernels.js';
import { tuneWebgpu } from './webgpu-tuning.js';

/** A GPU device node (NVIDIA or DRM render node): without one, Dawn has nothing to open. */
export function gpuDeviceNode(): string | null {
  for (const [dir, re] of [
    ['/dev', /^nvidia\d+$/],
    ['/dev/dri', /^renderD\d+$/],
  ] as const) {
    try {
      const hit = readdirSync(dir).find((f) => re.test(f));
      if (hit) return `${dir}/${hit}`;
    } catch {
      // no such directory: no device of that kind
    }
  }
  return null;
}

/**
 * WebGPU through Dawn (npm `webgpu`, optional dependency) and tfjs-backend-webgpu. Dawn ships as
 * a prebuilt binary inside the npm package; it needs a real GPU adapter (Debian 12's lavapipe
 * cannot start it), so with no adapter this reports why and the caller moves on.
 * Verified on an H200 by benchmarks/perf/gpu/ (docs/engine.md); the tests run it on SwiftShader.
 */
let ready = false;

export async function tryWebgpu(reasons: string[], opts: { requireDeviceNode: boolean }): Promise<boolean> {
  // Probing Dawn without a GPU prints Vulkan loader warnings; auto skips it on GPU-less machines.
  if (opts.requireDeviceNode && !gpuDeviceNode()) {
    reasons.push('webgpu: skipped, no GPU device node (/dev/nvidia*, /dev/dri/renderD*)');
    return false;
  }
  // Once set up, switching back reuses the backend and its device: a second Dawn instance would
  // leave the first one's device, which tfjs still holds, to be collected under it.
  if (ready) {
    if (await tf.setBackend('webgpu')) return true;
    reasons.push('webgpu: set up earlier in this process but setBackend failed');
    return false;
  }
  let gpu: { requestAdapter(): Promise<{ info?: { vendor?: string; architecture?: string; device?: string } } | null> };
  try {
    const dawn = (await import(/* optional */ 'webgpu')) as { create(o: string[]): typeof gpu; globals: object };
    gpu = dawn.create([]);
    let adapter;
    try {
      adapter = await gpu.requestAdapter();
    } catch (e) {
      reasons.push(`webgpu: Dawn found no usable adapter (${firstLine(e)})`);
      return false;
    }
    if (!adapter) {
      reasons.push('webgpu: Dawn loaded but found no GPU adapter');
      return false;
    }
    Object.assign(globalThis, dawn.globals);
    const nav = (globalThis as { navigator?: { gpu?: unknown } }).navigator;
    if (nav) Object.defineProperty(nav, 'gpu', { value: gpu, configurable: true });
    else Object.defineProperty(globalThis, 'navigator', { value: { gpu }, configurable: true, writable: true });
    const info = adapter.info ?? {};
    const mod = (await import(/* optional */ '@tensorflow/tfjs-backend-webgpu')) as WebgpuModule & {
      WebGPUBackend: { prototype: object };
    };
    registerWebgpuKernels(mod);
    if (await tf.setBackend('webgpu')) {
      ready = true;
      tuneWebgpu(mod.WebGPUBackend);
      reasons.push(
        `webgpu: Dawn adapter ${[info.vendor, info.architecture, info.device].filter(Boolean).join(' ') || 'unnamed'} ` +
          '(project kernels: fused optimizer updates; uploads by writeBuffer, cached bind groups and layouts, submits every 64 dispatches)',
      );
      return true;
    }
    reasons.push('webgpu: adapter found but tfjs-backend-webgpu failed to initialise');
  } catch (e) {
    reasons.push(`webgpu: unavailable (${firstLine(e)})`);
  }
  return false;
}
