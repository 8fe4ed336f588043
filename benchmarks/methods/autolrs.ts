import { defineMethod, type HParams } from '../../harness/core/method.js';
import { ReprobenchError } from '../../harness/errors.js';
import type { StagePlanner } from '../../harness/runner/stages.js';
import { forecastLoss } from './exp-forecast.js';
import { BASE, createOptimizer } from './schedule-methods.js';

/** The planner's settings, read from the method's hparams. */
export interface AutoLrsSettings {
  /** η of the first stage's middle candidate (the tuned hyperparameter). */
  initialLr: number;
  /** τ: steps trained at the chosen learning rate per stage. */
  stageSteps: number;
  /** τ′: steps per probe. */
  probeSteps: number;
  /** k: candidates probed per stage. */
  candidates: number;
  /** Ratio between neighbouring candidates. */
  factor: number;
  minLr: number;
  maxLr: number;
}

export function autoLrsSettings(hp: HParams): AutoLrsSettings {
  const s: AutoLrsSettings = {
    initialLr: Number(hp.learningRate),
    stageSteps: Number(hp.stageSteps),
    probeSteps: Number(hp.probeSteps),
    candidates: Number(hp.candidates),
    factor: Number(hp.candidateFactor),
    minLr: Number(hp.minLearningRate),
    maxLr: Number(hp.maxLearningRate),
  };
  const whole = (v: number, min: number) => Number.isInteger(v) && v >= min;
  if (!(
    whole(s.stageSteps, 1) &&
    whole(s.probeSteps, 3) &&
    whole(s.candidates, 1) &&
    s.factor > 1 &&
    s.minLr > 0 &&
    s.maxLr >= s.minLr &&
    s.initialLr > 0
  )) {
    throw new ReprobenchError(
      'E_BAD_CONFIG',
      `autolrs settings out of range: ${JSON.stringify(s)}`,
      'set hparams stageSteps ≥ 1, probeSteps ≥ 3 (an exponential fit needs 3 points), candidates ≥ 1, candidateFactor > 1, 0 < minLearningRate ≤ maxLearningRate, learningRate > 0',
    );
  }
  return s;
}

/** The k candidates of a stage, ascending: centre · factor^(j − (k−1)/2), clamped to [minLr, maxLr], duplicates dropped. */
export function candidateRates(centre: number, s: AutoLrsSettings): number[] {
  const out: number[] = [];
  for (let j = 0; j < s.candidates; j++) {
    const lr = Math.min(s.maxLr, Math.max(s.minLr, centre * s.factor ** (j - (s.candidates - 1) / 2)));
    if (!out.includes(lr)) out.push(lr);
  }
  return out;
}

/**
 * One trial's AutoLRS planner. Each stage probes every candidate for τ′ steps from the stage's
 * start, forecasts its loss τ steps ahead (exp-forecast.ts) and trains the stage at the candidate
 * with the lowest forecast (the first, i.e. the smallest, on a tie); the next stage's candidates
 * centre on it. With one candidate there is nothing to choose: no probes, a constant rate.
 */
export function autoLrsPlanner(hp: HParams): StagePlanner {
  const s = autoLrsSettings(hp);
  let centre = s.initialLr;
  return {
    async plan(ctx) {
      const rates = candidateRates(centre, s);
      if (rates.length > 1) {
        let best = rates[0]!;
        let bestForecast = Infinity;
        for (const lr of rates) {
          const { losses, truncated } = await ctx.probe(lr, s.probeSteps);
          const forecast = forecastLoss(losses, s.stageSteps);
          if (forecast < bestForecast) {
            bestForecast = forecast;
            best = lr;
          }
          if (truncated) break; // the budget is spent: what follows is only the final evaluation
        }
        centre = best;
      } else {
        centre = rates[0]!;
      }
      return { learningRate: centre, steps: s.stageSteps };
    },
  };
}

/**
 * AutoLRS, simplified (Jin et al., "AutoLRS: Automatic Learning-Rate Schedule by Bayesian
 * Optimization on the Fly", ICLR 2021, catalogue #60; checked against the authors' code,
 * github.com/YuchenJin/autolrs, autolrs_server.py and autolrs_callback.py). As there: training
 * runs in stages of τ steps at a constant learning rate; before each stage the model and optimizer
 * state are saved, each candidate learning rate trains τ′ steps and the state is restored after
 * each; the candidate whose exponential forecast of the training loss at τ steps is lowest trains
 * the stage. Simplified: the authors' Gaussian-process BO (10 candidates over [min_lr, max_lr]
 * per stage, τ′ = τ/10, τ and τ′ doubling each stage up to τ = 8000) becomes k = 3 candidates a
 * factor 2 apart around the previous stage's choice, with τ = 150 and τ′ = 10 fixed (20% probe
 * overhead instead of the authors' 100%: a whole Fashion-MNIST run here is ~700 steps); every
 * probe sees the same batches (drawn from the method's own stream), so candidates are compared on
 * equal data; no spline smoothing of the probe losses. Probe steps are charged as training steps.
 */
export const autolrs = defineMethod({
  id: 'autolrs',
  version: 1,
  title: 'AutoLRS (simplified)',
  description:
    'Stages of τ = 150 steps at a constant learning rate; before each, k = 3 candidates (factor 2 apart, around the last choice) ' +
    'train τ′ = 10 probe steps each from a snapshot, the training loss at τ is forecast by a fit of a·exp(−bt)+c, and the best ' +
    "candidate trains the stage. Probe steps count as training steps. AdamW (PyTorch defaults) unless hparams.optimizer = 'sgd'.",
  reference: {
    title: 'AutoLRS: Automatic Learning-Rate Schedule by Bayesian Optimization on the Fly (Jin et al., ICLR 2021)',
    url: 'https://arxiv.org/abs/2105.10762',
  },
  hparams: {
    ...BASE,
    stageSteps: 150,
    probeSteps: 10,
    candidates: 3,
    candidateFactor: 2,
    minLearningRate: 1e-5,
    maxLearningRate: 0.1,
  },
  searchSpace: { learningRate: { min: 1e-4, max: 3e-2, scaling: 'log' } },
  createOptimizer,
  // Used only if the loop ran without the planner; the stages set the rate.
  learningRate: (hp) => Number(hp.learningRate),
  stagePlanner: autoLrsPlanner,
});
