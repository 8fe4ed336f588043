import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { wilcoxonSignedRank, type WilcoxonOptions } from '../../../../harness/stats/wilcoxon.js';
import type { Alternative } from '../../../../harness/stats/validate.js';
import { expectClose, expectCode, loadFixture } from './fixtures.js';

interface Case {
  name: string;
  a: number[];
  b: number[];
  alternative: Alternative;
  method: 'exact' | 'asymptotic' | 'auto';
  zeroMethod: WilcoxonOptions['zeroMethod'];
  correction: boolean;
  statistic: number;
  pValue: number;
}

describe('wilcoxonSignedRank', () => {
  const cases = loadFixture<Case>('wilcoxon');
  it.each(cases.map((c) => [`${c.name} ${c.method} ${c.alternative} ${c.zeroMethod} cc=${c.correction}`, c] as const))(
    'matches scipy wilcoxon: %s',
    (_n, c) => {
      const r = wilcoxonSignedRank(c.a, c.b, {
        alternative: c.alternative,
        method: c.method,
        zeroMethod: c.zeroMethod,
        correction: c.correction,
      });
      expectClose(r.statistic, c.statistic, 1e-6, 'statistic');
      expectClose(r.pValue, c.pValue, 1e-6, 'pValue');
    },
  );

  it("'auto' avoids the exact null when |differences| are tied", () => {
    expect(wilcoxonSignedRank([1, 2, 3, 5], [0, 1, 1, 4]).method).toBe('asymptotic');
    expect(wilcoxonSignedRank([1, 2, 3, 5], [0, 0, 0, 4.5]).method).toBe('exact');
  });

  it('rejects bad input with coded errors', () => {
    expectCode(() => wilcoxonSignedRank([], []), 'E_STATS_INPUT');
    expectCode(() => wilcoxonSignedRank([1, 2], [1]), 'E_STATS_INPUT');
    expectCode(() => wilcoxonSignedRank([1, NaN], [1, 2]), 'E_STATS_INPUT');
  });

  it('property: p in [0,1]; swapping arms mirrors the one-sided p-values', () => {
    const pair = fc
      .integer({ min: 1, max: 20 })
      .chain((n) =>
        fc.tuple(
          fc.array(fc.integer({ min: -20, max: 20 }), { minLength: n, maxLength: n }),
          fc.array(fc.integer({ min: -20, max: 20 }), { minLength: n, maxLength: n }),
        ),
      );
    fc.assert(
      fc.property(pair, ([a, b]) => {
        const g = wilcoxonSignedRank(a, b, { alternative: 'greater' });
        const l = wilcoxonSignedRank(b, a, { alternative: 'less' });
        expect(g.pValue).toBeGreaterThanOrEqual(0);
        expect(g.pValue).toBeLessThanOrEqual(1);
        expect(g.pValue).toBeCloseTo(l.pValue, 12);
        const t = wilcoxonSignedRank(a, b);
        expect(t.pValue).toBeCloseTo(wilcoxonSignedRank(b, a).pValue, 12);
      }),
      { numRuns: 200 },
    );
  });
});
