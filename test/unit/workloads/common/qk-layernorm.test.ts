import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../../../harness/rng.js';
import { createTinyTransformer, type TinyTransformerShape } from '../../../../workloads/common/tiny-transformer.js';
import { useBackend } from '../../../helpers/backend.js';

type Nested = number | Nested[];
interface Pass {
  logits: number[][];
  grads: Record<string, Nested>;
}
/** The block in torch (float64), F.layer_norm over each head's queries and keys: scripts/fixtures/qk_layernorm_reference.py. */
const fixture = JSON.parse(readFileSync(new URL('../../../fixtures/qk-layernorm.json', import.meta.url), 'utf8')) as {
  shape: TinyTransformerShape;
  examples: number[][];
  targets: number[];
  params: Record<string, Nested>;
  plain: Pass;
  qk: Pass;
};
const NAMES = [
  'tok',
  'pos',
  'g1',
  'b1',
  'wqkv',
  'bqkv',
  'wo',
  'bo',
  'g2',
  'b2',
  'w1',
  'bf1',
  'w2',
  'bf2',
  'gf',
  'bf',
  'wout',
  'bout',
];
NAMES.push('qg', 'qb', 'kg', 'kb');

function close(actual: Nested, expected: Nested, tol: number, what: string) {
  const a = ([actual] as unknown[]).flat(Infinity) as number[];
  const e = ([expected] as unknown[]).flat(Infinity) as number[];
  expect(a.length, what).toBe(e.length);
  const worst = Math.max(...a.map((v, i) => Math.abs(v - e[i]!)));
  expect(worst, what).toBeLessThan(tol);
}

/** A model with the fixture's weights; its logits and the gradients of the mean cross-entropy (nats). */
function run(qkLayerNorm: boolean) {
  const model = createTinyTransformer(new Rng('c'.repeat(32)), { ...fixture.shape, qkLayerNorm });
  expect(model.params).toHaveLength(qkLayerNorm ? 22 : 18);
  model.params.forEach((p, i) => p.assign(tf.tensor(fixture.params[NAMES[i]!]!, p.shape)));
  const { vocab } = fixture.shape;
  const x = tf.tensor2d(
    fixture.examples.map((ids) => ids.flatMap((t) => Array.from({ length: vocab }, (_, k) => (k === t ? 1 : 0)))),
  );
  const y = tf.oneHot(tf.tensor1d(fixture.targets, 'int32'), vocab).toFloat();
  const logits = model.apply(x).arraySync();
  const forward = (t: tf.Tensor2D) => (model.applyTrain ? model.applyTrain(t) : model.apply(t));
  const { grads } = tf.variableGrads(
    () => tf.losses.softmaxCrossEntropy<tf.Tensor, tf.Scalar>(y, forward(x)),
    model.params,
  );
  const byName = Object.fromEntries(model.params.map((p, i) => [NAMES[i]!, grads[p.name]!.arraySync() as Nested]));
  tf.dispose([x, y, ...Object.values(grads), ...model.params]);
  return { logits, grads: byName, hasTrainPath: model.applyTrain !== undefined };
}

describe('qk-layernorm in the tiny transformer', () => {
  beforeAll(() => useBackend('cpu'));

  for (const [key, qk] of [
    ['qk', true],
    ['plain', false],
  ] as const) {
    it(`${qk ? 'with' : 'without'} qk-layernorm: logits and every parameter's gradient match the torch block`, () => {
      const got = run(qk);
      const want = fixture[key];
      close(got.logits, want.logits, 2e-5, 'logits');
      expect(Object.keys(got.grads).sort()).toEqual(Object.keys(want.grads).sort());
      for (const name of Object.keys(want.grads))
        close(got.grads[name]!, want.grads[name]!, 5e-5, `gradient of ${name}`);
      // The option is read (a training path is declared) only when it is on; off, the model is the one it always was.
      expect(got.hasTrainPath).toBe(qk);
    });
  }

  it('changes the outputs, and leaves every other weight of the init stream as it was', () => {
    const diff = Math.max(...fixture.qk.logits.flat().map((v, i) => Math.abs(v - fixture.plain.logits.flat()[i]!)));
    expect(diff).toBeGreaterThan(1e-3);
    const a = createTinyTransformer(new Rng('d'.repeat(32)), { ...fixture.shape, qkLayerNorm: true });
    const b = createTinyTransformer(new Rng('d'.repeat(32)), fixture.shape);
    expect(a.params.slice(0, 18).map((p) => Array.from(p.dataSync()))).toEqual(
      b.params.map((p) => Array.from(p.dataSync())),
    );
    expect(a.params.slice(18).map((p) => Array.from(p.dataSync()))).toEqual([
      [1, 1, 1, 1],
      [0, 0, 0, 0],
      [1, 1, 1, 1],
      [0, 0, 0, 0],
    ]);
    tf.dispose([...a.params, ...b.params]);
  });
});
