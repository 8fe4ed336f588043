import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { loadBlasAddon } from '../../../../harness/backends/blas/addon.js';
import { initBackend } from '../../../../harness/backends/select.js';
import { Rng } from '../../../../harness/rng.js';

function randomArray(n: number, seed: number): Float32Array {
  const rng = new Rng(seed.toString(16).padStart(32, '0'));
  return Float32Array.from({ length: n }, () => rng.normal() * 3);
}
const bits = (a: ArrayLike<number>) => Buffer.from(Float32Array.from(a).buffer).toString('hex');

const backends = ['cpu', 'wasm', ...('addon' in loadBlasAddon() ? (['blas'] as const) : [])] as const;

describe("the project's gradient of Mean", () => {
  for (const backend of backends) {
    it(`${backend}: bit-identical to tfjs's dy·ones(x.shape)/n, with no ones tensor made`, async () => {
      await initBackend(backend);
      const CASES: Array<[number[], number[], boolean]> = [
        [[1024, 64], [1], true],
        [[64, 16, 64], [2], true],
        [[5, 7, 3], [0, 2], false],
        [[4, 6], [0, 1], false],
        [[9], [0], true],
      ];
      for (const [shape, axes, keepDims] of CASES) {
        const x = tf.tensor(randomArray(tf.util.sizeFromShape(shape), shape[0]!), shape);
        const outShape = shape
          .map((d, i) => (axes.includes(i) ? 1 : d))
          .filter((_, i) => keepDims || !axes.includes(i));
        const dy = tf.tensor(randomArray(tf.util.sizeFromShape(outShape), 7), outShape);
        const info = await tf.profile(() => tf.grad((t: tf.Tensor) => tf.mean(t, axes, keepDims))(x, dy));
        const got = tf.grad((t: tf.Tensor) => tf.mean(t, axes, keepDims))(x, dy);
        // tfjs 4.22's formula, op for op.
        const n = axes.reduce((p, a) => p * shape[a]!, 1);
        const want = tf.div(
          tf.mul(
            tf.reshape(
              dy,
              shape.map((d, i) => (axes.includes(i) ? 1 : d)),
            ),
            tf.ones(shape),
          ),
          n,
        );
        expect(got.shape).toEqual(shape);
        expect(bits(await got.data())).toEqual(bits(await want.data()));
        expect(info.kernelNames).not.toContain('Multiply');
      }
    });
  }
});
