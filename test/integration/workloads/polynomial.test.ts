import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { deriveSeed } from '../../../harness/runner/seeds.js';
import { Rng } from '../../../harness/rng.js';
import { createScaledTwoLayer } from '../../../workloads/common/scaled-two-layer.js';
import { loadPolynomial } from '../../../workloads/synthetic/polynomial.js';
import { useBackend } from '../../helpers/backend.js';

const ctx = (variant: string) => ({
  cacheDir: '',
  splitSeed: new Rng(deriveSeed('split', ['polynomial-regression', 1, variant])),
  variant,
});

describe('polynomial regression workload', () => {
  it('fits a unit-variance He₂ target, with the same examples whatever the variant', async () => {
    const a = await loadPolynomial(ctx('default'));
    const b = await loadPolynomial(ctx('alpha-4'));
    expect(Buffer.from(a.train.x.buffer).equals(Buffer.from(b.train.x.buffer))).toBe(true);
    const y = [...a.valid.y];
    const mean = y.reduce((s, v) => s + v, 0) / y.length;
    const variance = y.reduce((s, v) => s + (v - mean) ** 2, 0) / y.length;
    expect(Math.abs(mean)).toBeLessThan(0.15);
    expect(variance).toBeGreaterThan(0.8);
    expect(variance).toBeLessThan(1.2);
  });

  it('starts at exactly zero output and scales gradients by 1/α² (lazy-training scaling)', async () => {
    await useBackend('wasm');
    const x = tf.randomNormal<tf.Rank.R2>([8, 5], 0, 1, 'float32', 1);
    const y = tf.ones<tf.Rank.R2>([8, 1]);
    const grads = (alpha: number) => {
      const m = createScaledTwoLayer(new Rng(deriveSeed('init', ['t'])), {
        inputs: 5,
        hidden: 16,
        outputs: 1,
        alpha,
        activation: 'relu',
      });
      const out = m.apply(x);
      expect([...out.dataSync()].every((v) => v === 0)).toBe(true);
      const { value, grads: g } = tf.variableGrads(
        () => tf.losses.meanSquaredError<tf.Tensor, tf.Scalar>(y, m.apply(x)),
        m.params,
      );
      const norms = Object.values(g).map((t) => tf.norm(t).dataSync()[0]!);
      tf.dispose([out, value, ...Object.values(g), ...m.params]);
      return norms;
    };
    // At init f = 0, so d(MSE)/df is the same for any α; df/dθ ∝ α and the 1/α² scaling give ∝ 1/α.
    const g1 = grads(1);
    const g4 = grads(4);
    for (let i = 0; i < g1.length; i++) expect(g4[i]! * 4).toBeCloseTo(g1[i]!, 4);
    tf.dispose([x, y]);
  });
});
