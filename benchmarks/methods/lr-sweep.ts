import { defineMethod } from '../../harness/core/method.js';
import { adamw } from './adamw.js';

/**
 * The learning rates of a constant-rate AdamW sweep over three decades (1-2-5 steps), for claims
 * about model selection over a sweep (early-stopping-speedup). A claim's arms are keyed by method
 * id, so each point of the sweep is its own method: AdamW with that rate as its default.
 */
export const LR_SWEEP = [1e-4, 2e-4, 5e-4, 1e-3, 2e-3, 5e-3, 1e-2, 2e-2, 5e-2, 1e-1] as const;

/** `adamw-lr-2e-3` for 0.002. */
export const lrSweepId = (lr: number): string => `adamw-lr-${lr.toExponential()}`;

export const lrSweepMethods = LR_SWEEP.map((lr) =>
  defineMethod({
    ...adamw,
    id: lrSweepId(lr),
    version: 1,
    title: `AdamW, constant rate ${lr}`,
    description: `AdamW (PyTorch defaults) at a constant learning rate of ${lr}, no warmup: one point of a learning-rate sweep.`,
    hparams: { ...adamw.hparams, learningRate: lr, schedule: 'constant', warmupFraction: 0 },
  }),
);
