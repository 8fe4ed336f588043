import { describe, expect, it } from 'vitest';
import { simulateSequential } from '../../../../harness/stats/sequential-simulation.js';

describe('simulateSequential (the docs/stats.md simulation, smaller)', () => {
  it('keeps the false-positive rate within alpha + 2·sqrt(alpha(1−alpha)/N) over 2,000 null comparisons and saves seeds under H1 at equal power', () => {
    const r = simulateSequential({ nullComparisons: 2000, alternativeComparisons: 1000, seed: 7 });
    expect(r.null.comparisons).toBe(2000);
    expect(r.null.reproducedRate).toBeLessThanOrEqual(r.falsePositiveBound);
    // Equal power: within 3 binomial SDs (≈ 0.04 at 1,000 runs) of the fixed design's.
    expect(Math.abs(r.alternative.reproducedRate - r.alternative.fixedRejectionRate)).toBeLessThan(0.04);
    expect(r.seedsSaved.alternative).toBeGreaterThan(0.1);
    // Under H0 the margin lets most runs stop early as "not reproduced".
    expect(r.null.stoppedAgainstRate).toBeGreaterThan(0.5);
  });
});
