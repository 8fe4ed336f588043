import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { geometricMean, iqm, mean, median, quantile, sd, summarize } from '../../../../harness/stats/descriptives.js';
import { expectClose, expectCode, loadFixture } from './fixtures.js';

interface Case {
  name: string;
  x: number[];
  mean: number;
  sd: number | null;
  median: number;
  iqm: number;
  geometricMean: number;
  quantiles: Record<string, number>;
}

describe('descriptives', () => {
  it.each(loadFixture<Case>('descriptives').map((c) => [c.name, c] as const))('match numpy/scipy: %s', (_n, c) => {
    expectClose(mean(c.x), c.mean, 1e-12, 'mean');
    if (c.sd === null) expectCode(() => sd(c.x), 'E_STATS_INPUT');
    else expectClose(sd(c.x), c.sd, 1e-12, 'sd');
    expectClose(median(c.x), c.median, 1e-12, 'median');
    expectClose(iqm(c.x), c.iqm, 1e-12, 'iqm');
    expectClose(geometricMean(c.x), c.geometricMean, 1e-12, 'gmean');
    for (const [p, q] of Object.entries(c.quantiles)) expectClose(quantile(c.x, Number(p)), q, 1e-12, `q${p}`);
  });

  it('rejects empty, NaN and (for the geometric mean) non-positive input', () => {
    expectCode(() => mean([]), 'E_STATS_INPUT');
    expectCode(() => median([1, NaN]), 'E_STATS_INPUT');
    expectCode(() => geometricMean([1, 0]), 'E_STATS_INPUT');
    expectCode(() => quantile([1, 2], 1.5), 'E_STATS_INPUT');
    expectCode(() => summarize([]), 'E_STATS_INPUT');
  });

  it('summarize handles one value and all-equal values without NaN', () => {
    expect(summarize([4])).toEqual({ n: 1, mean: 4, sd: 0, median: 4, iqm: 4, min: 4, max: 4, quartiles: [4, 4] });
    expect(summarize([2, 2, 2]).sd).toBe(0);
  });

  it('geometric mean does not overflow on long samples of large values', () => {
    expect(geometricMean(Array.from({ length: 400 }, () => 1e6))).toBeCloseTo(1e6, 3);
  });

  it('property: shift equivariance of location statistics, quantiles monotone', () => {
    const xs = fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(xs, fc.double({ min: -1e3, max: 1e3, noNaN: true }), (x, s) => {
        const y = x.map((v) => v + s);
        expect(mean(y)).toBeCloseTo(mean(x) + s, 6);
        expect(median(y)).toBeCloseTo(median(x) + s, 6);
        expect(iqm(y)).toBeCloseTo(iqm(x) + s, 6);
        expect(quantile(x, 0.25)).toBeLessThanOrEqual(quantile(x, 0.75));
      }),
    );
  });
});
