import { beforeAll, describe, expect, it } from 'vitest';
import { SgdOptimizer } from '../../../../../benchmarks/methods/optimizers/sgd.js';
import { useBackend } from '../../../../helpers/backend.js';
import { expectTrajectory, fixtures, trajectory } from '../../../../helpers/optimizer-steps.js';

describe('SGD with Nesterov momentum', () => {
  beforeAll(() => useBackend('cpu'));

  it('matches torch.optim.SGD(nesterov=True, weight_decay)', () => {
    const f = fixtures.sgd!;
    expect(f.source).toMatch(/torch\.optim\.SGD/);
    expectTrajectory(trajectory(new SgdOptimizer(f.config as never)), f.thetas);
  });
});
