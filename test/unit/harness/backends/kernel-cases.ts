import * as tf from '@tensorflow/tfjs';
import { Rng } from '../../../../harness/rng.js';

/**
 * Cases for checking the project's kernels against tfjs's `cpu` backend: each builds its inputs
 * from a seed (so both backends see the same numbers) and returns the tensors to compare —
 * forward values and gradients, so every registered kernel runs (conv filter and input
 * gradients, segment sums through gather's gradient, max-pool gradients, transposed products).
 */
export interface KernelCase {
  name: string;
  run: () => tf.Tensor[];
}

export function values(shape: number[], seed: number): tf.Tensor {
  const rng = new Rng(seed.toString(16).padStart(32, '0'));
  return tf.tensor(
    Float32Array.from({ length: tf.util.sizeFromShape(shape) }, () => rng.normal()),
    shape,
  );
}

type Conv = {
  x: [number, number, number, number];
  f: [number, number, number, number];
  stride: number | [number, number];
  pad: 'same' | 'valid' | number;
};
const CONVS: Conv[] = [
  { x: [2, 9, 9, 3], f: [3, 3, 3, 4], stride: 1, pad: 'same' },
  { x: [2, 9, 9, 3], f: [3, 3, 3, 4], stride: 2, pad: 'same' },
  { x: [2, 10, 7, 2], f: [3, 2, 2, 5], stride: [2, 1], pad: 'valid' },
  { x: [1, 8, 8, 4], f: [5, 5, 4, 2], stride: 3, pad: 'same' },
  { x: [3, 6, 6, 2], f: [3, 3, 2, 3], stride: 1, pad: 1 },
  { x: [2, 5, 5, 8], f: [1, 1, 8, 6], stride: 1, pad: 'valid' },
  { x: [2, 28, 28, 1], f: [3, 3, 1, 16], stride: 1, pad: 'same' },
];

export const CASES: KernelCase[] = [
  ...CONVS.map((c, i): KernelCase => ({
    name: `conv2d x${c.x.join('×')} f${c.f.join('×')} stride ${String(c.stride)} pad ${String(c.pad)}: value, input and filter gradients`,
    run() {
      const x = values(c.x, 100 + i) as tf.Tensor4D;
      const f = values(c.f, 200 + i) as tf.Tensor4D;
      const y = tf.conv2d(x, f, c.stride, c.pad);
      const dy = values(y.shape, 300 + i);
      const [gx, gf] = tf.grads((a: tf.Tensor, b: tf.Tensor) =>
        tf.sum(tf.mul(tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, c.stride, c.pad), dy)),
      )([x, f]);
      return [y, gx!, gf!];
    },
  })),
  {
    name: 'fused conv2d with bias and relu: value and gradients',
    run() {
      const x = values([2, 7, 7, 3], 11) as tf.Tensor4D;
      const f = values([3, 3, 3, 4], 12) as tf.Tensor4D;
      const b = values([4], 13);
      const y = tf.fused.conv2d({ x, filter: f, strides: 1, pad: 'same', bias: b, activation: 'relu' });
      const [gx, gf, gb] = tf.grads((a: tf.Tensor, k: tf.Tensor, c: tf.Tensor) =>
        tf.sum(
          tf.square(
            tf.fused.conv2d({
              x: a as tf.Tensor4D,
              filter: k as tf.Tensor4D,
              strides: 1,
              pad: 'same',
              bias: c,
              activation: 'relu',
            }),
          ),
        ),
      )([x, f, b]);
      return [y, gx!, gf!, gb!];
    },
  },
  ...(
    [
      { shape: [2, 8, 8, 3], size: 2, stride: 2, pad: 'valid' },
      { shape: [2, 9, 7, 2], size: 3, stride: 2, pad: 'same' },
      { shape: [1, 6, 6, 4], size: 3, stride: 1, pad: 'valid' },
      { shape: [2, 5, 5, 1], size: 2, stride: 1, pad: 'same' },
    ] as const
  ).map((p, i): KernelCase => ({
    name: `maxPool ${p.size}×${p.size} stride ${p.stride} pad ${p.pad} on ${p.shape.join('×')}: gradient (overlapping windows included)`,
    run() {
      const x = values([...p.shape], 400 + i) as tf.Tensor4D;
      const y = tf.maxPool(x, p.size, p.stride, p.pad);
      const dy = values(y.shape, 500 + i);
      return [
        y,
        tf.grad((a: tf.Tensor) => tf.sum(tf.mul(tf.maxPool(a as tf.Tensor4D, p.size, p.stride, p.pad), dy)))(x),
      ];
    },
  })),
  {
    name: 'maxPool gradient with ties goes to the first maximum of each window',
    run() {
      const x = tf.tensor4d([1, 1, 1, 1, 2, 0, 2, 2, 0, 0, 0, 0, 3, 3, 3, 3], [1, 4, 4, 1]);
      return [tf.grad((a: tf.Tensor) => tf.sum(tf.maxPool(a as tf.Tensor4D, 2, 2, 'valid')))(x)];
    },
  },
  {
    name: 'gather gradient (UnsortedSegmentSum): embedding rows hit several times, and unused rows',
    run() {
      const table = values([7, 5], 21);
      const ids = tf.tensor2d(
        [
          [0, 3, 3, 6],
          [3, 0, 1, 1],
        ],
        [2, 4],
        'int32',
      );
      const dy = values([2, 4, 5], 22);
      return [tf.grad((t: tf.Tensor) => tf.sum(tf.mul(tf.gather(t, ids), dy)))(table)];
    },
  },
  {
    name: 'unsortedSegmentSum with negative and out-of-range ids dropped, float32 and int32',
    run() {
      const x = values([6, 3], 31);
      const ids = tf.tensor1d([2, -1, 0, 2, 5, 0], 'int32');
      const xi = tf.tensor2d(
        [
          [1, 2],
          [3, 4],
          [5, 6],
        ],
        [3, 2],
        'int32',
      );
      return [tf.unsortedSegmentSum(x, ids, 4), tf.unsortedSegmentSum(xi, tf.tensor1d([1, 1, 0], 'int32'), 2)];
    },
  },
  ...(
    [
      [false, false],
      [true, false],
      [false, true],
      [true, true],
    ] as const
  ).map(([ta, tb], i): KernelCase => ({
    name: `matMul transposeA=${ta} transposeB=${tb}: value and both gradients`,
    run() {
      const a = values(ta ? [13, 9] : [9, 13], 40 + i);
      const b = values(tb ? [11, 13] : [13, 11], 50 + i);
      const f = (p: tf.Tensor, q: tf.Tensor) => tf.matMul(p, q, ta, tb);
      const [ga, gb] = tf.grads((p: tf.Tensor, q: tf.Tensor) => tf.sum(tf.square(f(p, q))))([a, b]);
      return [f(a, b), ga!, gb!];
    },
  })),
  {
    name: 'batched matMul, broadcast batch and transposes (attention shapes)',
    run() {
      const q = values([2, 3, 5, 4], 61);
      const k = values([2, 3, 5, 4], 62);
      const w = values([4, 6], 63);
      const att = tf.matMul(q, k, false, true);
      const bcast = tf.matMul(values([3, 2, 5, 4], 64), values([1, 4, 6], 65));
      const [gq] = tf.grads((p: tf.Tensor) => tf.sum(tf.square(tf.matMul(p, k, false, true))))([q]);
      return [att, bcast, tf.matMul(tf.reshape<tf.Rank.R2>(q, [30, 4]), w), gq!];
    },
  },
  {
    name: 'fused matMul with bias and relu, and a dense layer gradient through it',
    run() {
      const a = values([6, 8], 71) as tf.Tensor2D;
      const b = values([8, 5], 72) as tf.Tensor2D;
      const bias = values([5], 73);
      const y = tf.fused.matMul({ a, b, bias, activation: 'relu' });
      const [ga, gb] = tf.grads((p: tf.Tensor, q: tf.Tensor) =>
        tf.sum(tf.fused.matMul({ a: p, b: q, bias, activation: 'relu', transposeB: false })),
      )([a, b]);
      return [y, ga!, gb!];
    },
  },
];

/** The largest |a − b| relative to the reference's largest magnitude (at least 1). */
export function relativeError(
  got: Float32Array | Int32Array | Uint8Array,
  want: Float32Array | Int32Array | Uint8Array,
): number {
  let scale = 1;
  for (const v of want) scale = Math.max(scale, Math.abs(v));
  let worst = 0;
  for (let i = 0; i < want.length; i++) worst = Math.max(worst, Math.abs(got[i]! - want[i]!));
  return worst / scale;
}
