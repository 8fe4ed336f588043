import { beforeAll, describe, expect, it } from 'vitest';
import { SgdOptimizer } from '../../../../../benchmarks/methods/optimizers/sgd.js';
import { useBackend } from '../../../../helpers/backend.js';
import { fixtures, trajectory } from '../../../../helpers/optimizer-steps.js';

const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(b)));

describe('SGD with Nesterov momentum', () => {
  beforeAll(() => useBackend('cpu'));

  it('matches torch.optim.SGD(nesterov=True, weight_decay)', () => {
    const f = fixtures.sgd!;
    expect(f.source).toMatch(/torch\.optim\.SGD/);
    trajectory(new SgdOptimizer(f.config as never)).forEach((row, i) => row.forEach((v, j) => close(v, f.thetas[i]![j]!)));
  });
});
