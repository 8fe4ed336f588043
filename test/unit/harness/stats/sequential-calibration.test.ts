import { describe, expect, it } from 'vitest';
import { calibratedBoundaries } from '../../../../harness/stats/sequential-calibration.js';
import { efficacyBoundaries } from '../../../../harness/stats/sequential-boundaries.js';
import { pairedTTest } from '../../../../harness/stats/paired-t.js';
import { createRng } from '../../../../harness/stats/rng.js';
import { normQuantile } from '../../../../harness/stats/distributions.js';

describe('calibratedBoundaries', () => {
  const seeds = [4, 8, 12, 16, 20];

  it('is deterministic per seed and lies above the normal-theory bounds (t looks need more)', () => {
    const a = calibratedBoundaries(seeds, 20, 0.05, 'obrien-fleming', true, { paths: 20_000, seed: 1 });
    const b = calibratedBoundaries(seeds, 20, 0.05, 'obrien-fleming', true, { paths: 20_000, seed: 1 });
    expect(a).toEqual(b);
    const normal = efficacyBoundaries(
      seeds.map((n) => n / 20),
      0.05,
      'obrien-fleming',
    );
    // Later looks (where spending is not negligible) need higher z for t statistics.
    for (let k = 2; k < seeds.length; k++) expect(a[k] as number).toBeGreaterThan((normal[k] as number) - 0.05);
  });

  it('a single look reduces to the t-test critical value', () => {
    const [b] = calibratedBoundaries([10], 10, 0.05, 'pocock', true, { paths: 100_000, seed: 3 });
    expect(b as number).toBeCloseTo(normQuantile(0.95), 1);
  });

  it('holds the false-positive rate of paired t looks at alpha on fresh null data', () => {
    const b = calibratedBoundaries(seeds, 20, 0.05, 'pocock', true, { paths: 100_000, seed: 7 });
    const rng = createRng(8);
    const M = 6000;
    let hits = 0;
    for (let m = 0; m < M; m++) {
      const d = Array.from({ length: 20 }, () => rng.normal());
      for (let k = 0; k < seeds.length; k++) {
        const n = seeds[k] as number;
        const p = pairedTTest(d.slice(0, n), new Array<number>(n).fill(0), { alternative: 'greater' }).pValue;
        if (-normQuantile(p) >= (b[k] as number)) {
          hits++;
          break;
        }
      }
    }
    // alpha + 2 binomial SDs at M = 6000 (≈ 0.0056).
    expect(hits / M).toBeLessThan(0.05 + 2 * Math.sqrt((0.05 * 0.95) / M));
    expect(hits / M).toBeGreaterThan(0.035);
  });
});
