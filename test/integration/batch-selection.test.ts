import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { initBackend } from '../../harness/backends/select.js';
import { loadRegistries } from '../../harness/builtins.js';
import { HighLossBatches, type Batch } from '../../harness/runner/batch-selection.js';
import { runTrial } from '../../harness/runner/run-trial.js';
import { makeTrial } from '../../harness/scheduler/plan.js';
import { hostProvenance } from '../../harness/store/provenance.js';
import { TEST_CACHE } from '../helpers/cli.js';

/** A stream of one-row batches whose "loss" is the value in x, so the selection is visible. */
function valueStream(values: number[]) {
  let i = 0;
  return { next: (): Batch => ({ x: tf.tensor2d([[values[i++ % values.length]!]]), y: tf.tensor2d([[0]]) }) };
}
const lossOf = (b: Batch) => b.x.dataSync()[0]!;

describe('high-loss mini-batch selection', () => {
  it('trains on the ⌈δ·pool⌉ highest-loss batches of each pool, in loss order, and frees the rest', async () => {
    await initBackend('wasm');
    const before = tf.memory().numTensors;
    const s = new HighLossBatches(valueStream([3, 9, 1, 7, 5, 2, NaN, 4]), lossOf, { kind: 'high-loss', pool: 4, fraction: 0.5 });
    const taken: number[] = [];
    for (let k = 0; k < 4; k++) {
      const b = s.next();
      taken.push(lossOf(b));
      tf.dispose([b.x, b.y]);
    }
    // Pool 1: 3 9 1 7 → 9, 7. Pool 2: 5 2 NaN 4 → NaN first (a diverging model still trains on it), then 5.
    expect(taken.slice(0, 2)).toEqual([9, 7]);
    expect(Number.isNaN(taken[2])).toBe(true);
    expect(taken[3]).toBe(5);
    expect(s.scored).toBe(8);
    s.next(); // leaves one selected batch queued
    s.dispose();
    expect(tf.memory().numTensors).toBe(before + 2); // only the batch handed out last is still alive
  });

  it('rejects a pool or fraction it cannot use, with a hint', () => {
    const coded = expect.objectContaining({ code: 'E_BAD_CONFIG', hint: expect.stringContaining('selectFraction') });
    expect(() => new HighLossBatches(valueStream([1]), lossOf, { kind: 'high-loss', pool: 0, fraction: 0.5 })).toThrow(coded);
    expect(() => new HighLossBatches(valueStream([1]), lossOf, { kind: 'high-loss', pool: 4, fraction: 1.5 })).toThrow(coded);
  });

  it('with pool 1 and δ = 1 trains exactly as without selection; with δ < 1 it trains on other batches', async () => {
    const registries = await loadRegistries();
    const backend = await initBackend('wasm');
    const ctx = { registries, backend, host: hostProvenance(), cacheDir: TEST_CACHE };
    const run = async (method: string, hparams: Record<string, number | string>) => {
      const t = makeTrial(registries, { workloadId: 'teacher-student', arm: { method, hparams }, repeat: { purpose: 'eval', index: 0 }, backend, stopAtTarget: false, budgetSteps: 60 });
      return runTrial(t.id, t.config, ctx); // runTrial fails on any leaked tensor
    };
    const plain = await run('cosine-decay', { learningRate: 0.01 });
    const identity = await run('high-loss-batches', { learningRate: 0.01, selectPool: 1, selectFraction: 1 });
    const selected = await run('high-loss-batches', { learningRate: 0.01, selectPool: 4, selectFraction: 0.5 });
    expect(identity.curve.map((p) => p.metrics)).toEqual(plain.curve.map((p) => p.metrics));
    expect(selected.curve.map((p) => p.metrics)).not.toEqual(plain.curve.map((p) => p.metrics));
    expect(selected.outcome.stepsRun).toBe(60);
  });
});
