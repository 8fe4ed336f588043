import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { initBackend } from '../../harness/backends/select.js';
import { loadRegistries } from '../../harness/builtins.js';
import { defineMethod, type TfjsMethodDefinition } from '../../harness/core/method.js';
import { createRegistries } from '../../harness/core/registries.js';
import type { Batch } from '../../harness/runner/batch-source.js';
import { HighLossBatches } from '../../benchmarks/methods/high-loss-selection.js';
import { runTrial } from '../../harness/runner/run-trial.js';
import { makeTrial } from '../../harness/plan/plan.js';
import { hostProvenance } from '../../harness/store/provenance.js';
import { TEST_CACHE } from '../helpers/cli.js';

/** A stream of one-row batches whose "loss" is the value in x, so the selection is visible. */
function valueStream(values: number[]) {
  let i = 0;
  return { next: (): Batch => ({ x: tf.tensor2d([[values[i++ % values.length]!]]), y: tf.tensor2d([[0]]) }) };
}
const lossOf = async (b: Batch) => (await b.x.data())[0]!;

describe('high-loss mini-batch selection', () => {
  it('trains on the ⌈δ·pool⌉ highest-loss batches of each pool, in loss order, and frees the rest', async () => {
    await initBackend('wasm');
    const before = tf.memory().numTensors;
    const s = new HighLossBatches(valueStream([3, 9, 1, 7, 5, 2, NaN, 4]), lossOf, { pool: 4, fraction: 0.5 });
    const taken: number[] = [];
    for (let k = 0; k < 4; k++) {
      const b = await s.next();
      taken.push(await lossOf(b));
      tf.dispose([b.x, b.y]);
    }
    // Pool 1: 3 9 1 7 → 9, 7. Pool 2: 5 2 NaN 4 → NaN first (a diverging model still trains on it), then 5.
    expect(taken.slice(0, 2)).toEqual([9, 7]);
    expect(Number.isNaN(taken[2])).toBe(true);
    expect(taken[3]).toBe(5);
    expect(s.scored).toBe(8);
    await s.next(); // leaves one selected batch queued
    s.dispose();
    expect(tf.memory().numTensors).toBe(before + 2); // only the batch handed out last is still alive
  });

  it('rejects a pool or fraction it cannot use, with a hint', () => {
    const coded = expect.objectContaining({ code: 'E_BAD_CONFIG', hint: expect.stringContaining('selectFraction') });
    expect(() => new HighLossBatches(valueStream([1]), lossOf, { pool: 0, fraction: 0.5 })).toThrow(coded);
    expect(() => new HighLossBatches(valueStream([1]), lossOf, { pool: 4, fraction: 1.5 })).toThrow(coded);
  });

  it('with pool 1 and δ = 1 trains exactly as without selection; with δ < 1 it trains on other batches', async () => {
    const registries = await loadRegistries();
    const backend = await initBackend('wasm');
    const ctx = { registries, backend, host: hostProvenance(), cacheDir: TEST_CACHE };
    const run = async (method: string, hparams: Record<string, number | string>) => {
      const t = makeTrial(registries, {
        workloadId: 'teacher-student',
        arm: { method, hparams },
        repeat: { purpose: 'eval', index: 0 },
        backend,
        stopAtTarget: false,
        budgetSteps: 60,
      });
      return runTrial(t.id, t.config, ctx); // runTrial fails on any leaked tensor
    };
    const plain = await run('cosine-decay', { learningRate: 0.01 });
    const identity = await run('high-loss-batches', { learningRate: 0.01, selectPool: 1, selectFraction: 1 });
    const selected = await run('high-loss-batches', { learningRate: 0.01, selectPool: 4, selectFraction: 0.5 });
    expect(identity.curve.map((p) => p.metrics)).toEqual(plain.curve.map((p) => p.metrics));
    expect(selected.curve.map((p) => p.metrics)).not.toEqual(plain.curve.map((p) => p.metrics));
    expect(selected.outcome.stepsRun).toBe(60);
  });

  it("takes its batches from any method's batchSource hook: a user's own selection plugs in without harness/", async () => {
    const base = await loadRegistries();
    const cosine = base.methods.get('cosine-decay') as TfjsMethodDefinition;
    const losses: number[] = [];
    // Each batch of the seeded stream twice in a row, its loss read once when drawn.
    const twice = defineMethod({
      ...cosine,
      id: 'each-batch-twice',
      batchSource: (_hp, source) => {
        let held: Batch | null = null;
        return {
          async next() {
            if (held) {
              const b = held;
              held = null;
              return b;
            }
            const b = source.stream.next();
            losses.push(await source.lossOf(b));
            held = { x: b.x.clone(), y: b.y.clone() };
            return b;
          },
          dispose: () => held && tf.dispose([held.x, held.y]),
        };
      },
    });
    const registries = createRegistries([
      { defs: { workloads: base.workloads.values(), methods: [...base.methods.values(), twice] }, origin: 'test' },
    ]);
    const backend = await initBackend('wasm');
    const ctx = { registries, backend, host: hostProvenance(), cacheDir: TEST_CACHE };
    const run = async (method: string) => {
      const t = makeTrial(registries, {
        workloadId: 'teacher-student',
        arm: { method, hparams: { learningRate: 0.01 } },
        repeat: { purpose: 'eval', index: 0 },
        backend,
        stopAtTarget: false,
        budgetSteps: 60,
      });
      return runTrial(t.id, t.config, ctx);
    };
    const plain = await run('cosine-decay');
    const doubled = await run('each-batch-twice');
    expect(losses).toHaveLength(30);
    expect(losses.every((l) => Number.isFinite(l) && l > 0)).toBe(true);
    expect(doubled.outcome.stepsRun).toBe(60);
    expect(doubled.curve.map((p) => p.metrics)).not.toEqual(plain.curve.map((p) => p.metrics));
  });
});

describe('training on a subset of the data', () => {
  it('draws the subset from the method seed, trains only on it, and leaves the shared data untouched', async () => {
    const { subsetTraining } = await import('../../harness/runner/subset.js');
    const data = {
      train: { x: Uint8Array.from([0, 1, 2, 3, 4, 5, 6, 7]), y: Int32Array.from([0, 1, 0, 1]), n: 4 },
      valid: { x: Uint8Array.from([9, 9]), y: Int32Array.from([1]), n: 1 },
      featureSize: 2,
      task: { kind: 'classification' as const, numClasses: 2 },
    };
    const sub = subsetTraining(data, Int32Array.from([3, 1]));
    expect([...sub.train.x]).toEqual([6, 7, 2, 3]);
    expect([...sub.train.y]).toEqual([1, 1]);
    expect(sub.train.n).toBe(2);
    expect(sub.valid).toBe(data.valid);
    expect([...data.train.x]).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(() => subsetTraining(data, Int32Array.from([4]))).toThrow(expect.objectContaining({ code: 'E_BAD_CONFIG' }));
  });

  it('data-subset with dataFraction 1 trains on a reordering of all the data; a tenth gives another curve, the same on a rerun', async () => {
    const registries = await loadRegistries();
    const backend = await initBackend('wasm');
    const ctx = { registries, backend, host: hostProvenance(), cacheDir: TEST_CACHE };
    const run = async (hparams: Record<string, number>) => {
      const t = makeTrial(registries, {
        workloadId: 'teacher-student',
        arm: { method: 'data-subset', hparams },
        repeat: { purpose: 'eval', index: 0 },
        backend,
        stopAtTarget: false,
        budgetSteps: 60,
      });
      return runTrial(t.id, t.config, ctx);
    };
    const tenth = await run({ learningRate: 0.01, dataFraction: 0.1 });
    const again = await run({ learningRate: 0.01, dataFraction: 0.1 });
    const all = await run({ learningRate: 0.01, dataFraction: 1 });
    expect(again.curve.map((p) => p.metrics)).toEqual(tenth.curve.map((p) => p.metrics));
    expect(all.curve.map((p) => p.metrics)).not.toEqual(tenth.curve.map((p) => p.metrics));
    // 2,048 training examples: a tenth (205) at batch 32 is seen ~9 times in 60 steps, so it fits its subset better.
    const trainLoss = (r: typeof tenth) => r.curve.at(-1)!.metrics['train/loss']!;
    expect(trainLoss(tenth)).toBeLessThan(trainLoss(all));
    await expect(run({ learningRate: 0.01, dataFraction: 0 })).rejects.toMatchObject({ code: 'E_BAD_CONFIG' });
  });
});
