import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { AdamWOptimizer } from '../../../../benchmarks/methods/optimizers/adamw.js';
import { SgdOptimizer } from '../../../../benchmarks/methods/optimizers/sgd.js';
import type { TrainingOptimizer } from '../../../../harness/core/optimizer.js';
import {
  disposeSnapshot,
  restoreTrainingState,
  snapshotTrainingState,
} from '../../../../harness/runner/train-state.js';
import { useBackend } from '../../../helpers/backend.js';

/** A tiny least-squares problem: w (2×1) and b (1), fixed data, so every step is reproducible. */
function problem() {
  // tidy frees the initial values; the variables survive it.
  const w = tf.tidy(() => tf.variable(tf.tensor2d([[0.3], [-0.2]])));
  const b = tf.tidy(() => tf.variable(tf.tensor1d([0.1])));
  const x = tf.tensor2d([
    [1, 2],
    [3, -1],
    [0.5, 0.5],
  ]);
  const y = tf.tensor2d([[1], [0], [2]]);
  const step = async (opt: TrainingOptimizer, lr: number) => {
    opt.learningRate = lr;
    const { value, grads } = tf.variableGrads(
      () => tf.losses.meanSquaredError<tf.Tensor, tf.Scalar>(y, tf.add(tf.matMul(x, w), b)),
      [w, b],
    );
    opt.applyGradients(grads);
    tf.dispose([value, ...Object.values(grads)]);
  };
  const values = async () => [...(await w.data()), ...(await b.data())];
  return { params: [w, b], step, values, dispose: () => tf.dispose([w, b, x, y]) };
}

async function optimizerState(
  opt: TrainingOptimizer & { getWeights(): Promise<Array<{ name: string; tensor: tf.Tensor }>> },
) {
  const ws = await opt.getWeights();
  const out: number[][] = [];
  for (const w of ws) out.push([...(await w.tensor.data())]);
  tf.dispose(ws[0]!.tensor); // the step-count scalar is made fresh by getWeights
  return out;
}

describe('training-state snapshot and restore', () => {
  beforeAll(() => useBackend('cpu'));

  for (const [name, make] of [
    ['AdamW', () => new AdamWOptimizer({ learningRate: 0.01 })],
    ['SGD with momentum', () => new SgdOptimizer({ learningRate: 0.01, momentum: 0.9, nesterov: false })],
  ] as const) {
    it(`${name}: restoring brings parameters and optimizer state back bit for bit, repeatedly, and training then continues as if no detour happened`, async () => {
      const before = tf.memory().numTensors;
      const p = problem();
      const opt = make();
      for (let i = 0; i < 3; i++) await p.step(opt, 0.05);
      const params0 = await p.values();
      const state0 = await optimizerState(opt);
      const iter0 = opt.iterations;

      const snap = await snapshotTrainingState(p.params, opt);
      for (let detour = 0; detour < 2; detour++) {
        for (let i = 0; i < 4; i++) await p.step(opt, 0.3 * (detour + 1));
        expect(await p.values()).not.toEqual(params0);
        await restoreTrainingState(snap, p.params, opt);
        expect(await p.values()).toEqual(params0);
        expect(await optimizerState(opt)).toEqual(state0);
        expect(opt.iterations).toBe(iter0);
        expect(opt.learningRate).toBe(0.05);
      }
      disposeSnapshot(snap);
      for (let i = 0; i < 3; i++) await p.step(opt, 0.05);
      const afterDetours = await p.values();

      // The same run without any detour.
      const q = problem();
      const plain = make();
      for (let i = 0; i < 6; i++) await q.step(plain, 0.05);
      expect(afterDetours).toEqual(await q.values());

      opt.dispose();
      plain.dispose();
      p.dispose();
      q.dispose();
      expect(tf.memory().numTensors).toBe(before);
    });
  }

  it('a snapshot taken before the first step restores an optimizer with no slots yet', async () => {
    const p = problem();
    const opt = new AdamWOptimizer({ learningRate: 0.01 });
    const params0 = await p.values();
    const snap = await snapshotTrainingState(p.params, opt);
    await p.step(opt, 0.1);
    await restoreTrainingState(snap, p.params, opt);
    disposeSnapshot(snap);
    expect(await p.values()).toEqual(params0);
    expect(await optimizerState(opt)).toEqual([[0]]);
    // The first step after the restore is a first step again (bias correction with t = 1).
    await p.step(opt, 0.1);
    const q = problem();
    const fresh = new AdamWOptimizer({ learningRate: 0.01 });
    await q.step(fresh, 0.1);
    expect(await p.values()).toEqual(await q.values());
    opt.dispose();
    fresh.dispose();
    p.dispose();
    q.dispose();
  });

  it('refuses an optimizer whose state cannot be saved, with a hint', async () => {
    const p = problem();
    const bare: TrainingOptimizer = { learningRate: 0.1, applyGradients: () => undefined, dispose: () => undefined };
    await expect(snapshotTrainingState(p.params, bare)).rejects.toMatchObject({
      code: 'E_BAD_CONFIG',
      hint: expect.stringContaining('benchmarks/methods/optimizers'),
    });
    p.dispose();
  });
});
