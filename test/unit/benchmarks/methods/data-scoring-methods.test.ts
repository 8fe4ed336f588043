import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { cyclicalCurriculum } from '../../../../benchmarks/methods/cyclical-curriculum.js';
import { el2nPrune } from '../../../../benchmarks/methods/el2n-prune.js';
import type { DataSelectionContext } from '../../../../harness/core/method.js';
import type { SupervisedData } from '../../../../harness/core/workload.js';
import { childSeed, scoreExamples } from '../../../../benchmarks/methods/example-scores.js';
import { taskLoss } from '../../../../harness/runner/evaluate.js';
import { Rng } from '../../../../harness/rng.js';
import { createMlp } from '../../../../workloads/common/mlp.js';
import { useBackend } from '../../../helpers/backend.js';

const N = 8;
const data: SupervisedData = {
  train: {
    x: Float32Array.from({ length: 2 * N }, (_, i) => Math.sin(i * 1.7) * 2),
    y: Int32Array.from({ length: N }, (_, i) => i % 3),
    n: N,
  },
  valid: { x: new Float32Array(2), y: new Int32Array(1), n: 1 },
  featureSize: 2,
  task: { kind: 'classification', numClasses: 3 },
};
const SEED = '5eed'.repeat(8);
const ctx = (): DataSelectionContext => ({
  data,
  createModel: (rng) => createMlp(rng, [2, 16, 3]),
  loss: (o, y) => taskLoss(data.task, o, y),
  batchSize: 4,
  stepHint: 100,
  rng: new Rng(SEED),
});

/** Scores of the K untrained scoring models the method stream seeds (scoreSteps 0), computed apart from the method. */
async function untrainedScores(kind: 'el2n' | 'loss', models: number): Promise<number[]> {
  const rng = new Rng(SEED);
  const sum = new Array<number>(N).fill(0);
  for (let k = 0; k < models; k++) {
    const m = createMlp(new Rng(childSeed(rng)), [2, 16, 3]);
    childSeed(rng);
    (await scoreExamples(m, data, kind)).forEach((v, i) => (sum[i] = sum[i]! + v));
    tf.dispose(m.params);
  }
  return sum.map((v) => v / models);
}
const rankDesc = (s: number[]) => s.map((_, i) => i).sort((a, b) => s[b]! - s[a]! || a - b);

beforeAll(() => useBackend('cpu'));

describe('el2n-prune', () => {
  it('keeps the keepFraction of rows with the highest mean EL2N over its scoring models', async () => {
    const hp = { ...el2nPrune.hparams, keepFraction: 0.5, scoreModels: 3, scoreSteps: 0 };
    const sel = await el2nPrune.selectData(hp, ctx());
    const want = rankDesc(await untrainedScores('el2n', 3))
      .slice(0, 4)
      .sort((a, b) => a - b);
    expect([...sel.rows]).toEqual(want);
    expect(sel.scoringSteps).toBe(0);
  });

  it('counts K · S scoring steps', async () => {
    const sel = await el2nPrune.selectData(
      { ...el2nPrune.hparams, keepFraction: 0.25, scoreModels: 2, scoreSteps: 3 },
      ctx(),
    );
    expect(sel.scoringSteps).toBe(6);
    expect(sel.rows).toHaveLength(2);
  });
});

describe('cyclical-curriculum', () => {
  it('epoch e holds ⌊N · share(e)⌋ distinct rows, shares 0.25, 0.5, 1, 0.5, 0.25, …; "easiest" takes the lowest-loss rows', async () => {
    const hp = { ...cyclicalCurriculum.hparams, curriculumPick: 'easiest', scoreModels: 1, scoreSteps: 0 };
    const sel = await cyclicalCurriculum.selectData(hp, ctx());
    const easiestFirst = rankDesc(await untrainedScores('loss', 1)).reverse();
    const order = new Rng('0'.repeat(31) + '1');
    const sizes = [2, 4, 8, 4, 2, 4];
    sizes.forEach((k, e) => {
      const rows = [...sel.epochRows(e, order)];
      expect(rows).toHaveLength(k);
      expect([...rows].sort((a, b) => a - b)).toEqual(easiestFirst.slice(0, k).sort((a, b) => a - b));
    });
  });

  it('"sample" draws each epoch\'s share without replacement, differently from epoch to epoch, identically on a rerun', async () => {
    const hp = { ...cyclicalCurriculum.hparams, scoreSteps: 2 };
    const draw = async () => {
      const sel = await cyclicalCurriculum.selectData(hp, ctx());
      const order = new Rng('0'.repeat(31) + '1');
      return Array.from({ length: 9 }, (_, e) => [...sel.epochRows(e, order)]);
    };
    const a = await draw();
    expect(a.map((r) => r.length)).toEqual([2, 4, 8, 4, 2, 4, 8, 4, 2]);
    for (const r of a) expect(new Set(r).size).toBe(r.length);
    expect(a[0]).not.toEqual(a[4]);
    expect(await draw()).toEqual(a);
  });
});
