import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { WEIGHT_DECAYS, weightDecayId, weightDecayMethods } from '../../../../benchmarks/methods/weight-decay.js';
import type { TrainingOptimizer } from '../../../../harness/core/optimizer.js';
import { isCommandMethod } from '../../../../harness/core/method.js';
import { useBackend } from '../../../helpers/backend.js';
import { expectTrajectory } from '../../../helpers/optimizer-steps.js';

/** torch.optim.AdamW at λ = 0.1, 1, 3 with the rate changed before each step (test/fixtures/weight-decay/adamw_high_decay.py). */
const ref = JSON.parse(
  readFileSync(
    join(import.meta.dirname, '..', '..', '..', 'fixtures', 'weight-decay', 'adamw-high-decay.json'),
    'utf8',
  ),
) as {
  source: string;
  theta0: number[];
  grads: number[][];
  lrs: number[];
  runs: Array<{ weightDecay: number; thetas: number[][] }>;
};

/** θ after each fixed gradient, the optimizer's rate set to the step's scheduled rate first (as the train loop does). */
function scheduled(opt: TrainingOptimizer): number[][] {
  const theta = tf.variable(tf.tensor1d(ref.theta0));
  const out: number[][] = [];
  ref.grads.forEach((g, i) => {
    opt.learningRate = ref.lrs[i]!;
    const grad = tf.tensor1d(g);
    opt.applyGradients({ [theta.name]: grad });
    grad.dispose();
    out.push(Array.from(theta.dataSync()));
  });
  opt.dispose();
  theta.dispose();
  return out;
}

describe.each(['cpu', 'wasm'] as const)('weight-decay methods on %s', (backend) => {
  beforeAll(() => useBackend(backend));

  it('decay as torch.optim.AdamW does at λ = 0.1, 1 and 3, with the step’s scheduled rate', () => {
    expect(ref.source).toMatch(/torch\.optim\.AdamW/);
    expect(ref.runs.map((r) => r.weightDecay)).toEqual([...WEIGHT_DECAYS]);
    for (const run of ref.runs) {
      const m = weightDecayMethods.find((d) => d.id === weightDecayId(run.weightDecay))!;
      if (isCommandMethod(m)) throw new Error('a weight-decay method must be a tfjs method');
      expect(m.hparams.weightDecay).toBe(run.weightDecay);
      expectTrajectory(scheduled(m.createOptimizer({ ...m.hparams, learningRate: ref.lrs[0]! })), run.thetas);
    }
  });

  it('shrink the weights by exactly (1 − ηλ) where Adam has nothing to add: 6% at η = 0.02, λ = 3', () => {
    const m = weightDecayMethods.find((d) => d.id === weightDecayId(3))!;
    if (isCommandMethod(m)) throw new Error('a weight-decay method must be a tfjs method');
    const opt = m.createOptimizer({ ...m.hparams, learningRate: 0.02 });
    const theta = tf.variable(tf.tensor1d([2, -1]));
    const zero = tf.tensor1d([0, 0]);
    opt.applyGradients({ [theta.name]: zero });
    // Adam's first step with a zero gradient: m = v = 0, update 0/(0 + ε) = 0, so only the decay acts.
    const got = Array.from(theta.dataSync());
    expect(got[0]).toBeCloseTo(2 * (1 - 0.02 * 3), 6);
    expect(got[1]).toBeCloseTo(-1 * (1 - 0.02 * 3), 6);
    zero.dispose();
    theta.dispose();
    opt.dispose();
  });
});
