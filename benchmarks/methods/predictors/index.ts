import type { PredictorDefinition } from '../../../harness/core/predictor.js';
import { lastValue, parametricEnsemble } from './extrapolators.js';
import { lrAnnealingLaw, stepPowerLawPredictor } from './schedule-transfer.js';

/** The built-in predictors: the methods under test of the predictor claims and their baselines. */
export const builtinPredictors: PredictorDefinition[] = [
  lastValue,
  parametricEnsemble,
  lrAnnealingLaw,
  stepPowerLawPredictor,
];
