import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { weightDistance } from '../../../../harness/runner/weight-distance.js';

// numpy (float64) and torch.dist on the same float32 tensors: scripts/fixtures/growth_law_fits.py.
const fixture = JSON.parse(
  readFileSync(new URL('../../../fixtures/growth/growth-law-fits.json', import.meta.url), 'utf8'),
) as {
  distance: { shapes: number[][]; w0: number[][]; w: number[][]; value: number };
};

describe('weight distance from initialisation', () => {
  it('matches numpy and torch on the tensors of a small BN MLP, and frees what it makes', async () => {
    const { shapes, w0, w, value } = fixture.distance;
    const initial = shapes.map((s, i) => tf.tensor(w0[i]!, s));
    const current = shapes.map((s, i) => tf.variable(tf.tensor(w[i]!, s)));
    const before = tf.memory().numTensors;
    const d = await weightDistance(current, initial);
    expect(tf.memory().numTensors).toBe(before);
    expect(Math.abs(d - value) / value).toBeLessThan(1e-6);
    expect(await weightDistance(initial, initial)).toBe(0);
    tf.dispose([...initial, ...current]);
  });

  it('is the norm of the whole parameter vector, not a sum of per-tensor norms', async () => {
    // Two tensors moved by (3, 4) and (12): √(9 + 16 + 144) = 13, where summing norms would give 17.
    const zero = [tf.zeros([2]), tf.zeros([1])];
    const moved = [tf.tensor([3, 4]), tf.tensor([12])];
    expect(await weightDistance(moved, zero)).toBeCloseTo(13, 6);
    await expect(weightDistance(moved, zero.slice(0, 1))).rejects.toThrow(/2 tensors against 1/);
    tf.dispose([...zero, ...moved]);
  });
});
