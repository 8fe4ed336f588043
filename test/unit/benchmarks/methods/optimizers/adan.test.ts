import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { AdanOptimizer } from '../../../../../benchmarks/methods/optimizers/adan.js';
import { useBackend } from '../../../../helpers/backend.js';
import { expectClose as close, expectTrajectory, fixtures, trajectory } from '../../../../helpers/optimizer-steps.js';

describe('Adan', () => {
  beforeAll(() => useBackend('cpu'));

  it("matches the independent reference for its first steps (paper Algorithm 1, authors' conventions)", () => {
    const f = fixtures.adan!;
    const got = trajectory(new AdanOptimizer(f.config as never));
    expectTrajectory(got, f.thetas);
    // Step 1 by hand: d = 0, m̂ = g, v̂ = 0, n̂ = g², so θ1 = (θ0 − η·sign(g)) / (1 + ηλ).
    close(got[0]![0]!, (1 - 0.1) / (1 + 0.1 * 0.02));
    close(got[0]![1]!, (-2 + 0.1) / (1 + 0.1 * 0.02));
  });

  it('uses the no_prox form when asked: decay before the step', () => {
    const opt = new AdanOptimizer({ learningRate: 0.1, weightDecay: 0.02, noProx: true });
    const [first] = trajectory(opt);
    close(first![0]!, 1 * (1 - 0.1 * 0.02) - 0.1);
  });

  it('resumes bit-identically from getWeights/setWeights', async () => {
    const run = async (split: boolean) => {
      const theta = tf.variable(tf.tensor1d(fixtures.theta0));
      let opt = new AdanOptimizer({ learningRate: 0.05 });
      for (const [k, g] of fixtures.grads.entries()) {
        if (split && k === 2) {
          const saved = await opt.getWeights();
          const copies = saved.map((w) => ({ name: w.name, tensor: w.tensor.clone() }));
          opt.dispose();
          opt = new AdanOptimizer({ learningRate: 0.05 });
          await opt.setWeights(copies);
          copies.forEach((c) => c.tensor.dispose());
        }
        const grad = tf.tensor1d(g);
        opt.applyGradients({ [theta.name]: grad });
        grad.dispose();
      }
      const out = Array.from(theta.dataSync());
      opt.dispose();
      theta.dispose();
      return out;
    };
    expect(await run(true)).toEqual(await run(false));
  });

  it('round-trips its configuration', () => {
    const opt = new AdanOptimizer({ learningRate: 0.01, beta3: 0.995 });
    const copy = AdanOptimizer.fromConfig(AdanOptimizer, opt.getConfig());
    expect(copy.getConfig()).toEqual(opt.getConfig());
  });
});
