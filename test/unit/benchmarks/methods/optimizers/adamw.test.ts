import { beforeAll, describe, expect, it } from 'vitest';
import { AdamWOptimizer } from '../../../../../benchmarks/methods/optimizers/adamw.js';
import { useBackend } from '../../../../helpers/backend.js';
import { expectTrajectory, fixtures, trajectory } from '../../../../helpers/optimizer-steps.js';

describe('AdamW and NAdamW', () => {
  beforeAll(() => useBackend('cpu'));

  it('AdamW matches torch.optim.AdamW', () => {
    const f = fixtures.adamw!;
    expect(f.source).toMatch(/torch\.optim\.AdamW/);
    expectTrajectory(trajectory(new AdamWOptimizer(f.config as never)), f.thetas);
  });

  it('NAdamW matches the AlgoPerf baseline update', () => {
    const f = fixtures.nadamw!;
    expectTrajectory(trajectory(new AdamWOptimizer(f.config as never)), f.thetas);
  });
});
