import * as tf from '@tensorflow/tfjs';
import { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { pickFastest, probeFastest, type ProbeCandidate, type ProbeModel } from '../../../../harness/backends/probe.js';
import { probeRun } from '../../../../harness/backends/probe-models.js';
import { initBackend } from '../../../../harness/backends/select.js';
// Sets the probe's optimizer (the built-in AdamW), as every command that probes does by loading the built-ins.
import '../../../../harness/builtins.js';

/** Busy-waits: a slow kernel, as a slow device would be. */
function spin(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

/**
 * Two real tfjs backends with tfjs cpu's kernels; on `fake-slow` every matrix product also
 * spins for 2 ms. Registered under names no real backend uses.
 */
function registerFakes(): void {
  for (const [name, delay] of [
    ['fake-slow', 2],
    ['fake-fast', 0],
  ] as const) {
    if (tf.findBackend(name)) continue;
    tf.registerBackend(name, () => new MathBackendCPU(), 0);
    for (const k of tf.getKernelsForBackend('cpu')) {
      const slow = delay > 0 && k.kernelName === 'BatchMatMul';
      const kernelFunc: tf.KernelFunc = slow ? (args) => (spin(delay), k.kernelFunc(args)) : k.kernelFunc;
      tf.registerKernel({ ...k, backendName: name, kernelFunc });
    }
  }
}

const activations: string[] = [];
const candidate = (name: string): ProbeCandidate => ({
  name,
  numericsClass: `${name}-test`,
  async activate() {
    activations.push(name);
    await tf.setBackend(name);
  },
});

/** A small MLP step (32-16-4, batch 8): three products forward and backward, so fake-slow's delay shows. */
let creates = 0;
const small: ProbeModel = {
  key: 'probe-test-mlp',
  create() {
    creates++;
    const w1 = tf.variable(tf.randomUniform([32, 16], -0.3, 0.3, 'float32', 1));
    const w2 = tf.variable(tf.randomUniform([16, 4], -0.3, 0.3, 'float32', 2));
    const x = tf.randomNormal<tf.Rank.R2>([8, 32], 0, 1, 'float32', 3);
    const y = tf.oneHot(tf.tensor1d([0, 1, 2, 3, 0, 1, 2, 3], 'int32'), 4).toFloat() as tf.Tensor2D;
    const loss = () => tf.losses.softmaxCrossEntropy<tf.Tensor, tf.Scalar>(y, tf.matMul(tf.relu(tf.matMul(x, w1)), w2));
    return probeRun([w1, w2], loss, () => tf.dispose([w1, w2, x, y]));
  },
};

describe("auto picks the fastest backend by probing the workload's model", () => {
  beforeAll(() => {
    registerFakes();
  });

  it('a slow backend loses to a fast one even when it comes first in the preference order; the choice is cached', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'reprobench-probe-'));
    const first = await probeFastest([candidate('fake-slow'), candidate('fake-fast')], [small], {
      cacheDir,
      gpu: null,
      secondsPerModel: 0.2,
    });
    expect(first.chosen).toBe('fake-fast');
    expect(first.cached).toBe(false);
    expect(first.msPerStep['fake-slow']!).toBeGreaterThan(first.msPerStep['fake-fast']! + 3); // ≥ 6 products × 2 ms
    expect(tf.getBackend()).toBe('fake-fast');
    expect(first.reason).toMatch(
      /^auto chose fake-fast: fastest training step of probe-test-mlp \(ms per step: fake-slow [\d.]+, fake-fast [\d.]+; probed now;/,
    );
    const stored = JSON.parse(readFileSync(join(cacheDir, 'backend-choice.json'), 'utf8')) as Record<
      string,
      { chosen: string }
    >;
    expect(Object.values(stored).map((e) => e.chosen)).toEqual(['fake-fast']);

    // Same machine, candidates and model: from the cache, without timing anything.
    const createsBefore = creates;
    activations.length = 0;
    const again = await probeFastest([candidate('fake-slow'), candidate('fake-fast')], [small], {
      cacheDir,
      gpu: null,
      secondsPerModel: 0.2,
    });
    expect(again).toMatchObject({ chosen: 'fake-fast', cached: true, msPerStep: first.msPerStep });
    expect(again.reason).toMatch(/cached/);
    expect(creates).toBe(createsBefore);
    expect(activations).toEqual(['fake-fast']);
    expect(tf.getBackend()).toBe('fake-fast');

    // Another model is another probe.
    const other = await probeFastest(
      [candidate('fake-slow'), candidate('fake-fast')],
      [{ ...small, key: 'probe-test-mlp-2' }],
      { cacheDir, gpu: null, secondsPerModel: 0.2 },
    );
    expect(other.cached).toBe(false);
    expect(creates).toBeGreaterThan(createsBefore);
  });

  it('candidates within 5% of the fastest tie, and the earlier in the preference order wins', () => {
    expect(pickFastest(['webgpu', 'blas', 'wasm'], { webgpu: 10.4, blas: 10, wasm: 20 })).toBe('webgpu');
    expect(pickFastest(['webgpu', 'blas', 'wasm'], { webgpu: 10.6, blas: 10, wasm: 20 })).toBe('blas');
    expect(pickFastest(['blas', 'wasm'], { blas: 3, wasm: 1.9 })).toBe('wasm');
  });

  it('an unreadable cache file is probed over, not trusted', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'reprobench-probe-'));
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(cacheDir, 'backend-choice.json'), '{ torn');
    const r = await probeFastest([candidate('fake-slow'), candidate('fake-fast')], [small], {
      cacheDir,
      gpu: null,
      secondsPerModel: 0.1,
    });
    expect(r).toMatchObject({ chosen: 'fake-fast', cached: false });
  });

  it('initBackend(auto) probes the backends that load; a workload probe that cannot be built falls back to the default model, and says so', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'reprobench-probe-'));
    const broken: ProbeModel = {
      key: 'broken-workload@1:default',
      create: () => {
        throw new Error('dataset not cached');
      },
    };
    const b = await initBackend('auto', { probe: () => [broken], cacheDir });
    const last = b.reasons.at(-1)!;
    expect(b.reasons).toContain(
      'auto: could not probe broken-workload@1:default (dataset not cached); probing the default model instead',
    );
    expect(last).toMatch(
      new RegExp(`^auto chose ${b.name}: fastest training step of mlp-784-256-10-b128 \\(ms per step: `),
    );
    // Every backend that loaded was timed (blas and wasm on this project's machines; .ci/run installs OpenBLAS).
    const timed = [...last.matchAll(/(\w+) [\d.]+(?=[,;])/g)].map((m) => m[1]);
    expect(timed).toContain(b.name);
    expect(tf.getBackend()).toBe(b.name);
  });
});
