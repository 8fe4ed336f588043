import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { loadBlasAddon } from '../../../../harness/backends/blas/addon.js';
import { initBackend } from '../../../../harness/backends/select.js';
import { Rng } from '../../../../harness/rng.js';

function randomArray(n: number, seed: number): Float32Array {
  const rng = new Rng(seed.toString(16).padStart(32, '0'));
  return Float32Array.from({ length: n }, () => rng.normal() * 3);
}

const backends = ['wasm', ...('addon' in loadBlasAddon() ? (['blas'] as const) : [])] as const;

/**
 * tfjs 4.22's wasm Sum, by its definition: reduced axes moved innermost (in the order given), then
 * each output's values added one by one into a float32 accumulator from 0.
 */
function shippedSum(x: Float32Array, shape: number[], axes: number[]): Float32Array {
  const kept = shape.map((_, i) => i).filter((i) => !axes.includes(i));
  const order = [...kept, ...axes];
  const outSize = tf.util.sizeFromShape(kept.map((i) => shape[i]!));
  const reduceSize = tf.util.sizeFromShape(axes.map((i) => shape[i]!));
  const strides = shape.length ? [...tf.util.computeStrides(shape), 1] : [];
  const permShape = order.map((i) => shape[i]!);
  const out = new Float32Array(outSize);
  const coord = new Array<number>(shape.length).fill(0);
  for (let o = 0; o < outSize; o++) {
    let s = 0;
    for (let r = 0; r < reduceSize; r++) {
      // Flat position o·reduceSize + r in the permuted array → source index.
      let flat = o * reduceSize + r;
      for (let d = order.length - 1; d >= 0; d--) {
        coord[d] = flat % permShape[d]!;
        flat = Math.floor(flat / permShape[d]!);
      }
      const src = order.reduce((acc, axis, d) => acc + coord[d]! * strides[axis]!, 0);
      s = Math.fround(s + x[src]!);
    }
    out[o] = s;
  }
  return out;
}

const bits = (a: ArrayLike<number>) => Buffer.from(Float32Array.from(a).buffer).toString('hex');

describe("the project's data-movement and reduction kernels for wasm and blas", () => {
  for (const backend of backends) {
    // [shape, axes]: leading axes (bias gradients), a middle block, widths past the 16- and 4-wide vector
    // loops, keepDims, and cases the wrapper leaves to tfjs's kernel (innermost, non-consecutive).
    const SUMS: Array<[number[], number[], boolean]> = [
      [[1024, 64], [0], false],
      [[64, 16, 64], [0, 1], false],
      [[5, 7, 3], [1], false],
      [[3, 33, 21], [0, 1], true],
      [[2, 3, 4, 5], [1, 2], false],
      [[9, 7], [1], false],
      [[4, 5, 6], [0, 2], false],
      [[7], [0], false],
      [[0, 4], [0], false],
    ];
    for (const [shape, axes, keepDims] of SUMS) {
      it(`${backend}: sum over ${JSON.stringify(axes)} of ${JSON.stringify(shape)}${keepDims ? ' (keepDims)' : ''} is bit-identical to tfjs wasm's transpose-then-add order`, async () => {
        await initBackend(backend);
        const x = randomArray(tf.util.sizeFromShape(shape), shape.length * 100 + shape[0]!);
        const got = tf.sum(tf.tensor(x, shape), axes, keepDims);
        const want = shippedSum(x, shape, axes);
        expect(got.shape).toEqual(
          keepDims ? shape.map((d, i) => (axes.includes(i) ? 1 : d)) : shape.filter((_, i) => !axes.includes(i)),
        );
        expect(bits(await got.data())).toEqual(bits(want));
      });
    }

    it(`${backend}: splitV copies each piece exactly, along every axis`, async () => {
      await initBackend(backend);
      for (const [shape, sizes, axis] of [
        [[1024, 192], [64, 64, 64], 1],
        [[2, 6], [1, 2, 3], 1],
        [[6, 5], [4, 2], 0],
        [[2, 3, 5], [2, -1], 2],
      ] as const) {
        const x = randomArray(tf.util.sizeFromShape([...shape]), 3);
        const xt = tf.tensor(x, [...shape]);
        const pieces = tf.split(xt, [...sizes], axis);
        await initBackend('cpu');
        const want = tf.split(tf.tensor(x, [...shape]), [...sizes], axis);
        for (let i = 0; i < want.length; i++) expect(bits(pieces[i]!.dataSync())).toEqual(bits(want[i]!.dataSync()));
        await initBackend(backend);
      }
      const ints = tf.split(tf.tensor2d([1, 2, 3, 4, 5, 6], [2, 3], 'int32'), [2, 1], 1);
      expect(ints.map((t) => [t.dtype, t.arraySync()])).toEqual([
        [
          'int32',
          [
            [1, 2],
            [4, 5],
          ],
        ],
        ['int32', [[3], [6]]],
      ]);
    });

    it(`${backend}: gather copies rows along axis 0 and 1 and rejects an index out of range as tfjs does`, async () => {
      await initBackend(backend);
      const table = tf.tensor2d(randomArray(32 * 64, 5), [32, 64]);
      const idx = tf.tensor2d(
        Int32Array.from({ length: 64 * 16 }, (_, i) => (i * 7) % 32),
        [64, 16],
        'int32',
      );
      const got = tf.gather(table, idx);
      expect(got.shape).toEqual([64, 16, 64]);
      const t = table.arraySync();
      const want = idx.arraySync().map((row) => row.map((i) => t[i]!));
      expect(got.arraySync()).toEqual(want);
      const x3 = tf.range(0, 24).reshape([2, 3, 4]);
      expect(tf.gather(x3, tf.tensor1d([2, 0, 2], 'int32'), 1).arraySync()).toEqual([
        [
          [8, 9, 10, 11],
          [0, 1, 2, 3],
          [8, 9, 10, 11],
        ],
        [
          [20, 21, 22, 23],
          [12, 13, 14, 15],
          [20, 21, 22, 23],
        ],
      ]);
      expect(() => tf.gather(table, tf.tensor1d([0, 32], 'int32'))).toThrow(
        /GatherV2: the index value 32 is not in \[0, 31\]/,
      );
    });

    it(`${backend}: identity and same-dtype cast share the input's data, which outlives the input`, async () => {
      await initBackend(backend);
      const x = tf.tensor1d([1.5, -2, 3]);
      const before = tf.memory().numDataBuffers;
      const y = tf.clone(x);
      const z = tf.cast(x, 'float32');
      expect(tf.memory().numDataBuffers).toBe(before); // no copy
      expect(y.dataId === x.dataId && z.dataId === x.dataId).toBe(true);
      x.dispose();
      expect(Array.from(await y.data())).toEqual([1.5, -2, 3]);
      y.dispose();
      expect(Array.from(await z.data())).toEqual([1.5, -2, 3]);
      expect(tf.cast(tf.tensor1d([1.7, -2.2]), 'int32').arraySync()).toEqual([1, -2]);
    });

    /** Largest distance in ulps between `got` and the exact function rounded to float32, and the share of exact results. */
    const ulpsFrom = (got: Float32Array, xs: Float32Array, exact: (v: number) => number) => {
      const gi = new Int32Array(got.buffer, got.byteOffset, got.length);
      const wi = new Int32Array(Float32Array.from(xs, exact).buffer);
      let worst = 0;
      let same = 0;
      for (let i = 0; i < xs.length; i++) {
        const d = Math.abs(gi[i]! - wi[i]!);
        worst = Math.max(worst, d);
        if (d === 0) same++;
      }
      return { worst, exact: same / xs.length };
    };

    it(`${backend}: tanh is within one float32 ulp of Math.tanh everywhere, and exact at the special values`, async () => {
      await initBackend(backend);
      // A dense grid over the polynomial branch, the switch at 0.625, the exp branch and saturation,
      // then tiny and subnormal values; odd count so the scalar tail runs too.
      const xs = new Float32Array(200_003);
      for (let i = 0; i < 150_000; i++) xs[i] = -12 + (24 * i) / 150_000;
      for (let i = 0; i < 50_003; i++) xs[150_000 + i] = Math.exp(-100 + (100 * i) / 50_003) * (i % 2 ? 1 : -1);
      const r = ulpsFrom((await tf.tanh(tf.tensor1d(xs)).data()) as Float32Array, xs, Math.tanh);
      expect(r.worst).toBeLessThanOrEqual(1);
      expect(r.exact).toBeGreaterThan(0.95);
      const special = await tf.tanh(tf.tensor1d([0, -0, Infinity, -Infinity, NaN, 1e-30, 30, -9.5])).data();
      expect(Object.is(special[0], 0) && Object.is(special[1], -0)).toBe(true);
      expect(Array.from(special.slice(2))).toEqual([1, -1, NaN, Math.fround(1e-30), 1, -1]);
    });

    it(`${backend}: exp is within one float32 ulp of Math.exp, subnormal results and the overflow edge included`, async () => {
      await initBackend(backend);
      const xs = new Float32Array(150_001);
      for (let i = 0; i < 150_001; i++) xs[i] = -104 + (192.7 * i) / 150_000; // −104 … 88.7: zero, subnormal, normal
      const r = ulpsFrom((await tf.exp(tf.tensor1d(xs)).data()) as Float32Array, xs, Math.exp);
      expect(r.worst).toBeLessThanOrEqual(1);
      expect(r.exact).toBeGreaterThan(0.9);
      const special = Array.from(await tf.exp(tf.tensor1d([0, -0, -Infinity, Infinity, NaN, 88.8, -110, 1])).data());
      expect(special).toEqual([1, 1, 0, Infinity, NaN, Infinity, 0, Math.fround(Math.E)]);
    });

    it(`${backend}: concat and last-axis-preserving transposes move every element as tfjs cpu does`, async () => {
      const CASES: Array<{ concat?: [number[][], number]; transpose?: [number[], number[]] }> = [
        {
          concat: [
            [
              [1024, 64],
              [1024, 64],
              [1024, 64],
            ],
            1,
          ],
        },
        {
          concat: [
            [
              [2, 3],
              [4, 3],
            ],
            0,
          ],
        },
        {
          concat: [
            [
              [2, 3, 5],
              [2, 1, 5],
              [2, 0, 5],
            ],
            1,
          ],
        },
        {
          transpose: [
            [64, 16, 4, 16],
            [0, 2, 1, 3],
          ],
        },
        {
          transpose: [
            [3, 5, 7],
            [1, 0, 2],
          ],
        },
        {
          transpose: [
            [2, 3, 4, 5],
            [2, 0, 1, 3],
          ],
        },
        {
          transpose: [
            [4, 6],
            [1, 0],
          ],
        },
      ];
      for (const c of CASES) {
        const shapes = c.concat ? c.concat[0] : [c.transpose![0]];
        const xs = shapes.map((sh, i) => randomArray(tf.util.sizeFromShape(sh), 40 + i));
        const apply = () => {
          const ts = xs.map((x, i) => tf.tensor(x, shapes[i]));
          return c.concat ? tf.concat(ts, c.concat[1]) : tf.transpose(ts[0]!, c.transpose![1]);
        };
        await initBackend(backend);
        const got = apply();
        await initBackend('cpu');
        const want = apply();
        expect(got.shape).toEqual(want.shape);
        expect(bits(await got.data())).toEqual(bits(await want.data()));
      }
    });
  }
});
