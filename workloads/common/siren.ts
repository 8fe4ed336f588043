import * as tf from '@tensorflow/tfjs';
import type { Model } from '../../harness/core/workload.js';
import type { Rng } from '../../harness/rng.js';

/** SIREN's ω₀ for every layer (Sitzmann et al. 2020; WINNER keeps it at 30 for the first layer too). */
export const SIREN_OMEGA = 30;

/** Gaussian noise added to the first two weight matrices at initialisation (WINNER); std s/ω₀. */
export interface SirenNoise {
  s0: number;
  s1: number;
}

function uniform(rng: Rng, n: number, bound: number): Float32Array {
  return Float32Array.from({ length: n }, () => (2 * rng.uniform() - 1) * bound);
}

/**
 * A SIREN 1 → width → width → 1: h₀ = sin(ω₀(x W₀ + b₀)), h₁ = sin(ω₀(h₀ W₁ + b₁)), y = h₁ W₂ + b₂,
 * initialised as the SIREN code does (`sine_init`, `first_layer_sine_init`): W₀ ~ U(±1/fan_in), the
 * other weights (the linear read-out too) U(±√(6/fan_in)/ω₀), biases torch `nn.Linear`'s default
 * U(±1/√fan_in). Drawn from `rng` in the order W₀ b₀ W₁ b₁ W₂ b₂, then, with `noise`, WINNER's
 * perturbations W₀ += N(0, (s0/ω₀)²) and W₁ += N(0, (s1/ω₀)²), so a SIREN and a WINNER trial of the
 * same repeat share every uniform draw (authors' `SIREN_square.add_noise`, which divides both
 * scales by the hidden ω₀). Weights are `[fan_in, fan_out]`, applied as x·W.
 */
export function createSiren(rng: Rng, width: number, noise?: SirenNoise): Model {
  const w = SIREN_OMEGA;
  const shapes: Array<{ fanIn: number; fanOut: number; wBound: number }> = [
    { fanIn: 1, fanOut: width, wBound: 1 },
    { fanIn: width, fanOut: width, wBound: Math.sqrt(6 / width) / w },
    { fanIn: width, fanOut: 1, wBound: Math.sqrt(6 / width) / w },
  ];
  const values: Float32Array[] = [];
  for (const s of shapes) {
    values.push(uniform(rng, s.fanIn * s.fanOut, s.wBound));
    values.push(uniform(rng, s.fanOut, 1 / Math.sqrt(s.fanIn)));
  }
  if (noise) {
    for (const [i, scale] of [
      [0, noise.s0 / w],
      [2, noise.s1 / w],
    ] as const) {
      const m = values[i]!;
      for (let j = 0; j < m.length; j++) m[j]! += rng.normal() * scale;
    }
  }
  const params = values.map((v, i) => {
    const s = shapes[i >> 1]!;
    const t = i % 2 === 0 ? tf.tensor2d(v, [s.fanIn, s.fanOut]) : tf.tensor1d(v);
    const variable = tf.variable(t);
    t.dispose();
    return variable;
  });
  const [w0, b0, w1, b1, w2, b2] = params as [
    tf.Variable,
    tf.Variable,
    tf.Variable,
    tf.Variable,
    tf.Variable,
    tf.Variable,
  ];
  const sineLayer = (h: tf.Tensor2D, wv: tf.Variable, bv: tf.Variable): tf.Tensor2D =>
    tf.sin<tf.Tensor2D>(tf.mul<tf.Tensor2D>(w, tf.add<tf.Tensor2D>(tf.matMul(h, wv), bv)));
  const apply = (x: tf.Tensor2D): tf.Tensor2D =>
    tf.add<tf.Tensor2D>(tf.matMul(sineLayer(sineLayer(x, w0, b0), w1, b1), w2), b2);
  return { params, apply };
}
