import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { loadBlasAddon } from '../../../../harness/backends/blas/addon.js';
import { initBackend } from '../../../../harness/backends/select.js';

const backends = ['wasm', ...('addon' in loadBlasAddon() ? (['blas'] as const) : [])] as const;

/** Tile by its definition: output element i takes input element (coordinate of i along each axis mod the input's size). */
function tileByDefinition(x: Int32Array, shape: number[], reps: number[]): Int32Array {
  const outShape = shape.map((d, i) => d * reps[i]!);
  const out = new Int32Array(tf.util.sizeFromShape(outShape));
  const inStrides = [...tf.util.computeStrides(shape), 1];
  for (let i = 0; i < out.length; i++) {
    let rest = i;
    let src = 0;
    for (let k = outShape.length - 1; k >= 0; k--) {
      src += ((rest % outShape[k]!) % shape[k]!) * inStrides[k]!;
      rest = Math.floor(rest / outShape[k]!);
    }
    out[i] = x[src]!;
  }
  return out;
}

/** Arbitrary 32-bit words, NaN payloads and −0 included (as float32 they must come back bit for bit). */
function words(n: number, seed: number): Int32Array {
  const w = new Int32Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    w[i] = s | 0;
  }
  if (n > 2) [w[0], w[1]] = [0x7fc01234, 0x80000000 | 0]; // a NaN with a payload, −0
  return w;
}

describe("the project's Tile kernel for wasm and blas", () => {
  // [shape, reps]: the Mean gradient's column broadcast, the softmax-shaped one, a row broadcast,
  // reps on every axis, rank 1 and 4, a width past the 4-wide loops, reps of 1 only, and an empty output.
  const CASES: Array<[number[], number[]]> = [
    [
      [1024, 1],
      [1, 64],
    ],
    [
      [64, 16, 1],
      [1, 1, 64],
    ],
    [
      [1, 64],
      [1024, 1],
    ],
    [
      [2, 3, 5],
      [3, 2, 2],
    ],
    [[7], [5]],
    [
      [2, 1, 3, 2],
      [2, 4, 1, 3],
    ],
    [
      [3, 9],
      [2, 3],
    ],
    [
      [4, 5],
      [1, 1],
    ],
    [
      [3, 2],
      [0, 2],
    ],
  ];
  for (const backend of backends) {
    for (const [shape, reps] of CASES) {
      it(`${backend}: tile ${JSON.stringify(shape)} by ${JSON.stringify(reps)} moves every word as the definition says`, async () => {
        await initBackend(backend);
        const x = words(tf.util.sizeFromShape(shape), shape.length * 31 + reps[0]!);
        const want = tileByDefinition(x, shape, reps);
        const asFloat = tf.tile(tf.tensor(new Float32Array(x.buffer), shape, 'float32'), reps);
        expect(asFloat.shape).toEqual(shape.map((d, i) => d * reps[i]!));
        const got = (await asFloat.data()) as Float32Array;
        expect(Buffer.from(got.buffer, got.byteOffset, got.byteLength).equals(Buffer.from(want.buffer))).toBe(true);
        const asInt = tf.tile(tf.tensor(x, shape, 'int32'), reps);
        expect(Array.from((await asInt.data()) as Int32Array)).toEqual(Array.from(want));
      });
    }

    it(`${backend}: broadcastTo and the Mean gradient give tfjs cpu's values bit for bit`, async () => {
      const x = Float32Array.from({ length: 64 * 16 * 64 }, (_, i) => Math.sin(i * 0.37) * 3);
      const run = () => {
        const xt = tf.tensor3d(x, [64, 16, 64]);
        // dy of the mean is w exactly (the sum's gradient is ones), so only the broadcast decides the bits.
        const w = tf.tensor2d(x.slice(0, 1024), [64, 16]);
        const g = tf.grad((t: tf.Tensor) => tf.sum(tf.mul(tf.mean(t, -1), w)))(xt);
        return [tf.broadcastTo(tf.tensor2d(x.slice(0, 1024), [1024, 1]), [1024, 64]).dataSync(), g.dataSync()];
      };
      await initBackend('cpu');
      const want = run().map((a) => Buffer.from(Float32Array.from(a).buffer));
      await initBackend(backend);
      const got = run().map((a) => Buffer.from(Float32Array.from(a).buffer));
      expect(got[0]!.equals(want[0]!)).toBe(true);
      expect(got[1]!.equals(want[1]!)).toBe(true);
    });

    it(`${backend}: bool tensors still go to tfjs's own Tile`, async () => {
      await initBackend(backend);
      expect(tf.tile(tf.tensor1d([true, false], 'bool'), [2]).arraySync()).toEqual([1, 0, 1, 0]);
    });
  }
});
