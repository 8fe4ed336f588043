import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { NapAdamOptimizer } from '../../../../../benchmarks/methods/optimizers/nap.js';
import { createLnMlp } from '../../../../../workloads/common/ln-mlp.js';
import { Rng } from '../../../../../harness/rng.js';
import { useBackend } from '../../../../helpers/backend.js';

const norm = (v: ArrayLike<number>) => Math.sqrt(Array.from(v).reduce((s, x) => s + x * x, 0));

describe('Normalize-and-Project', () => {
  beforeAll(() => useBackend('cpu'));

  it("projects every weight matrix back to its initial norm after Adam's step, and leaves vectors alone", () => {
    const before = tf.memory().numTensors;
    const w0 = Array.from({ length: 12 }, (_, i) => Math.sin(0.8 * i + 0.3));
    const g = Array.from({ length: 12 }, (_, i) => Math.cos(1.1 * i) * (1 + i / 5));
    const [w, b] = tf.tidy(() => [
      tf.variable(tf.tensor2d(w0, [3, 4]), true, 'nap-w'),
      tf.variable(tf.tensor1d([1, 2]), true, 'nap-b'),
    ]);
    const opt = new NapAdamOptimizer({ learningRate: 0.1, weightDecay: 0 });
    const grads = { [w.name]: tf.tensor2d(g, [3, 4]), [b.name]: tf.tensor1d([0.5, -0.5]) };
    opt.applyGradients(grads);
    // Adam's first step, in closed form: θ − η·g/(|g| + ε·…) ≈ θ − η·sign(g) (bias-corrected m/√v = g/|g|),
    // then W·ρ/‖W‖ with ρ = ‖W₀‖; computed here in doubles from the same numbers.
    const stepped = w0.map((x, i) => x - (0.1 * g[i]!) / (Math.abs(g[i]!) + 1e-8));
    const expected = stepped.map((x) => (x * norm(w0)) / norm(stepped));
    const got = w.dataSync();
    expected.forEach((e, i) => expect(got[i]).toBeCloseTo(e, 5));
    expect(norm(got)).toBeCloseTo(norm(w0), 5);
    expect(opt.radiusOf(w.name)).toBeCloseTo(norm(w0), 6);
    // The bias takes Adam's plain step: 1 − 0.1, 2 + 0.1.
    expect(Array.from(b.dataSync())).toEqual([expect.closeTo(0.9, 6), expect.closeTo(2.1, 6)]);
    expect(opt.radiusOf(b.name)).toBeUndefined();
    // A second step projects to the same radius, not to the norm after the first.
    opt.applyGradients(grads);
    expect(norm(w.dataSync())).toBeCloseTo(norm(w0), 5);
    tf.dispose([...Object.values(grads), w, b]);
    opt.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it("leaves the layer-normalised network's function unchanged when a hidden weight matrix is scaled (the premise)", () => {
    const model = createLnMlp(new Rng('0123456789abcdef0123456789abcdef'), [6, 5, 4, 3]);
    const x = tf.tensor2d(
      Array.from({ length: 12 }, (_, i) => Math.sin(0.37 * i + 1)),
      [2, 6],
    );
    const out = model.apply(x).dataSync();
    for (const [layer, c] of [
      [0, 3.7],
      [1, 1.8],
    ] as const) {
      const p = model.params[layer]!;
      const original = p.clone();
      p.assign(tf.mul(p, c));
      // Up to LN's ε (1e-5 beside variances of order ‖W‖²/width): exact for ε = 0.
      Array.from(model.apply(x).dataSync()).forEach((v, i) => expect(v).toBeCloseTo(out[i]!, 3));
      p.assign(original);
      original.dispose();
    }
    // The output layer is not normalised: scaling it changes the logits.
    const last = model.params[2]!;
    last.assign(tf.mul(last, 2));
    expect(Math.abs(model.apply(x).dataSync()[0]! - out[0]!)).toBeGreaterThan(1e-3);
    tf.dispose([x, ...model.params]);
  });
});
