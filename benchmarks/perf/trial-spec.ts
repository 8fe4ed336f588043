import type { BackendInfo } from '../../harness/backends/select.js';
import type { Registries } from '../../harness/core/registries.js';
import { makeTrial, type PlannedTrial } from '../../harness/plan/plan.js';

/**
 * The trial the overhead and scaling benchmarks run: the adan claim's workload (Fashion-MNIST,
 * MLP 784-128-10, batch 128, eval every 25 steps on 10,000 rows) with AdamW, trained to a fixed
 * number of steps (no early stop, so every repeat does the same work).
 */
export function benchTrial(registries: Registries, backend: BackendInfo, repeat: number, steps: number): PlannedTrial {
  return makeTrial(registries, {
    workloadId: 'fashion-mnist-mlp',
    arm: { method: 'adamw', hparams: { learningRate: 0.008 } },
    repeat: { purpose: 'eval', index: repeat },
    backend,
    stopAtTarget: false,
    budgetSteps: steps,
  });
}
