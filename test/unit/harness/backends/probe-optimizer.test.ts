import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { probeRun, setProbeOptimizer } from '../../../../harness/backends/probe-models.js';
import type { TrainingOptimizer } from '../../../../harness/core/optimizer.js';

// This file loads no built-ins: the probe's optimizer is what the composition root (or this test) sets.
describe("the backend probe's optimizer", () => {
  const model = () => {
    const w = tf.variable(tf.ones([2, 1]));
    const x = tf.ones([3, 2]);
    return { params: [w], loss: () => tf.sum<tf.Scalar>(tf.matMul(x, w)), dispose: () => tf.dispose([w, x]) };
  };

  it('is refused when nothing set it, rather than timing another optimizer', () => {
    const m = model();
    expect(() => probeRun(m.params, m.loss, m.dispose)).toThrow(expect.objectContaining({ code: 'E_INTERNAL' }));
    m.dispose();
  });

  it('is the one set: every probe step applies its update', async () => {
    const applied: number[] = [];
    const sgd = tf.train.sgd(0.1);
    const opt: TrainingOptimizer = {
      learningRate: 0.1,
      applyGradients: (g) => {
        applied.push(Object.keys(g).length);
        sgd.applyGradients(g);
      },
      dispose: () => sgd.dispose(),
    };
    setProbeOptimizer(() => opt);
    const m = model();
    const run = probeRun(m.params, m.loss, m.dispose);
    const before = m.params[0]!.dataSync()[0]!;
    await run.step();
    await run.step();
    expect(applied).toEqual([1, 1]);
    // d/dw of sum(x·w) is 3 per weight: two SGD steps of 0.1 take 0.6 off.
    expect(m.params[0]!.dataSync()[0]).toBeCloseTo(before - 0.6, 6);
    run.dispose();
  });
});
