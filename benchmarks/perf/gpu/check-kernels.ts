/**
 * Checks the fused optimizer updates on `webgpu` (harness/backends/webgpu-kernels.ts) against the
 * unfused tfjs ops they replace, on the same backend and on tfjs cpu: five updates of odd-sized
 * parameters per optimizer configuration, then the largest difference of every parameter and
 * slot, and whether the fused kernel ran (tf.profile). Run on the GPU machine before its benchmark
 * (a GPU compiler may fuse a multiply-add, so the bits can differ) and, in the tests, on SwiftShader.
 *   node dist/benchmarks/perf/gpu/check-kernels.js   → one JSON line
 */
import * as tf from '@tensorflow/tfjs';
import { AdamWOptimizer } from '../../methods/optimizers/adamw.js';
import { AdanOptimizer } from '../../methods/optimizers/adan.js';
import { SgdOptimizer } from '../../methods/optimizers/sgd.js';
import { ADAMW_KERNEL } from '../../../harness/backends/kernels/adamw.js';
import { ADAN_KERNEL } from '../../../harness/backends/kernels/adan.js';
import { SGD_KERNEL } from '../../../harness/backends/kernels/sgd.js';
import { initBackend } from '../../../harness/backends/select.js';
import { Rng } from '../../../harness/rng.js';
import { createMlp } from '../models.js';

function randomArray(n: number, seed: number): Float32Array {
  const rng = new Rng(seed.toString(16).padStart(32, '0'));
  return Float32Array.from({ length: n }, () => rng.normal());
}

type Make = () => tf.Optimizer;
const CASES: Array<{ label: string; kernel: string; make: Make }> = [
  { label: 'adamw', kernel: ADAMW_KERNEL, make: () => new AdamWOptimizer({ learningRate: 0.01, weightDecay: 0.1 }) },
  {
    label: 'nadamw',
    kernel: ADAMW_KERNEL,
    make: () => new AdamWOptimizer({ learningRate: 0.01, weightDecay: 0.01, nesterov: true }),
  },
  {
    label: 'adam (no decay)',
    kernel: ADAMW_KERNEL,
    make: () => new AdamWOptimizer({ learningRate: 0.01, weightDecay: 0 }),
  },
  {
    label: 'adan (proximal decay)',
    kernel: ADAN_KERNEL,
    make: () => new AdanOptimizer({ learningRate: 0.01, weightDecay: 0.02 }),
  },
  {
    label: 'adan (noProx)',
    kernel: ADAN_KERNEL,
    make: () => new AdanOptimizer({ learningRate: 0.01, weightDecay: 0.05, noProx: true }),
  },
  { label: 'sgd-nesterov', kernel: SGD_KERNEL, make: () => new SgdOptimizer({ learningRate: 0.05 }) },
  {
    label: 'sgd-momentum, decay',
    kernel: SGD_KERNEL,
    make: () => new SgdOptimizer({ learningRate: 0.05, nesterov: false, weightDecay: 1e-4 }),
  },
];

async function run(make: Make): Promise<{ values: Float32Array[]; kernels: string[] }> {
  const params = [
    tf.variable(tf.tensor(randomArray(1000 * 37, 7), [1000, 37])),
    tf.variable(tf.tensor(randomArray(3, 8))),
  ];
  const opt = make() as AdamWOptimizer;
  let kernels: string[] = [];
  for (let s = 0; s < 5; s++) {
    const grads = params.map((p, i) => tf.tensor(randomArray(p.size, 100 * (s === 3 ? 2 : s) + i + 1), p.shape));
    kernels = (await tf.profile(() => opt.applyGradients(params.map((p, i) => ({ name: p.name, tensor: grads[i]! })))))
      .kernelNames;
    tf.dispose(grads);
  }
  const weights = await opt.getWeights();
  const values = await Promise.all(
    [...params, ...weights.slice(1).map((w) => w.tensor)].map(async (t) => (await t.data()) as Float32Array),
  );
  opt.dispose();
  tf.dispose(params);
  return { values, kernels };
}

/** Largest |a − b| / (|b| + 1e-6) over every element of every tensor. */
function maxRel(a: Float32Array[], b: Float32Array[]): number {
  let worst = 0;
  a.forEach((x, t) =>
    x.forEach((v, i) => (worst = Math.max(worst, Math.abs(v - b[t]![i]!) / (Math.abs(b[t]![i]!) + 1e-6)))),
  );
  return worst;
}

export interface KernelCheck {
  label: string;
  fusedRan: boolean;
  unfusedRan: boolean;
  identicalToUnfused: boolean;
  maxRelVsUnfused: number;
  maxRelVsCpu: number;
}

export async function checkWebgpuKernels(): Promise<KernelCheck[]> {
  const out: KernelCheck[] = [];
  for (const c of CASES) {
    await initBackend('webgpu');
    const fused = await run(c.make);
    const k = tf.getKernel(c.kernel, 'webgpu');
    tf.unregisterKernel(c.kernel, 'webgpu');
    let unfused: Awaited<ReturnType<typeof run>>;
    try {
      unfused = await run(c.make);
    } finally {
      tf.registerKernel(k);
    }
    await initBackend('cpu');
    const cpu = await run(c.make);
    const bytes = (x: Float32Array) => Buffer.from(x.buffer, x.byteOffset, x.byteLength);
    const identical = fused.values.every((x, t) => Buffer.compare(bytes(x), bytes(unfused.values[t]!)) === 0);
    out.push({
      label: c.label,
      fusedRan: fused.kernels.includes(c.kernel),
      unfusedRan: !unfused.kernels.includes(c.kernel) && unfused.kernels.includes('Sqrt') === (c.kernel !== SGD_KERNEL),
      identicalToUnfused: identical,
      maxRelVsUnfused: maxRel(fused.values, unfused.values),
      maxRelVsCpu: maxRel(fused.values, cpu.values),
    });
  }
  return out;
}

/** Losses of the first steps of the benchmark MLP (fused AdamW, every tuning part) on webgpu and on cpu. */
export async function checkTraining(steps = 6): Promise<{ webgpu: number[]; cpu: number[]; maxRel: number }> {
  const losses: Record<string, number[]> = {};
  for (const b of ['webgpu', 'cpu'] as const) {
    await initBackend(b);
    const model = createMlp();
    losses[b] = [];
    for (let i = 0; i < steps; i++) losses[b].push(await model.step());
    model.dispose();
  }
  const maxRel = Math.max(...losses.webgpu!.map((l, i) => Math.abs(l - losses.cpu![i]!) / Math.abs(losses.cpu![i]!)));
  return { webgpu: losses.webgpu!, cpu: losses.cpu!, maxRel };
}

if (process.argv[1]?.endsWith('check-kernels.js')) {
  (async () => ({ kernels: await checkWebgpuKernels(), training: await checkTraining() }))().then(
    (r) => process.stdout.write(`${JSON.stringify(r)}\n`),
    (e: unknown) => {
      process.stderr.write(`check-kernels: ${(e as Error)?.stack ?? String(e)}\n`);
      process.exit(1);
    },
  );
}
