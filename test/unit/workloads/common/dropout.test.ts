import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ReprobenchError } from '../../../../harness/errors.js';
import { Rng } from '../../../../harness/rng.js';
import { Dropout } from '../../../../workloads/common/dropout.js';
import { createMlp } from '../../../../workloads/common/mlp.js';
import { useBackend } from '../../../helpers/backend.js';

interface RateRef {
  keptValue: number;
  keptValuesDistinct: number;
  droppedShare: number;
  meanOfOnes: number;
  gradValues: number[];
  outputIsInputTimesGrad: boolean;
  evalIsIdentity: boolean;
}
/** torch.nn.Dropout in float32: scripts/fixtures/dropout_reference.py. */
const fixture = JSON.parse(readFileSync(new URL('../../../fixtures/dropout.json', import.meta.url), 'utf8')) as {
  n: number;
  rates: Record<string, RateRef>;
};
const SEED = '0123456789abcdef0123456789abcdef';

describe('inverted dropout', () => {
  beforeAll(() => useBackend('cpu'));

  for (const [key, ref] of Object.entries(fixture.rates)) {
    const p = Number(key);
    it(`p = ${p}: kept units carry torch's 1/(1 − p), and the dropped share and the mean match p within 5 standard errors`, () => {
      expect(ref.keptValuesDistinct).toBe(1);
      const mask = new Dropout(p, SEED).nextMask(1000, 1000);
      const kept = new Set<number>();
      let dropped = 0;
      let sum = 0;
      for (const m of mask) {
        if (m === 0) dropped++;
        else kept.add(m);
        sum += m;
      }
      expect([...kept]).toEqual([ref.keptValue]);
      const n = mask.length;
      // Binomial standard errors of the dropped share and of the mean of kept-value × Bernoulli(1 − p).
      const seShare = Math.sqrt((p * (1 - p)) / n);
      const seMean = Math.sqrt(p / (1 - p) / n);
      for (const share of [dropped / n, ref.droppedShare]) expect(Math.abs(share - p)).toBeLessThan(5 * seShare);
      for (const mean of [sum / n, ref.meanOfOnes]) expect(Math.abs(mean - 1)).toBeLessThan(5 * seMean);
    });

    it(`p = ${p}: the gradient is the mask (0 or the kept value) and the output is input × mask, as in torch`, () => {
      expect(ref.outputIsInputTimesGrad).toBe(true);
      const d = new Dropout(p, SEED);
      const x = tf.linspace(0.5, 3, 4096).reshape<tf.Tensor2D>([64, 64]);
      const { value, grad } = tf.valueAndGrad((xi: tf.Tensor) => {
        const y = d.apply(xi as tf.Tensor2D);
        return tf.sum(y);
      })(x);
      const g = grad.dataSync();
      expect([...new Set(g)].sort((a, b) => a - b)).toEqual(ref.gradValues);
      // The forward output, recomputed from the same mask (a twin stream), is x times the gradient.
      const y = tf.mul(x, tf.tensor2d(new Dropout(p, SEED).nextMask(64, 64), [64, 64]));
      expect(y.dataSync()).toEqual(tf.mul(x, grad).dataSync());
      expect(value.dataSync()[0]).toBeCloseTo(tf.sum(y).dataSync()[0]!, 2);
      tf.dispose([x, value, grad, y]);
    });
  }

  it('masks come from the seeded stream: the same seed repeats them, each call draws new ones, another seed differs', () => {
    const a = new Dropout(0.2, SEED);
    const b = new Dropout(0.2, SEED);
    const first = a.nextMask(8, 16);
    expect(b.nextMask(8, 16)).toEqual(first);
    expect(a.nextMask(8, 16)).not.toEqual(first);
    expect(new Dropout(0.2, 'fedcba9876543210fedcba9876543210').nextMask(8, 16)).not.toEqual(first);
  });

  it('rate 0 returns its input; a rate outside [0, 1) is E_BAD_CONFIG with a hint', () => {
    const x = tf.ones<tf.Rank.R2>([2, 3]);
    expect(new Dropout(0, SEED).apply(x)).toBe(x);
    x.dispose();
    for (const bad of [1, -0.1, Number.NaN]) {
      let caught: unknown;
      try {
        new Dropout(bad, SEED);
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(ReprobenchError);
      expect((caught as ReprobenchError).code).toBe('E_BAD_CONFIG');
      expect((caught as ReprobenchError).hint).toMatch(/hparams\.dropout/);
    }
  });

  it('in an MLP: evaluation is the model without dropout (torch eval mode is the identity); training drops hidden units only', () => {
    for (const ref of Object.values(fixture.rates)) expect(ref.evalIsIdentity).toBe(true);
    const init = '00000000000000000000000000000042';
    const plain = createMlp(new Rng(init), [5, 7, 3]);
    const withDrop = createMlp(new Rng(init), [5, 7, 3], 'relu', new Dropout(0.5, SEED));
    expect(Object.keys(plain)).not.toContain('applyTrain');
    const x = tf.tensor2d(
      Array.from({ length: 4 * 5 }, (_, i) => Math.sin(i) * 2),
      [4, 5],
    );
    const [evalPlain, evalDrop, train] = [plain.apply(x), withDrop.apply(x), withDrop.applyTrain!(x)];
    expect(evalDrop.dataSync()).toEqual(evalPlain.dataSync());
    // By hand: (relu(x W1 + b1) ⊙ mask) W2 + b2, the mask drawn from a twin of the model's stream.
    const [w1, b1, w2, b2] = withDrop.params;
    const mask = tf.tensor2d(new Dropout(0.5, SEED).nextMask(4, 7), [4, 7]);
    const byHand = tf.add(
      tf.matMul(tf.mul(tf.relu(tf.add(tf.matMul(x, w1 as tf.Tensor2D), b1!)), mask), w2 as tf.Tensor2D),
      b2!,
    );
    expect(train.dataSync()).toEqual(byHand.dataSync());
    expect(train.dataSync()).not.toEqual(evalDrop.dataSync());
    tf.dispose([x, evalPlain, evalDrop, train, mask, byHand, ...plain.params, ...withDrop.params]);
  });
});
