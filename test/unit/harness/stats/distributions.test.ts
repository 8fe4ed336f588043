import { describe, expect, it } from 'vitest';
import {
  chiSquareSf,
  normCdf,
  normQuantile,
  normSf,
  studentTCdf,
  studentTQuantile,
  studentTSf,
} from '../../../../harness/stats/distributions.js';
import { expectClose } from './fixtures.js';

// Reference values from scipy.stats (t.sf, norm.sf, chi2.sf, *.ppf), Debian scipy 1.10.1.
describe('distributions', () => {
  it('keeps relative precision in far tails', () => {
    expectClose(studentTSf(10, 5), 8.547378787148179e-5, 1e-9);
    expectClose(studentTSf(40, 30), 6.863022597203181e-28, 1e-6);
    expectClose(normSf(10), 7.61985302416047e-24, 1e-9);
    expectClose(chiSquareSf(100, 2), 1.9287498479639183e-22, 1e-9);
    expectClose(chiSquareSf(3.84, 1), 0.05004352124870519, 1e-9);
  });
  it('quantiles invert the CDFs', () => {
    expectClose(studentTQuantile(0.975, 7.3), 2.345066736150929, 1e-9);
    expect(studentTCdf(studentTQuantile(0.9, 3.5), 3.5)).toBeCloseTo(0.9, 12);
    expect(normCdf(normQuantile(0.025))).toBeCloseTo(0.025, 14);
    expect(studentTCdf(Infinity, 3)).toBe(1);
    expect(studentTCdf(-Infinity, 3)).toBe(0);
    expect(chiSquareSf(0, 3)).toBe(1);
  });
});
