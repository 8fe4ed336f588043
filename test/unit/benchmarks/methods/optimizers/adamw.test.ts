import { beforeAll, describe, expect, it } from 'vitest';
import { AdamWOptimizer } from '../../../../../benchmarks/methods/optimizers/adamw.js';
import { useBackend } from '../../../../helpers/backend.js';
import { fixtures, trajectory } from '../../../../helpers/optimizer-steps.js';

const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(b)));

describe('AdamW and NAdamW', () => {
  beforeAll(() => useBackend('cpu'));

  it('AdamW matches torch.optim.AdamW', () => {
    const f = fixtures.adamw!;
    expect(f.source).toMatch(/torch\.optim\.AdamW/);
    trajectory(new AdamWOptimizer(f.config as never)).forEach((row, i) => row.forEach((v, j) => close(v, f.thetas[i]![j]!)));
  });

  it('NAdamW matches the AlgoPerf baseline update', () => {
    const f = fixtures.nadamw!;
    trajectory(new AdamWOptimizer(f.config as never)).forEach((row, i) => row.forEach((v, j) => close(v, f.thetas[i]![j]!)));
  });
});
