import { describe, expect, it } from 'vitest';
import { tResult } from '../../../../harness/stats/t-common.js';

describe('tResult', () => {
  it('defines the zero-SE cases instead of returning NaN', () => {
    expect(tResult(0, 0, 4, 'two-sided', 0.95)).toMatchObject({ statistic: 0, pValue: 1, ci: [0, 0] });
    expect(tResult(0, 0, 4, 'greater', 0.95).pValue).toBe(0.5);
    expect(tResult(2, 0, 4, 'greater', 0.95)).toMatchObject({ statistic: Infinity, pValue: 0, ci: [2, Infinity] });
    expect(tResult(-2, 0, 4, 'greater', 0.95).pValue).toBe(1);
    expect(tResult(-2, 0, 4, 'less', 0.95).ci).toEqual([-Infinity, -2]);
  });
  it('splits a two-sided p-value into its one-sided halves', () => {
    const two = tResult(1.3, 0.6, 7.5, 'two-sided', 0.9).pValue;
    const g = tResult(1.3, 0.6, 7.5, 'greater', 0.9).pValue;
    expect(two).toBeCloseTo(2 * g, 14);
  });
});
