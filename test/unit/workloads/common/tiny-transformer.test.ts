import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../../../harness/rng.js';
import { createTinyTransformer, type TinyTransformerShape } from '../../../../workloads/common/tiny-transformer.js';
import { useBackend } from '../../../helpers/backend.js';

const SHAPE: TinyTransformerShape = { context: 3, vocab: 5, width: 4, heads: 2, ff: 6 };
const SEED = 'a'.repeat(32);

type M = number[][];
const matmul = (a: M, b: M): M => a.map((r) => b[0]!.map((_, j) => r.reduce((s, v, k) => s + v * b[k]![j]!, 0)));
const addRow = (a: M, r: number[]): M => a.map((x) => x.map((v, j) => v + r[j]!));
const addM = (a: M, b: M): M => a.map((x, i) => x.map((v, j) => v + b[i]![j]!));
function layerNorm(a: M, g: number[], b: number[]): M {
  return a.map((x) => {
    const mean = x.reduce((s, v) => s + v, 0) / x.length;
    const variance = x.reduce((s, v) => s + (v - mean) ** 2, 0) / x.length;
    return x.map((v, j) => ((v - mean) / Math.sqrt(variance + 1e-5)) * g[j]! + b[j]!);
  });
}

/** The same block with plain loops, one example (token ids) at a time, from the model's own weights. */
function reference(p: M[], ids: number[]): number[] {
  const [tok, pos, g1, b1, wqkv, bqkv, wo, bo, g2, b2, w1, bf1, w2, bf2, gf, bf, wout, bout] = p as [
    M,
    M,
    M,
    M,
    M,
    M,
    M,
    M,
    M,
    M,
    M,
    M,
    M,
    M,
    M,
    M,
    M,
    M,
  ];
  const { width: d, heads } = SHAPE;
  const dh = d / heads;
  const x0 = ids.map((t, i) => tok[t]!.map((v, j) => v + pos[i]![j]!));
  const qkv = addRow(matmul(layerNorm(x0, g1[0]!, b1[0]!), wqkv), bqkv[0]!);
  const attended = x0.map(() => new Array<number>(d).fill(0));
  for (let h = 0; h < heads; h++) {
    for (let i = 0; i < ids.length; i++) {
      const scores = ids.map((_, j) => {
        let s = 0;
        for (let c = 0; c < dh; c++) s += qkv[i]![h * dh + c]! * qkv[j]![d + h * dh + c]!;
        return s / Math.sqrt(dh);
      });
      const mx = Math.max(...scores);
      const e = scores.map((s) => Math.exp(s - mx));
      const z = e.reduce((a, b) => a + b, 0);
      for (let j = 0; j < ids.length; j++)
        for (let c = 0; c < dh; c++) attended[i]![h * dh + c]! += (e[j]! / z) * qkv[j]![2 * d + h * dh + c]!;
    }
  }
  const x1 = addM(x0, addRow(matmul(attended, wo), bo[0]!));
  const hidden = addRow(matmul(layerNorm(x1, g2[0]!, b2[0]!), w1), bf1[0]!).map((r) => r.map((v) => Math.max(0, v)));
  const x2 = addM(x1, addRow(matmul(hidden, w2), bf2[0]!));
  return addRow(matmul(layerNorm([x2[ids.length - 1]!], gf[0]!, bf[0]!), wout), bout[0]!)[0]!;
}

describe('tiny transformer (char-lm:transformer)', () => {
  beforeAll(async () => {
    await useBackend('cpu');
  });

  it('matches a plain-loop implementation of the same block', async () => {
    const model = createTinyTransformer(new Rng(SEED), SHAPE);
    // Non-trivial LayerNorm gains and biases, so those paths are checked too.
    model.params.forEach((v, i) => {
      if (v.shape.length === 1) v.assign(tf.add(v, tf.mul(0.1 * (i + 1), tf.range(0, v.shape[0]).div(v.shape[0]))));
    });
    const examples = [
      [0, 3, 1],
      [4, 4, 2],
      [2, 0, 0],
    ];
    const x = tf.tensor2d(
      examples.map((ids) => ids.flatMap((t) => Array.from({ length: SHAPE.vocab }, (_, k) => (k === t ? 1 : 0)))),
    );
    const got = await model.apply(x).array();
    const weights = await Promise.all(
      model.params.map(async (v) =>
        v.shape.length === 1 ? [(await v.array()) as number[]] : ((await v.array()) as M),
      ),
    );
    examples.forEach((ids, b) => {
      const want = reference(weights, ids);
      want.forEach((w, j) => expect(got[b]![j]!).toBeCloseTo(w, 5));
    });
    tf.dispose([x, ...model.params]);
  });

  it('draws the same weights from the same stream and different ones from another; every parameter gets a gradient', () => {
    const a = createTinyTransformer(new Rng(SEED), SHAPE);
    const b = createTinyTransformer(new Rng(SEED), SHAPE);
    const c = createTinyTransformer(new Rng('b'.repeat(32)), SHAPE);
    expect(a.params.map((p) => Array.from(p.dataSync()))).toEqual(b.params.map((p) => Array.from(p.dataSync())));
    expect(Array.from(a.params[0]!.dataSync())).not.toEqual(Array.from(c.params[0]!.dataSync()));
    const x = tf
      .oneHot(tf.tensor1d([1, 2, 3, 0, 4, 1], 'int32'), SHAPE.vocab)
      .reshape<tf.Tensor2D>([2, SHAPE.context * SHAPE.vocab]);
    const y = tf.oneHot(tf.tensor1d([2, 0], 'int32'), SHAPE.vocab).toFloat();
    const { grads } = tf.variableGrads(
      () => tf.losses.softmaxCrossEntropy<tf.Tensor, tf.Scalar>(y, a.apply(x)),
      a.params,
    );
    for (const p of a.params) expect(tf.max(tf.abs(grads[p.name]!)).dataSync()[0], p.name).toBeGreaterThan(0);
    expect(() => createTinyTransformer(new Rng(SEED), { ...SHAPE, heads: 3 })).toThrow(/heads/);
    tf.dispose([x, y, ...Object.values(grads), ...a.params, ...b.params, ...c.params]);
  });
});
