import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { winnerInit } from '../../../../benchmarks/methods/winner-init.js';
import { Rng } from '../../../../harness/rng.js';
import { chiSquareSf } from '../../../../harness/stats/distributions.js';
import { createSiren, SIREN_OMEGA } from '../../../../workloads/common/siren.js';
import { rfftMagnitudes, spectralCentroid, winnerNoiseScales } from '../../../../workloads/inr/spectrum.js';
import { inr1d, inrSignal, INR_SAMPLES } from '../../../../workloads/inr/workload.js';
import { useBackend } from '../../../helpers/backend.js';

/** numpy rfft / centroid and a torch SIREN step: scripts/fixtures/winner_siren.py. */
const fixture = JSON.parse(readFileSync(new URL('../../../fixtures/winner-siren.json', import.meta.url), 'utf8')) as {
  spectra: Record<string, { centroid: number; magnitudes: number[] }>;
  siren: {
    width: number;
    n: number;
    weights: Record<'w0' | 'b0' | 'w1' | 'b1' | 'w2' | 'b2', number[] | number[][]>;
    output: number[];
    loss: number;
    grads: Record<string, number[] | number[][]>;
  };
};
const signal = (n: number) =>
  Array.from({ length: n }, (_, t) => Math.sin(0.37 * t) + 0.5 * Math.cos(1.9 * t + 0.3) + 0.01 * t);
const maxAbsDiff = (a: number[], b: number[]) => Math.max(...a.map((v, i) => Math.abs(v - b[i]!)));

describe('spectral centroid (WINNER)', () => {
  it('matches numpy rfft magnitudes and the authors’ centroid, even and odd lengths', () => {
    for (const [n, ref] of Object.entries(fixture.spectra)) {
      const mag = Array.from(rfftMagnitudes(signal(Number(n))));
      expect(mag).toHaveLength(ref.magnitudes.length);
      expect(maxAbsDiff(mag, ref.magnitudes)).toBeLessThan(1e-9);
      expect(spectralCentroid(signal(Number(n)))).toBeCloseTo(ref.centroid, 12);
    }
  });

  it('puts a pure tone at bin k at 2k/N (closed form), and a zero signal at 0', () => {
    for (const [n, k] of [
      [64, 5],
      [101, 17],
      [4096, 1000],
    ] as const) {
      const tone = Array.from({ length: n }, (_, t) => Math.cos((2 * Math.PI * k * t) / n + 0.4));
      expect(spectralCentroid(tone)).toBeCloseTo((2 * k) / n, 9);
    }
    expect(spectralCentroid(new Float32Array(16))).toBe(0);
  });

  it('gives the code’s audio scales s0 = 3500(1 − e^{−7z}), s1 = 3z', () => {
    const { s0, s1 } = winnerNoiseScales(0.5, { s0Max: 3500, a: 7, b: 3 });
    expect(s0).toBeCloseTo(3500 * (1 - Math.exp(-3.5)), 9);
    expect(s1).toBe(1.5);
    expect(winnerInit.hparams).toMatchObject({ winnerS0Max: 3500, winnerA: 7, winnerB: 3 });
  });

  it('the high signal has no energy below 20% of Nyquist beyond leakage; the low one sits below 2%', () => {
    const share = (y: Float32Array, lo: number, hi: number) => {
      const p = Array.from(rfftMagnitudes(y), (m) => m * m);
      const bins = p.length - 1;
      const inBand = p.filter((_, k) => k / bins >= lo && k / bins < hi).reduce((a, b) => a + b, 0);
      return inBand / p.reduce((a, b) => a + b, 0);
    };
    const high = inrSignal('high').y;
    const low = inrSignal('low').y;
    expect(high).toHaveLength(INR_SAMPLES);
    expect(Math.max(...high.map(Math.abs))).toBeCloseTo(1, 6);
    expect(share(high, 0, 0.18)).toBeLessThan(0.01);
    expect(share(low, 0, 0.025)).toBeGreaterThan(0.99);
    expect(spectralCentroid(high)).toBeGreaterThan(spectralCentroid(low));
  });
});

describe('SIREN and WINNER initialisation', () => {
  beforeAll(() => useBackend('cpu'));

  // float32 against float64: ω₀ = 30 multiplies every pre-activation's rounding, so gradients get 5e-5 (outputs 1e-5).
  it('forward pass, MSE and gradients match torch on the same weights', () => {
    const { width, n, weights, grads } = fixture.siren;
    const model = createSiren(new Rng(1), width);
    const names = ['w0', 'b0', 'w1', 'b1', 'w2', 'b2'] as const;
    names.forEach((k, i) => model.params[i]!.assign(tf.tensor(weights[k], model.params[i]!.shape)));
    const x = tf.tensor2d(
      Array.from({ length: n }, (_, i) => -1 + (2 * i) / (n - 1)),
      [n, 1],
    );
    const y = tf.tensor2d(
      Array.from(x.dataSync(), (t) => Math.sin(7 * t) * 0.8),
      [n, 1],
    );
    const out = model.apply(x);
    expect(maxAbsDiff(Array.from(out.dataSync()), fixture.siren.output)).toBeLessThan(1e-5);
    const { value, grads: g } = tf.variableGrads(() => tf.mean(tf.square(tf.sub(model.apply(x), y))), model.params);
    expect(value.dataSync()[0]).toBeCloseTo(fixture.siren.loss, 5);
    names.forEach((k, i) => {
      const got = Array.from(g[model.params[i]!.name]!.dataSync());
      const want = (grads[k] as number[] | number[][]).flat();
      expect(maxAbsDiff(got, want) / Math.max(1e-3, ...want.map(Math.abs)), k).toBeLessThan(5e-5);
    });
    tf.dispose([x, y, out, value, ...Object.values(g), ...model.params]);
  });

  it('draws SIREN’s bounds, and WINNER adds N(0, (s/ω₀)²) to W₀ and W₁ only (χ² on the noise variance)', () => {
    const width = 256;
    const noise = { s0: 3000, s1: 1.2 };
    const plain = createSiren(new Rng('0123456789abcdef0123456789abcdef'), width);
    const noisy = createSiren(new Rng('0123456789abcdef0123456789abcdef'), width, noise);
    const values = (m: typeof plain) => m.params.map((p) => Array.from(p.dataSync()));
    const [a, b] = [values(plain), values(noisy)];
    expect(Math.max(...a[0]!.map(Math.abs))).toBeLessThanOrEqual(1);
    expect(Math.max(...a[2]!.map(Math.abs))).toBeLessThanOrEqual(Math.sqrt(6 / width) / SIREN_OMEGA + 1e-7);
    expect(Math.max(...a[3]!.map(Math.abs))).toBeLessThanOrEqual(1 / Math.sqrt(width));
    for (const i of [1, 3, 4, 5]) expect(b[i]).toEqual(a[i]);
    for (const [i, s] of [
      [0, noise.s0],
      [2, noise.s1],
    ] as const) {
      const sigma = s / SIREN_OMEGA;
      const d = b[i]!.map((v, j) => v - a[i]![j]!);
      const stat = d.reduce((acc, v) => acc + (v / sigma) ** 2, 0);
      const sf = chiSquareSf(stat, d.length);
      expect(sf, `layer ${i}: χ² ${stat} on ${d.length}`).toBeGreaterThan(0.001);
      expect(sf).toBeLessThan(0.999);
    }
    tf.dispose([...plain.params, ...noisy.params]);
  });

  it('the workload builds WINNER from the target centroid and refuses bad options', async () => {
    const data = await inr1d.loadData({ cacheDir: '', splitSeed: new Rng(3), variant: 'default' });
    const opts = { init: 'winner', winnerS0Max: 3500, winnerA: 7, winnerB: 3 };
    const winner = inr1d.createModel(new Rng(5), data, opts);
    const siren = inr1d.createModel(new Rng(5), data, {});
    expect(winner.buildOptions).toEqual(Object.keys(opts));
    const { s0 } = winnerNoiseScales(spectralCentroid(data.train.y), { s0Max: 3500, a: 7, b: 3 });
    const d = Array.from(winner.params[0]!.dataSync(), (v, j) => v - siren.params[0]!.dataSync()[j]!);
    const sd = Math.sqrt(d.reduce((s, v) => s + v * v, 0) / d.length);
    expect(sd / (s0 / SIREN_OMEGA)).toBeGreaterThan(0.7);
    expect(sd / (s0 / SIREN_OMEGA)).toBeLessThan(1.3);
    expect(() =>
      inr1d.createModel(new Rng(5), data, { init: 'winner', winnerS0Max: -1, winnerA: 7, winnerB: 3 }),
    ).toThrow(/winnerS0Max/);
    expect(() => inr1d.createModel(new Rng(5), data, { init: 'fourier' })).toThrow(/siren or winner/);
    expect(() => winnerInit.modelOptions({ ...winnerInit.hparams, winnerA: 'x' })).toThrow(/winnerA/);
    tf.dispose([...winner.params, ...siren.params]);
  });
});
