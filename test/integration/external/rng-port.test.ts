import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { scheduleMultiplier, type ScheduleName } from '../../../benchmarks/methods/schedules.js';
import type { SupervisedData } from '../../../harness/core/workload.js';
import { BatchStream } from '../../../harness/runner/batches.js';
import { Rng } from '../../../harness/rng.js';
import { trialSeeds } from '../../../harness/runner/seeds.js';
import { createMlp } from '../../../workloads/common/mlp.js';
import { useBackend } from '../../helpers/backend.js';
import { ROOT } from '../../helpers/cli.js';
import { requireSystem } from '../../helpers/system-deps.js';

/**
 * The Python port of reprobench's generator (examples/pytorch/reprobench_rng.py) against the
 * TypeScript it ports: an external trainer using it draws the built-in trial's batch order and
 * initial weights bit for bit. Needs python3 only (no torch).
 */
const seeds = trialSeeds({ id: 'fashion-mnist-mlp', version: 1, variant: 'default' }, 'nadamw', {
  purpose: 'eval',
  index: 3,
});
const other = trialSeeds({ id: 'teacher-student', version: 1, variant: 'default' }, 'adan', {
  purpose: 'tune',
  index: 7,
}).init;

function python(): {
  uniforms: string[];
  ints: number[];
  perm: number[];
  batches: Record<string, number[]>;
  epochAfter470: number;
  w1: { sha256: string; first: number[] };
  w2: { sha256: string };
  steps: number[];
  schedules: Record<ScheduleName, number[]>;
} {
  requireSystem('python3');
  const r = spawnSync(
    'python3',
    [
      join(ROOT, 'test', 'fixtures', 'python', 'rng_port_check.py'),
      join(ROOT, 'examples', 'pytorch'),
      other,
      seeds.init,
      seeds.order,
    ],
    { encoding: 'utf8', timeout: 60_000 },
  );
  if (r.status !== 0)
    throw new Error(`python3 rng_port_check.py failed (${r.error?.message ?? `status ${r.status}`}): ${r.stderr}`);
  return JSON.parse(r.stdout);
}

describe("Python port of reprobench's RNG (examples/pytorch/reprobench_rng.py)", () => {
  const py = python();

  it('draws the same uniforms (all 53 bits), integers and permutations', () => {
    const a = new Rng(other);
    // repr() of a Python float round-trips exactly, as does Number's shortest representation.
    expect(py.uniforms.map(Number)).toEqual(Array.from({ length: 20 }, () => a.uniform()));
    expect(py.ints).toEqual([1, 2, 3, 10, 1000, 60000, 2 ** 31].map((n) => a.int(n)));
    expect(py.perm).toEqual(Array.from(new Rng(other).permutation(1000)));
  });

  it('gives the same batch order as BatchStream, across the epoch boundary', () => {
    const data = { train: { n: 60000 } } as unknown as SupervisedData;
    const stream = new BatchStream(data, 128, new Rng(seeds.order));
    const ts: Record<string, number[]> = {};
    for (let i = 0; i < 470; i++) {
      const rows = Array.from(stream.nextRows());
      if ([0, 1, 467, 468, 469].includes(i)) ts[String(i)] = rows;
    }
    expect(py.batches).toEqual(ts);
    expect(py.epochAfter470).toBe(stream.epoch);
    expect(stream.epoch).toBe(1);
  });

  it('draws the same Glorot-uniform initial weights as createMlp, bit for bit', async () => {
    await useBackend('cpu');
    const model = createMlp(new Rng(seeds.init), [784, 128, 10]);
    const sha = (t: tf.Variable) => {
      const v = t.dataSync() as Float32Array;
      return createHash('sha256')
        .update(Buffer.from(v.buffer, v.byteOffset, v.byteLength))
        .digest('hex');
    };
    expect(py.w1.sha256).toBe(sha(model.params[0]!));
    expect(py.w2.sha256).toBe(sha(model.params[2]!));
    expect(py.w1.first).toEqual(Array.from((model.params[0]!.dataSync() as Float32Array).slice(0, 5)));
    tf.dispose(model.params);
  });

  it('gives the same learning-rate schedule (warmup exactly; cosine within an ulp of the libm cosine)', () => {
    for (const name of ['constant', 'linear', 'cosine'] as const) {
      py.steps.forEach((step, i) => {
        const ts = scheduleMultiplier(name, 0.02, step, 1000);
        expect(Math.abs(py.schedules[name][i]! - ts), `${name} at step ${step}`).toBeLessThanOrEqual(
          Number.EPSILON * Math.max(ts, 1e-300),
        );
      });
    }
  });
});
