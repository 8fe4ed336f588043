import * as tf from '@tensorflow/tfjs';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadBlasAddon } from '../../../../harness/backends/blas/addon.js';
import { KERNELS_WASM_PATH, type ProjectWasm } from '../../../../harness/backends/kernels/wasm-module.js';
import { initBackend, numericsClassOf } from '../../../../harness/backends/select.js';
import { Rng } from '../../../../harness/rng.js';
// @ts-expect-error: a plain .mjs build script, no types
import { sectionIds } from '../../../../native/wasm/build.mjs';

const blasLoaded = loadBlasAddon();

function randomArray(n: number, seed: number): Float32Array {
  const rng = new Rng(seed.toString(16).padStart(32, '0'));
  return Float32Array.from({ length: n }, () => rng.normal());
}

/** op(A)·op(B) by the definition: each output summed over k in order, every step rounded to float32. */
function naiveProduct(
  a: Float32Array,
  b: Float32Array,
  M: number,
  N: number,
  K: number,
  ta: boolean,
  tb: boolean,
): Float32Array {
  const c = new Float32Array(M * N);
  for (let i = 0; i < M; i++) {
    for (let j = 0; j < N; j++) {
      let s = 0;
      for (let k = 0; k < K; k++) {
        const x = ta ? a[k * M + i]! : a[i * K + k]!;
        const y = tb ? b[j * K + k]! : b[k * N + j]!;
        s = Math.fround(s + Math.fround(x * y));
      }
      c[i * N + j] = s;
    }
  }
  return c;
}

// Shapes around the register tile (4×8) and the k block (256), with every transpose pair.
const PRODUCTS: Array<[number, number, number]> = [
  [1, 1, 1],
  [4, 8, 16],
  [5, 9, 3],
  [13, 31, 7],
  [128, 10, 256],
  [7, 17, 257],
  [33, 12, 600],
  [2, 3, 0],
];

describe("the project's wasm products (native/wasm/gemm.c)", () => {
  it("wasm's numerics class names kernel set 4, cpu's stays at 2", () => {
    expect(numericsClassOf('wasm')).toBe('wasm-tfjs4.22.0-k4');
    expect(numericsClassOf('cpu')).toBe('cpu-tfjs4.22.0-k2');
  });

  for (const [M, N, K] of PRODUCTS) {
    for (const [ta, tb] of [
      [false, false],
      [true, false],
      [false, true],
      [true, true],
    ] as const) {
      it(`${M}×${K}·${K}×${N} transposeA=${ta} transposeB=${tb}: bit-identical to the float32 loop in k order`, async () => {
        await initBackend('wasm');
        const a = randomArray(M * K, M * 1000 + K);
        const b = randomArray(K * N, N * 1000 + K + 1);
        const at = tf.tensor2d(a, ta ? [K, M] : [M, K]);
        const bt = tf.tensor2d(b, tb ? [N, K] : [K, N]);
        const c = tf.matMul(at, bt, ta, tb);
        expect(c.shape).toEqual([M, N]);
        expect(Buffer.from((await c.data()).buffer)).toEqual(Buffer.from(naiveProduct(a, b, M, N, K, ta, tb).buffer));
        tf.dispose([at, bt, c]);
      });
    }
  }

  // Batch shapes: equal (the transformer's [B,H,T,d]), one side a single matrix, a suffix, and
  // broadcasts tfjs's own modulo pairing gets wrong; and an empty batch.
  const BATCHES: Array<[number[], number[]]> = [
    [
      [2, 3],
      [2, 3],
    ],
    [[4], [1]],
    [[2, 3], [3]],
    [
      [3, 1],
      [1, 3],
    ],
    [[2, 1], [3]],
    [
      [2, 1, 2],
      [1, 3, 1],
    ],
    [[0], [1]],
    [[2, 0], [1]],
  ];
  for (const [da, db] of BATCHES) {
    for (const [ta, tb] of [
      [false, false],
      [true, true],
    ] as const) {
      it(`batch dims ${JSON.stringify(da)}·${JSON.stringify(db)} transposeA=${ta} transposeB=${tb}: NumPy broadcasting, each member bit-identical to the loop`, async () => {
        const [M, N, K] = [5, 6, 7];
        const a = randomArray(tf.util.sizeFromShape(da) * M * K, 11);
        const b = randomArray(tf.util.sizeFromShape(db) * K * N, 12);
        const aShape = [...da, ...(ta ? [K, M] : [M, K])];
        const bShape = [...db, ...(tb ? [N, K] : [K, N])];
        const outer = tf.backend_util.assertAndGetBroadcastShape(da, db);
        // The reference: batch members materialised by tfjs cpu's broadcastTo (data movement
        // only), then the loop per member.
        await initBackend('cpu');
        const aFull = tf.broadcastTo(tf.tensor(a, aShape), [...outer, ...aShape.slice(-2)]).dataSync() as Float32Array;
        const bFull = tf.broadcastTo(tf.tensor(b, bShape), [...outer, ...bShape.slice(-2)]).dataSync() as Float32Array;
        const members = tf.util.sizeFromShape(outer);
        const want = new Float32Array(members * M * N);
        for (let i = 0; i < members; i++) {
          want.set(
            naiveProduct(
              aFull.subarray(i * M * K, (i + 1) * M * K),
              bFull.subarray(i * K * N, (i + 1) * K * N),
              M,
              N,
              K,
              ta,
              tb,
            ),
            i * M * N,
          );
        }
        await initBackend('wasm');
        const c = tf.matMul(tf.tensor(a, aShape), tf.tensor(b, bShape), ta, tb);
        expect(c.shape).toEqual([...outer, M, N]);
        expect(Array.from(await c.data())).toEqual(Array.from(want));
        if ('addon' in blasLoaded) {
          // blas shares the broadcasting (OpenBLAS sums in its own order: close, not bit-equal).
          await initBackend('blas');
          const got = await tf.matMul(tf.tensor(a, aShape), tf.tensor(b, bShape), ta, tb).data();
          expect(got.length).toBe(want.length);
          want.forEach((w, i) =>
            expect(Math.abs(got[i]! - w), `element ${i}`).toBeLessThanOrEqual(1e-5 * (1 + Math.abs(w))),
          );
        }
      });
    }
  }

  it('batched and broadcast products (attention shapes) match the loop per batch member', async () => {
    await initBackend('wasm');
    const [B, M, N, K] = [3, 6, 5, 4];
    const a = randomArray(B * M * K, 1);
    const b = randomArray(K * N, 2);
    const c = await tf.matMul(tf.tensor3d(a, [B, M, K]), tf.tensor3d(b, [1, N, K]), false, true).data();
    for (let i = 0; i < B; i++) {
      const want = naiveProduct(a.subarray(i * M * K, (i + 1) * M * K), b, M, N, K, false, true);
      expect(Array.from(c.subarray(i * M * N, (i + 1) * M * N))).toEqual(Array.from(want));
    }
  });

  it('writes only its outputs and its scratch: every other byte of a sentinel-filled memory is unchanged (no C stack, no data)', () => {
    const memory = new WebAssembly.Memory({ initial: 64 });
    const k = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(KERNELS_WASM_PATH)), { env: { memory } })
      .exports as unknown as ProjectWasm;
    const bytes = new Uint8Array(memory.buffer);
    const f32 = new Float32Array(memory.buffer);
    bytes.fill(0xa5);
    // [M, N, K, transA, transB]: past the 256-row and 256-k blocks, ragged tiles.
    const [M, N, K] = [300, 13, 600];
    const A = 4096,
      B = A + M * K * 4,
      C = B + K * N * 4 + 4096,
      S = C + 2 * M * N * 4 + 4096;
    f32.set(randomArray(M * K, 21), A / 4);
    f32.set(randomArray(K * N, 22), B / 4);
    const scratch = k.gemm_scratch_bytes(M, N, K);
    const P = S + scratch + 4096,
      n = 1001;
    for (let q = 0; q < 4; q++)
      f32.set(q === 3 ? randomArray(n, 30).map(Math.abs) : randomArray(n, 30 + q), P / 4 + q * n);
    const O = P + 4 * n * 4 + 4096;
    const before = bytes.slice();
    k.gemm(1, 0, M, N, K, A, B, C, 1, 0, 0, 0, S);
    k.gemm(0, 1, M, N, K, A, B, C + M * N * 4, 1, 0, 0, 0, S);
    k.adamw(
      P,
      P + 4 * n,
      P + 8 * n,
      P + 12 * n,
      O,
      O + 4 * n,
      O + 8 * n,
      n,
      1,
      0.999,
      0.9,
      0.1,
      0.999,
      0.001,
      0.5,
      1e-8,
      0.01,
      1,
    );
    // The other kernels, each into its own output block after O: Adan (4 outputs), SGD (2), the
    // column sum, row copies, gathered rows, tanh. Inputs are the same n-float blocks at P.
    const Q = O + 12 * n + 4096;
    k.adan(
      P,
      P + 4 * n,
      P,
      P + 8 * n,
      P + 4 * n,
      P + 12 * n,
      Q,
      Q + 4 * n,
      Q + 8 * n,
      Q + 12 * n,
      n,
      0,
      0.98,
      0.02,
      0.92,
      0.08,
      0.99,
      0.01,
      0.5,
      1e-8,
      0.01,
      0.02,
      2,
      1.001,
    );
    const R = Q + 16 * n;
    k.sgd(P, P + 4 * n, P + 8 * n, R, R + 4 * n, n, 1, 1e-4, 0, 0.9, 1, 0.05);
    const T = R + 8 * n;
    k.sum_middle(P, T, 1, 7, 143); // 7 × 143 = 1001 = n
    k.copy_rows(P, T + 4 * 143, 7, 60, 143, 60);
    const idx = T + 4 * (143 + 420);
    new Int32Array(memory.buffer, idx, 3).set([6, 0, 3]);
    k.gather_rows(P, idx, idx + 12, 3, 143);
    const th = idx + 12 + 4 * 3 * 143;
    k.tanh_f32(P, th, n);
    k.exp_f32(P, th + 4 * n, n);
    const writable = [
      [C, C + 2 * M * N * 4],
      [S, S + scratch],
      [O, O + 12 * n],
      [Q, th + 8 * n],
    ] as const;
    let outside = 0;
    for (let i = 0; i < bytes.length; i++) {
      if (bytes[i] !== before[i] && !writable.some(([lo, hi]) => i >= lo && i < hi)) outside++;
    }
    expect(outside).toBe(0);
    expect(scratch).toBeLessThan(300 * 1024); // bounded by the row and k blocks, whatever M and K
    // It did write: both products and the three update outputs differ from the sentinel.
    for (const at of [
      C,
      C + M * N * 4,
      O,
      O + 4 * n,
      O + 8 * n,
      Q,
      Q + 4 * n,
      Q + 8 * n,
      Q + 12 * n,
      R,
      R + 4 * n,
      T,
      T + 4 * 143,
      idx + 12,
      th,
      th + 4 * n,
    ])
      expect(Array.from(bytes.subarray(at, at + 8))).not.toEqual(Array.from(before.subarray(at, at + 8)));
  });

  it("the module owns nothing in tfjs's heap: it imports the memory, has no data section, exports only functions", () => {
    const bytes = readFileSync(KERNELS_WASM_PATH);
    const mod = new WebAssembly.Module(bytes);
    expect(WebAssembly.Module.imports(mod)).toEqual([{ module: 'env', name: 'memory', kind: 'memory' }]);
    expect(
      WebAssembly.Module.exports(mod)
        .map((e) => `${e.name}:${e.kind}`)
        .sort(),
    ).toEqual(
      [
        'adamw',
        'adan',
        'copy_rows',
        'exp_f32',
        'gather_rows',
        'gemm',
        'gemm_scratch_bytes',
        'sgd',
        'sum_middle',
        'tanh_f32',
      ].map((n) => `${n}:function`),
    );
    expect(sectionIds(bytes)).not.toContain(11);
  });
});
