import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { gradNorms } from '../../../../harness/runner/grad-norm.js';

// torch 1.13 on the same float32 weights and batch: scripts/fixtures/grad_norm_reference.py.
const f = JSON.parse(
  readFileSync(new URL('../../../fixtures/refinement/grad-norm.json', import.meta.url), 'utf8'),
) as Record<'w1' | 'w2' | 'x' | 'y', number[][]> & Record<'b1' | 'b2', number[]> & Record<'loss' | 'l2' | 'l1', number>;

describe('global gradient norms of a minibatch', () => {
  it("match torch's sqrt(Σ p.grad.norm()²) and Σ |p.grad| on the same MLP, weights and batch, and free what they make", async () => {
    const params = [tf.variable(tf.tensor2d(f.w1)), tf.variable(tf.tensor1d(f.b1)), tf.variable(tf.tensor2d(f.w2))];
    params.push(tf.variable(tf.tensor1d(f.b2)));
    const [w1, b1, w2, b2] = params as [tf.Variable, tf.Variable, tf.Variable, tf.Variable];
    const x = tf.tensor2d(f.x);
    const y = tf.tensor2d(f.y);
    const { value, grads } = tf.variableGrads(() => {
      const logits: tf.Tensor2D = tf.add(tf.matMul(tf.tanh(tf.add(tf.matMul(x, w1), b1)), w2), b2);
      return tf.losses.softmaxCrossEntropy<tf.Tensor2D, tf.Scalar>(y, logits);
    }, params);
    expect(Math.abs((await value.data())[0]! - f.loss)).toBeLessThan(1e-5);
    const before = tf.memory().numTensors;
    const n = await gradNorms(Object.values(grads));
    expect(tf.memory().numTensors).toBe(before);
    expect(Math.abs(n.l2 - f.l2) / f.l2).toBeLessThan(1e-5);
    expect(Math.abs(n.l1 - f.l1) / f.l1).toBeLessThan(1e-5);
    tf.dispose([value, x, y, ...params, ...Object.values(grads)]);
  });

  it('is the norm of all gradients as one vector, not a sum of per-tensor norms', async () => {
    const g = [tf.tensor([3, -4]), tf.tensor([12])];
    const n = await gradNorms(g);
    expect(n.l2).toBeCloseTo(13, 6);
    expect(n.l1).toBeCloseTo(19, 6);
    tf.dispose(g);
  });
});
