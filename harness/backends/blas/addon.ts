import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../package-root.js';
import { firstLine } from '../reasons.js';

/** The native OpenBLAS addon (native/blas/reprobench_blas.c), built at install time when possible. */
export interface BlasAddon {
  /** C[i] = op(A[i])·op(B[i]) over the heap, element offsets; a stride of 0 broadcasts. */
  sgemmBatched(
    heap: Float32Array,
    transA: number,
    transB: number,
    M: number,
    N: number,
    K: number,
    aOff: number,
    bOff: number,
    cOff: number,
    batch: number,
    strideA: number,
    strideB: number,
    strideC: number,
  ): void;
  /** mode 0 forward, 1 input gradient, 2 filter gradient; then 4 offsets and 15 geometry numbers. */
  conv2d(
    heap: Float32Array,
    mode: number,
    xOff: number,
    wOff: number,
    dyOff: number,
    outOff: number,
    ...geometry: number[]
  ): void;
  /** Max-pool gradient: offsets of x, dy, out, then batch, inH, inW, C, outH, outW, fH, fW, strides, pads, dilations. */
  maxPoolGrad(heap: Float32Array, xOff: number, dyOff: number, outOff: number, ...geometry: number[]): void;
  /** What identifies the BLAS kernel: OpenBLAS's core type and build configuration. */
  info(): { corename: string; config: string; threads: number };
}

export const ADDON_PATH = join(PACKAGE_ROOT, 'native', 'build', 'reprobench_blas.node');

let cached: { addon: BlasAddon } | { reason: string } | undefined;

/** Loads the addon once; says why when it cannot (not built, library missing, wrong platform). */
export function loadBlasAddon(): { addon: BlasAddon } | { reason: string } {
  if (cached) return cached;
  if (process.env.REPROBENCH_NO_NATIVE === '1') return (cached = { reason: 'disabled by REPROBENCH_NO_NATIVE=1' });
  if (!existsSync(ADDON_PATH)) {
    return (cached = {
      reason:
        'native addon not built (needs OpenBLAS headers at install: apt-get install libopenblas-dev, then npm run build:native)',
    });
  }
  try {
    const addon = createRequire(import.meta.url)(ADDON_PATH) as BlasAddon;
    return (cached = { addon });
  } catch (e) {
    return (cached = { reason: `native addon failed to load (${firstLine(e)})` });
  }
}

/** The BLAS part of the `blas` numerics class, e.g. `openblas0.3.21-Haswell`. */
export function blasKernelId(addon: BlasAddon): string {
  const { corename, config } = addon.info();
  const version = /OpenBLAS\s+([\d.]+)/.exec(config)?.[1] ?? 'unknown';
  return `openblas${version}-${corename}`;
}
