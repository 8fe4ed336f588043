import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { KernelCheck } from '../../../benchmarks/perf/gpu/check-kernels.js';
import { PACKAGE_ROOT } from '../../../harness/package-root.js';

/**
 * The webgpu backend with the project's WGSL kernels and tuning, run for real on a CPU: Dawn on
 * SwiftShader, the Vulkan implementation Debian's Chromium ships (.ci/run installs chromium).
 * The GPU machines run the same check before their benchmark (benchmarks/perf/gpu/).
 */
const CHROMIUM_LIB = process.env.CHROMIUM_LIB ?? '/usr/lib/chromium';
const ICD = join(CHROMIUM_LIB, 'vk_swiftshader_icd.json');

describe('webgpu on SwiftShader', () => {
  it('the fused optimizer updates run and equal the unfused ops; a tuned training step matches cpu', () => {
    if (!existsSync(ICD))
      throw new Error(`needs Chromium's SwiftShader at ${ICD}: apt-get install chromium (or set CHROMIUM_LIB)`);
    const r = spawnSync(
      process.execPath,
      [join(PACKAGE_ROOT, 'dist', 'benchmarks', 'perf', 'gpu', 'check-kernels.js')],
      {
        env: { ...process.env, LD_LIBRARY_PATH: CHROMIUM_LIB, VK_ICD_FILENAMES: ICD },
        encoding: 'utf8',
        timeout: 300_000,
      },
    );
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as {
      kernels: KernelCheck[];
      training: { webgpu: number[]; cpu: number[]; maxRel: number };
    };
    expect(out.kernels.map((k) => k.label)).toHaveLength(7);
    for (const k of out.kernels) {
      expect(k.fusedRan && k.unfusedRan, k.label).toBe(true);
      // SwiftShader rounds every operation as the separate kernels do: bit-identical here.
      expect(k.identicalToUnfused, k.label).toBe(true);
      expect(k.maxRelVsCpu, k.label).toBeLessThan(1e-6);
    }
    expect(out.training.webgpu).toHaveLength(6);
    expect(out.training.webgpu[5]!).toBeLessThan(out.training.webgpu[0]!);
    expect(out.training.maxRel).toBeLessThan(1e-4);
  }, 300_000);
});
