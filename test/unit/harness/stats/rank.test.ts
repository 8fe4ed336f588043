import { describe, expect, it } from 'vitest';
import { rankAverage } from '../../../../harness/stats/rank.js';

describe('rankAverage', () => {
  it('averages tied ranks like scipy.stats.rankdata and reports tie groups', () => {
    expect(rankAverage([10, 20, 10, 30, 20, 20])).toEqual({ ranks: [1.5, 4, 1.5, 6, 4, 4], ties: [2, 3, 1] });
    expect(rankAverage([])).toEqual({ ranks: [], ties: [] });
  });
});
