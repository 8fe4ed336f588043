import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { MaskedSgdOptimizer } from '../../../../../benchmarks/methods/optimizers/masked-sgd.js';
import { granetEvent, type GranetSchedule } from '../../../../../benchmarks/methods/sparsity/granet-masks.js';
import { gmp } from '../../../../../benchmarks/methods/granet.js';
import { useBackend } from '../../../../helpers/backend.js';

const SCHEDULE: GranetSchedule = {
  every: 3,
  start: 0,
  end: 15,
  initDensity: 1,
  finalDensity: 0.2,
  regrowRate: 0.5,
  regrowHorizon: 20,
  regrowFloor: 0.005,
};

/** A small regression whose gradients are dense and differ per step. */
function setup(prefix: string) {
  // tidy frees the initial values; the variables survive it.
  const [w, b] = tf.tidy(() => [
    tf.variable(
      tf.tensor2d(
        Array.from({ length: 24 }, (_, i) => Math.sin(1.7 * i + 0.2)),
        [6, 4],
      ),
      true,
      `${prefix}w`,
    ),
    tf.variable(tf.zeros([4]), true, `${prefix}b`),
  ]);
  const grads = (step: number) =>
    tf.variableGrads(() => {
      const x = tf.tensor2d(
        Array.from({ length: 18 }, (_, i) => Math.cos(0.9 * i + step)),
        [3, 6],
      );
      const y = tf.tensor2d(
        Array.from({ length: 12 }, (_, i) => Math.sin(0.4 * i - step)),
        [3, 4],
      );
      return tf.losses.meanSquaredError(y, tf.add(tf.matMul(x, w), b));
    }, [w, b]);
  return { w, b, grads };
}

describe('SGD under GraNet masks', () => {
  beforeAll(() => useBackend('cpu'));

  it('runs each event as granetEvent on the tensors after the update, and keeps the masks on every later step', () => {
    const before = tf.memory().numTensors;
    const { w, b, grads } = setup('granet-');
    // Without momentum the state before an event is w − η·g under the previous mask, computable here.
    const opt = new MaskedSgdOptimizer({ learningRate: 0.1, momentum: 0, nesterov: false, ...SCHEDULE, regrow: true });
    let lastMask: Uint8Array | null = null;
    let events = 0;
    for (let step = 1; step <= 20; step++) {
      const g = grads(step);
      const grad = g.grads[w.name]!.dataSync() as Float32Array;
      const stepped = Float32Array.from(w.dataSync(), (wi, i) =>
        lastMask && lastMask[i] === 0 ? 0 : Math.fround(wi - Math.fround(grad[i]! * Math.fround(0.1))),
      );
      opt.applyGradients(g.grads);
      const mask = opt.maskOf(w.name);
      if (step % 3 === 0) {
        events++;
        const expected = granetEvent(
          [{ weight: stepped, buf: null, mask: lastMask ?? new Uint8Array(24).fill(1), grad }],
          step,
          SCHEDULE,
          true,
        )[0]!;
        expect(Array.from(mask!), `mask after step ${step}`).toEqual(Array.from(expected.mask));
        expect(Array.from(w.dataSync(), (x) => x + 0)).toEqual(Array.from(expected.weight, (x) => x + 0));
      } else {
        expect(mask).toEqual(lastMask);
      }
      // Masked weights stay at zero after every update; biases are never masked.
      if (mask) w.dataSync().forEach((v, i) => expect(mask[i] === 0 ? Math.abs(v) : 0).toBe(0));
      expect(opt.maskOf(b.name)).toBeNull();
      lastMask = mask ? Uint8Array.from(mask) : null;
      tf.dispose([g.value, ...Object.values(g.grads)]);
    }
    expect(events).toBe(6);
    const density = lastMask!.reduce((s, m) => s + m, 0) / 24;
    expect(density).toBeGreaterThan(0);
    expect(density).toBeLessThan(0.5);
    opt.dispose();
    tf.dispose([w, b]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('rejects a schedule that cannot prune, with a hint', () => {
    const bad = { ...gmp.hparams, pruneEnd: 10, pruneStart: 0, pruneEvery: 50 };
    expect(() => gmp.createOptimizer(bad)).toThrow(
      expect.objectContaining({ code: 'E_BAD_CONFIG', hint: expect.stringContaining('hparams') }),
    );
    expect(() => gmp.createOptimizer({ ...gmp.hparams, finalDensity: 0 })).toThrow(/densities/);
  });
});
