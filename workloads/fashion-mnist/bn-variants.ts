import type { VariantOverride } from '../../harness/core/workload.js';

/**
 * Batch-normalised variants (784-128-BN-ReLU-10) for Ghost Batch Normalisation (catalogue #52).
 * `bn` is the small-batch regime; `bn-large` the large-batch regime at a fixed number of updates.
 * The fixed-budget claim uses the target only for its metric and direction, so both keep the
 * workload's target (not calibrated for BN).
 */
export const BN_VARIANTS: Record<string, VariantOverride> = {
  bn: {
    description: 'batch normalisation after the hidden layer (784-128-BN-ReLU-10), batch 128',
    options: { norm: 'batch' },
  },
  'bn-large': {
    description: 'batch normalisation after the hidden layer, batch 1024 (the large-batch regime), 100 steps (1.7 epochs)',
    batchSize: 1024,
    budget: { steps: 100 },
    options: { norm: 'batch' },
  },
};
