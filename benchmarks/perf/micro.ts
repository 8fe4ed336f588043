import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { Bench } from 'tinybench';
import { initBackend, type BackendName } from '../../harness/backends/select.js';
import type { Registries } from '../../harness/core/registries.js';
import type { SupervisedData } from '../../harness/core/workload.js';
import { BatchStream } from '../../harness/runner/batches.js';
import { buildValidationSet, disposeValidationSet, evaluate, taskLoss } from '../../harness/runner/evaluate.js';
import { Rng } from '../../harness/rng.js';
import { writeTrial } from '../../harness/store/trial-store.js';
import { createMlp } from '../../workloads/common/mlp.js';
import { AdamWOptimizer } from '../methods/optimizers/adamw.js';
import { sampleTrialRecord, syntheticImages } from './fixtures.js';

export interface MicroResult {
  group: 'kernel' | 'harness';
  name: string;
  backend: string;
  /** Mean latency of one call, ms. */
  meanMs: number;
  p50Ms: number;
  /** Relative margin of error of the mean, % (tinybench, 95%). */
  rme: number;
  samples: number;
}

const seeded = (shape: number[], seed: string) => {
  const rng = new Rng(seed);
  return tf.tensor(
    Float32Array.from({ length: tf.util.sizeFromShape(shape) }, () => rng.normal()),
    shape,
  );
};

function collect(bench: Bench, group: MicroResult['group'], backend: string): MicroResult[] {
  const out: MicroResult[] = [];
  for (const task of bench.tasks) {
    const r = task.result;
    if (r.state === 'completed' || r.state === 'aborted-with-statistics') {
      out.push({
        group,
        name: task.name,
        backend,
        meanMs: r.latency.mean,
        p50Ms: r.latency.p50,
        rme: r.latency.rme,
        samples: r.latency.samplesCount,
      });
    } else if (r.state === 'errored') {
      throw new Error(`micro-benchmark ${task.name} on ${backend} failed: ${String(r.error)}`);
    }
  }
  return out;
}

/** The hot kernels of the engine benchmark models, on one backend. */
export async function kernelMicro(backend: BackendName, timeMs: number): Promise<MicroResult[]> {
  await initBackend(backend);
  const x = seeded([128, 784], '00000000000000000000000000000011');
  const w = seeded([784, 256], '00000000000000000000000000000012');
  const dy = seeded([128, 256], '00000000000000000000000000000013');
  const img = seeded([128, 14, 14, 16], '00000000000000000000000000000014') as tf.Tensor4D;
  const k = seeded([3, 3, 16, 32], '00000000000000000000000000000015') as tf.Tensor4D;
  const cdy = seeded([128, 14, 14, 32], '00000000000000000000000000000016') as tf.Tensor4D;
  const v = seeded([200_000], '00000000000000000000000000000017');
  const pool = seeded([128, 28, 28, 16], '00000000000000000000000000000019');
  const mlp = createMlp(new Rng('00000000000000000000000000000018'), [784, 256, 10]);
  const grads = Object.fromEntries(mlp.params.map((p) => [p.name, tf.onesLike(p)]));
  const opt = new AdamWOptimizer({ learningRate: 1e-3, weightDecay: 0 });
  const run = (f: () => tf.Tensor) => () => {
    tf.dispose(f());
  };
  // A few samples at least, then as many as fit in `timeMs` (tinybench's default minimum is 64).
  const bench = new Bench({ time: timeMs, iterations: 5, warmupTime: Math.min(100, timeMs / 4), warmupIterations: 2 });
  bench
    .add(
      'matmul 128×784·784×256',
      run(() => tf.matMul(x, w)),
    )
    .add(
      'matmul 128×256·(784×256)ᵀ',
      run(() => tf.matMul(dy, w, false, true)),
    )
    .add(
      'matmul (128×784)ᵀ·128×256',
      run(() => tf.matMul(x, dy, true, false)),
    )
    .add(
      'add 200k',
      run(() => tf.add(v, v)),
    )
    .add(
      'relu 200k',
      run(() => tf.relu(v)),
    )
    .add('Adam update, MLP 784-256-10 (203k params)', () => opt.applyGradients(grads));
  // Pure-JS convolutions take seconds a call: left out on cpu.
  if (backend !== 'cpu') {
    bench
      .add(
        'conv2d 128×14×14×16 ⊛ 3×3×16×32',
        run(() => tf.conv2d(img, k, 1, 'same')),
      )
      .add(
        'conv2d input gradient',
        run(() => tf.conv2dTranspose(cdy, k, [128, 14, 14, 16], 1, 'same')),
      )
      .add(
        'conv2d filter gradient',
        run(() =>
          tf
            .engine()
            .runKernel<tf.Tensor>(
              'Conv2DBackpropFilter',
              { x: img, dy: cdy },
              { strides: 1, pad: 'same', dataFormat: 'NHWC', filterShape: [3, 3, 16, 32] },
            ),
        ),
      )
      .add(
        'maxPool gradient 128×28×28×16',
        run(() => tf.tidy(() => tf.grad((t: tf.Tensor) => tf.maxPool(t as tf.Tensor4D, 2, 2, 'valid'))(pool))),
      );
  }
  await bench.run();
  const out = collect(bench, 'kernel', backend);
  opt.dispose();
  tf.dispose([x, w, dy, img, k, cdy, v, pool, ...mlp.params, ...Object.values(grads)]);
  return out;
}

/** The harness's own work per step and per trial: batches, an eval, storing a trial. */
export async function harnessMicro(
  backend: BackendName,
  timeMs: number,
  registries: Registries,
): Promise<MicroResult[]> {
  const info = await initBackend(backend);
  const data: SupervisedData = syntheticImages(60_000, 10_000);
  const batches = new BatchStream(data, 128, new Rng('00000000000000000000000000000021'));
  const model = createMlp(new Rng('00000000000000000000000000000022'), [784, 128, 10]);
  const valid = buildValidationSet(data);
  const loss = (o: tf.Tensor2D, y: tf.Tensor2D) => taskLoss(data.task, o, y);
  const dir = mkdtempSync(join(tmpdir(), 'reprobench-bench-'));
  const record = sampleTrialRecord(registries, info, 40);
  const bench = new Bench({ time: timeMs, iterations: 5, warmupTime: Math.min(100, timeMs / 4), warmupIterations: 2 });
  bench
    .add('data pipeline: one batch of 128 (gather, scale, one-hot, upload)', () => {
      const b = batches.next();
      tf.dispose([b.x, b.y]);
    })
    .add('eval: 10,000 validation rows, MLP 784-128-10', async () => {
      await evaluate(model, data.task, valid, loss);
    })
    .add('store: write one trial record (40 eval points, atomic)', () => writeTrial(dir, record));
  await bench.run();
  const out = collect(bench, 'harness', backend);
  disposeValidationSet(valid);
  tf.dispose(model.params);
  rmSync(dir, { recursive: true, force: true });
  return out;
}
