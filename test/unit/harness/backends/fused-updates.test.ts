import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { AdamWOptimizer } from '../../../../benchmarks/methods/optimizers/adamw.js';
import { AdanOptimizer } from '../../../../benchmarks/methods/optimizers/adan.js';
import { SgdOptimizer } from '../../../../benchmarks/methods/optimizers/sgd.js';
import type { SlotOptimizer } from '../../../../benchmarks/methods/optimizers/slot-optimizer.js';
import { loadBlasAddon } from '../../../../harness/backends/blas/addon.js';
import { ADAMW_KERNEL, adamwKernel } from '../../../../harness/backends/kernels/adamw.js';
import { ADAN_KERNEL, adanKernel } from '../../../../harness/backends/kernels/adan.js';
import type { ProjectKernel } from '../../../../harness/backends/kernels/heap.js';
import { SGD_KERNEL, sgdKernel } from '../../../../harness/backends/kernels/sgd.js';
import { initBackend } from '../../../../harness/backends/select.js';
import { Rng } from '../../../../harness/rng.js';

function randomArray(n: number, seed: number): Float32Array {
  const rng = new Rng(seed.toString(16).padStart(32, '0'));
  return Float32Array.from({ length: n }, () => rng.normal());
}

type Make = () => SlotOptimizer<{ learningRate: number }>;

/**
 * Runs `steps` updates over odd-sized parameters (tails past the SIMD width), gradients with exact
 * zeros, negative zeros and repeats (so Adan's difference is 0 and −0 + 0 cases occur), and returns
 * every bit of the parameters and slots, and the kernels the last update ran.
 */
async function run(make: Make, steps = 5): Promise<{ bits: string[]; kernels: string[] }> {
  let kernels: string[] = [];
  const params = [tf.variable(tf.tensor(randomArray(37 * 5, 7), [37, 5])), tf.variable(tf.tensor(randomArray(3, 8)))];
  const opt = make();
  for (let s = 0; s < steps; s++) {
    const grads = params.map((p, i) => {
      const g = randomArray(p.size, 100 * (s === 3 ? 2 : s) + i + 1); // step 4 repeats step 3's gradient
      g[0] = 0;
      g[1] = -0;
      return tf.tensor(g, p.shape);
    });
    const info = await tf.profile(() =>
      opt.applyGradients(params.map((p, i) => ({ name: p.name, tensor: grads[i]! }))),
    );
    kernels = info.kernelNames;
    tf.dispose(grads);
  }
  const weights = await opt.getWeights();
  const bits = await Promise.all(
    [...params, ...weights.slice(1).map((w) => w.tensor)].map(async (t) =>
      Buffer.from((await t.data()).buffer).toString('hex'),
    ),
  );
  opt.dispose();
  tf.dispose(params);
  return { bits, kernels };
}

interface Case {
  kernel: string;
  func: ProjectKernel;
  /** A kernel only the unfused path runs. */
  unfusedMarker: string;
  configs: Array<[string, Make]>;
}

const CASES: Case[] = [
  {
    kernel: ADAMW_KERNEL,
    func: adamwKernel,
    unfusedMarker: 'Sqrt',
    configs: [
      ['no decay', () => new AdamWOptimizer({ learningRate: 0.01, weightDecay: 0 })],
      ['decay 0.1', () => new AdamWOptimizer({ learningRate: 0.01, weightDecay: 0.1 })],
      [
        'NAdamW',
        () => new AdamWOptimizer({ learningRate: 0.01, weightDecay: 0.01, nesterov: true, beta2: 0.98, epsilon: 1e-6 }),
      ],
    ],
  },
  {
    kernel: ADAN_KERNEL,
    func: adanKernel,
    unfusedMarker: 'Sqrt',
    configs: [
      ['no decay', () => new AdanOptimizer({ learningRate: 0.01 })],
      [
        "proximal decay 0.02 (the method's default)",
        () => new AdanOptimizer({ learningRate: 0.01, weightDecay: 0.02 }),
      ],
      [
        'noProx decay 0.05',
        () =>
          new AdanOptimizer({
            learningRate: 0.02,
            weightDecay: 0.05,
            noProx: true,
            beta1: 0.9,
            beta2: 0.9,
            beta3: 0.999,
          }),
      ],
      ['noProx without decay', () => new AdanOptimizer({ learningRate: 0.01, noProx: true })],
    ],
  },
  {
    kernel: SGD_KERNEL,
    func: sgdKernel,
    unfusedMarker: 'Multiply',
    configs: [
      ['Nesterov', () => new SgdOptimizer({ learningRate: 0.05 })],
      ['heavy ball', () => new SgdOptimizer({ learningRate: 0.05, nesterov: false, momentum: 0.8 })],
      ['Nesterov, coupled decay', () => new SgdOptimizer({ learningRate: 0.1, weightDecay: 5e-4 })],
    ],
  },
];

const fusedBackends = ['wasm', ...('addon' in loadBlasAddon() ? (['blas'] as const) : [])] as const;

describe('the fused optimizer updates (AdamW, Adan, SGD) equal the tfjs ops they replace, bit for bit', () => {
  for (const c of CASES) {
    for (const backend of fusedBackends) {
      for (const [label, make] of c.configs) {
        it(`${c.kernel} on ${backend}, ${label}: parameters and slots bit-identical to the unfused ops on ${backend} and on cpu`, async () => {
          await initBackend(backend);
          expect(tf.getKernel(c.kernel, backend)).toBeDefined();
          const fused = await run(make);
          tf.unregisterKernel(c.kernel, backend);
          let unfused: Awaited<ReturnType<typeof run>>;
          try {
            unfused = await run(make);
          } finally {
            tf.registerKernel({
              kernelName: c.kernel,
              backendName: backend,
              kernelFunc: c.func as unknown as tf.KernelFunc,
            });
          }
          await initBackend('cpu');
          const cpu = await run(make);
          expect(fused.kernels).toContain(c.kernel);
          expect(unfused.kernels).not.toContain(c.kernel);
          expect(unfused.kernels).toContain(c.unfusedMarker);
          expect(fused.kernels).not.toContain('Multiply');
          expect(fused.bits).toEqual(unfused.bits);
          expect(fused.bits).toEqual(cpu.bits);
          // The updates moved the parameters: a kernel that wrote nothing would fail above only by luck.
          expect(fused.bits[0]).not.toEqual(Buffer.from(randomArray(37 * 5, 7).buffer).toString('hex'));
        });
      }
    }
  }

  it('a fused update refuses operands of different sizes with a clear error', async () => {
    await initBackend('wasm');
    const [a, b] = [tf.zeros([4]), tf.zeros([5])];
    expect(() =>
      tf
        .engine()
        .runKernel(
          SGD_KERNEL,
          { param: a, grad: b, buf: a },
          { weightDecay: 0, first: true, momentum: 0.9, nesterov: true, learningRate: 0.1 },
        ),
    ).toThrow(/ReprobenchSgd: shapes 4 and 5 differ/);
    tf.dispose([a, b]);
  });
});
