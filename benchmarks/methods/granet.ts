import { defineMethod, type HParams } from '../../harness/core/method.js';
import { ReprobenchError } from '../../harness/errors.js';
import { MaskedSgdOptimizer } from './optimizers/masked-sgd.js';
import { scheduledLearningRate } from './schedules.js';

const GRANET_PAPER = {
  title:
    'Sparse Training via Boosting Pruning Plasticity with Neuroregeneration (Liu et al., NeurIPS 2021); ' +
    'code: github.com/Shiweiliuiiiiiii/GraNet CIFAR/sparselearning/core.py',
  url: 'https://arxiv.org/abs/2106.10404',
};

/**
 * Shared defaults: the code's SGD (Nesterov momentum 0.9) and its GraNet settings (prune rate 0.5
 * cosine-decayed to 0.005, dense start); the step counts suit a 1,200-step budget (events every 50
 * steps, pruning over the first two thirds, as the code's 110 of 160 epochs).
 */
const HPARAMS = {
  learningRate: 0.05,
  momentum: 0.9,
  nesterov: true,
  weightDecay: 0,
  schedule: 'cosine',
  warmupFraction: 0.02,
  pruneEvery: 50,
  pruneStart: 0,
  pruneEnd: 800,
  initDensity: 1,
  finalDensity: 0.02,
  regrowRate: 0.5,
  regrowHorizon: 1200,
  regrowFloor: 0.005,
};

/** The masked optimizer from a trial's hparams, checked first (bad settings would prune nothing or everything). */
function maskedSgd(hp: HParams, regrow: boolean): MaskedSgdOptimizer {
  const n = (k: keyof typeof HPARAMS) => Number(hp[k]);
  const every = n('pruneEvery');
  const problems = [
    !(Number.isInteger(every) && every > 0) && `pruneEvery ${hp.pruneEvery} is not a positive whole number of steps`,
    !(n('pruneStart') >= 0 && n('pruneEnd') - n('pruneStart') >= every) &&
      `pruneEnd ${hp.pruneEnd} must be at least one event (${every} steps) after pruneStart ${hp.pruneStart} ≥ 0`,
    !(n('finalDensity') > 0 && n('finalDensity') <= n('initDensity') && n('initDensity') <= 1) &&
      `densities must satisfy 0 < finalDensity (${hp.finalDensity}) ≤ initDensity (${hp.initDensity}) ≤ 1`,
    !(n('regrowHorizon') > 0 && n('regrowRate') >= 0 && n('regrowRate') < 1) &&
      `regrowRate ${hp.regrowRate} must be in [0, 1) and regrowHorizon ${hp.regrowHorizon} positive`,
  ].filter(Boolean);
  if (problems.length > 0)
    throw new ReprobenchError('E_BAD_CONFIG', `masked training: ${problems.join('; ')}`, 'fix the card’s hparams');
  return new MaskedSgdOptimizer({
    learningRate: n('learningRate'),
    momentum: n('momentum'),
    nesterov: Boolean(hp.nesterov),
    weightDecay: n('weightDecay'),
    every,
    start: n('pruneStart'),
    end: n('pruneEnd'),
    initDensity: n('initDensity'),
    finalDensity: n('finalDensity'),
    regrowRate: n('regrowRate'),
    regrowHorizon: n('regrowHorizon'),
    regrowFloor: n('regrowFloor'),
    regrow,
  });
}

/** Gradual magnitude pruning (Zhu & Gupta 2017) as GraNet's code runs it (`--method GMP`): the baseline. */
export const gmp = defineMethod({
  id: 'gmp',
  version: 1,
  title: 'Gradual magnitude pruning (GMP)',
  description:
    'SGD + Nesterov with masks on every weight matrix: every pruneEvery steps from pruneStart to pruneEnd, global magnitude ' +
    'pruning to the cubic sparsity schedule (1 − initDensity → 1 − finalDensity); masks re-applied after every step.',
  reference: GRANET_PAPER,
  hparams: HPARAMS,
  searchSpace: { learningRate: { min: 1e-3, max: 1, scaling: 'log' } },
  createOptimizer: (hp) => maskedSgd(hp, false),
  learningRate: scheduledLearningRate,
});

/** GraNet (`--method GraNet --growth gradient`): GMP plus zero-cost neuroregeneration at every event. */
export const granet = defineMethod({
  id: 'granet',
  version: 1,
  title: 'GraNet: gradual pruning with zero-cost neuroregeneration',
  description:
    'GMP plus, at every event (also after pruning ends), per weight matrix: remove a fraction (regrowRate, cosine-decayed to ' +
    'regrowFloor over regrowHorizon steps) more of the smallest weights and reactivate as many by the largest dense gradient.',
  reference: GRANET_PAPER,
  hparams: HPARAMS,
  searchSpace: { learningRate: { min: 1e-3, max: 1, scaling: 'log' } },
  createOptimizer: (hp) => maskedSgd(hp, true),
  learningRate: scheduledLearningRate,
});
