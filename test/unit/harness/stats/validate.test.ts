import { describe, expect, it } from 'vitest';
import {
  requireAlternative,
  requireFinite,
  requireInteger,
  requireProbability,
  requireSameLength,
} from '../../../../harness/stats/validate.js';
import { expectCode } from './fixtures.js';

describe('input guards', () => {
  it('accept good input', () => {
    expect(() => requireFinite([1, 2], 'x', 2)).not.toThrow();
    expect(() => requireProbability(0.5, 'p')).not.toThrow();
    expect(() => requireInteger(3, 'k', 0, 5)).not.toThrow();
    expect(() => requireAlternative('less')).not.toThrow();
  });
  it('refuse bad input with E_STATS_INPUT and a hint', () => {
    expectCode(() => requireFinite([], 'x'), 'E_STATS_INPUT');
    expectCode(() => requireFinite([1], 'x', 2), 'E_STATS_INPUT');
    expectCode(() => requireFinite([1, Infinity], 'x'), 'E_STATS_INPUT');
    expectCode(() => requireFinite('1,2' as unknown as number[], 'x'), 'E_STATS_INPUT');
    expectCode(() => requireProbability(1, 'p'), 'E_STATS_INPUT');
    expectCode(() => requireInteger(2.5, 'k', 0), 'E_STATS_INPUT');
    expectCode(() => requireSameLength([1], [1, 2], 'pairs'), 'E_STATS_INPUT');
    expectCode(() => requireAlternative('both'), 'E_STATS_INPUT');
  });
});
