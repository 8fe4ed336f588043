import { describe, expect, it } from 'vitest';
import * as stats from '../../../../harness/stats/index.js';

describe('reprobench/stats public API', () => {
  it('names every public function', () => {
    for (const name of [
      'welchTTest',
      'pairedTTest',
      'wilcoxonSignedRank',
      'mannWhitneyU',
      'kaplanMeier',
      'logRankTest',
      'tost',
      'holm',
      'benjaminiHochberg',
      'wilsonInterval',
      'bootstrapCI',
      'pairedBootstrapCI',
      'stratifiedBootstrapCI',
      'claimVerdict',
      'referenceVerdict',
      'createSequentialPlan',
      'sequentialDecision',
      'seedsForTTest',
      'seedsForTost',
      'createRng',
      'mean',
      'sd',
      'median',
      'quantile',
      'iqm',
      'geometricMean',
      'probabilityOfSuperiority',
      'medianRatioCI',
      'restrictedMean',
    ]) {
      expect(typeof (stats as Record<string, unknown>)[name], name).toBe('function');
    }
  });
});
