import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { initBackend } from '../../../../harness/backends/select.js';
import { loadBlasAddon } from '../../../../harness/backends/blas/addon.js';
import { WASM_KERNELS } from '../../../../harness/backends/kernels/register-wasm.js';
import { CASES, relativeError } from './kernel-cases.js';

/** float32 sums of up to a few hundred products, against tfjs cpu's own float32 order. */
const TOLERANCE = 2e-5;

async function on(
  backend: 'cpu' | 'wasm' | 'blas',
  run: () => tf.Tensor[],
): Promise<{ shapes: number[][]; data: Array<Float32Array | Int32Array | Uint8Array>; leaked: number }> {
  await initBackend(backend);
  expect(tf.getBackend()).toBe(backend);
  const before = tf.memory().numTensors;
  const out = tf.tidy(run);
  const res = { shapes: out.map((t) => t.shape), data: out.map((t) => t.dataSync<'float32' | 'int32' | 'bool'>()) };
  tf.dispose(out);
  return { ...res, leaked: tf.memory().numTensors - before };
}

const blas = loadBlasAddon();
const backends = ['wasm', ...('addon' in blas ? (['blas'] as const) : [])] as const;

describe("the project's kernels agree with tfjs cpu", () => {
  it('registers the kernels wasm lacked or ran slowly', async () => {
    await initBackend('wasm');
    for (const k of WASM_KERNELS) expect(tf.getKernel(k, 'wasm'), k).toBeDefined();
  });

  for (const backend of backends) {
    for (const c of CASES) {
      it(`${backend}: ${c.name}`, async () => {
        const want = await on('cpu', c.run);
        const got = await on(backend, c.run);
        expect(got.shapes).toEqual(want.shapes);
        got.data.forEach((g, i) =>
          expect(relativeError(g, want.data[i]!), `output ${i}`).toBeLessThanOrEqual(TOLERANCE),
        );
        expect(got.leaked).toBe(0);
      });
    }
  }
});
