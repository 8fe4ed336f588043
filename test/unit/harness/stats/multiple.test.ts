import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { benjaminiHochberg, holm } from '../../../../harness/stats/multiple.js';
import { expectClose, expectCode, loadFixture } from './fixtures.js';

interface Case {
  pValues: number[];
  holm: number[];
  bh: number[];
}

describe('holm and benjaminiHochberg', () => {
  it.each(loadFixture<Case>('multiple').map((c) => [c.pValues.join(','), c] as const))(
    'match statsmodels multipletests: %s',
    (_n, c) => {
      holm(c.pValues).forEach((p, i) => expectClose(p, c.holm[i] as number, 1e-12, `holm[${i}]`));
      benjaminiHochberg(c.pValues).forEach((p, i) => expectClose(p, c.bh[i] as number, 1e-12, `bh[${i}]`));
    },
  );

  it('handles the empty family and rejects values outside [0, 1]', () => {
    expect(holm([])).toEqual([]);
    expect(benjaminiHochberg([])).toEqual([]);
    expectCode(() => holm([0.1, 1.2]), 'E_STATS_INPUT');
    expectCode(() => benjaminiHochberg([NaN]), 'E_STATS_INPUT');
  });

  it('property: adjusted p in [raw, 1]; BH <= Holm; order-preserving', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 20 }), (ps) => {
        const h = holm(ps);
        const b = benjaminiHochberg(ps);
        ps.forEach((p, i) => {
          expect(h[i]).toBeGreaterThanOrEqual(p);
          expect(h[i]).toBeLessThanOrEqual(1);
          expect(b[i]).toBeGreaterThanOrEqual(p);
          expect(b[i]).toBeLessThanOrEqual((h[i] as number) + 1e-15);
          ps.forEach((q, j) => {
            if (p < q) {
              expect(h[i]).toBeLessThanOrEqual(h[j] as number);
              expect(b[i]).toBeLessThanOrEqual(b[j] as number);
            }
          });
        });
      }),
    );
  });
});
