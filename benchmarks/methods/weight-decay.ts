import { defineMethod } from '../../harness/core/method.js';
import { adamw } from './adamw.js';

/**
 * AdamW weight decays for the repeated-data claim (catalogue #57, weight-decay-repetition): GPT-3's
 * 0.1 ("standard practice" in Kim et al. 2025) and 10× and 30× it. The decay is PyTorch's
 * θ ← θ·(1 − η_t·λ) with the step's scheduled rate, which is also what Levanter (the paper's
 * Marin stack) does by default: `optax.add_decayed_weights(λ)` before `optax.scale(−η_t)`
 * (marin-community/levanter, src/levanter/optim/config.py, AdamConfig.build). A claim's arms are
 * keyed by method id, so each decay is its own method.
 */
export const WEIGHT_DECAYS = [0.1, 1, 3] as const;

/** `adamw-wd-0.1`, `adamw-wd-3`. */
export const weightDecayId = (wd: number): string => `adamw-wd-${wd}`;

export const weightDecayMethods = WEIGHT_DECAYS.map((wd) =>
  defineMethod({
    ...adamw,
    id: weightDecayId(wd),
    version: 1,
    title: `AdamW, weight decay ${wd}, cosine decay`,
    description:
      `AdamW (β = (0.9, 0.999), ε = 1e-8) with decoupled weight decay λ = ${wd} (θ ← θ·(1 − η_t·λ), every parameter), ` +
      'cosine decay to 0, no warmup; the learning rate is tuned per claim.',
    hparams: { ...adamw.hparams, weightDecay: wd, schedule: 'cosine', warmupFraction: 0 },
  }),
);
