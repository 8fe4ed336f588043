import type { DataContext, SupervisedData } from '../../harness/core/workload.js';
import { defineWorkload } from '../../harness/core/workload.js';
import { createMlp } from '../common/mlp.js';

const P = 31;
const TRAIN_FRACTION = 0.7;
const HIDDEN = 128;
const N_TRAIN = Math.round(TRAIN_FRACTION * P * P);

/**
 * All p² pairs (a, b) labelled (a + b) mod p, each given as one-hot(a) ⊕ one-hot(b); a seeded
 * 70% trains and the rest validates: the algorithmic task on which grokking was first reported
 * (Power et al. 2022), in the one-hot MLP form (as in Gromov 2023; Liu et al. 2022).
 */
export async function loadModularAddition(ctx: DataContext): Promise<SupervisedData> {
  const n = P * P;
  const perm = ctx.splitSeed.permutation(n);
  const make = (from: number, count: number) => {
    const x = new Uint8Array(count * 2 * P);
    const y = new Int32Array(count);
    for (let i = 0; i < count; i++) {
      const pair = perm[from + i]!;
      const a = Math.floor(pair / P);
      const b = pair % P;
      x[i * 2 * P + a] = 1;
      x[i * 2 * P + P + b] = 1;
      y[i] = (a + b) % P;
    }
    return { x, y, n: count };
  };
  return {
    train: make(0, N_TRAIN),
    valid: make(N_TRAIN, n - N_TRAIN),
    featureSize: 2 * P,
    task: { kind: 'classification', numClasses: P },
  };
}

export const modularAddition = defineWorkload({
  id: 'modular-addition',
  version: 1,
  title: `Modular addition mod ${P}, one-hot MLP (grokking task)`,
  description:
    `All ${P * P} pairs (a, b) with label (a + b) mod ${P}; a seeded ${N_TRAIN} (${TRAIN_FRACTION * 100}%) train, the other ${P * P - N_TRAIN} validate. ` +
    `Input one-hot(a) ⊕ one-hot(b), a ${2 * P}-${HIDDEN}-${P} ReLU MLP, softmax cross-entropy, full batch (${N_TRAIN}).`,
  dataAttribution: 'synthetic (all pairs, seeded split)',
  loadData: loadModularAddition,
  createModel: (rng) => createMlp(rng, [2 * P, HIDDEN, P]),
  // The reference baseline here is the grokking regime, not NAdamW: at its AlgoPerf defaults
  // (weight decay 0.08) NAdamW memorises the training pairs and stays near 0 validation accuracy
  // within 2,000 steps (two seeds tried), which would give a meaningless target.
  // `reprobench calibrate modular-addition --method adamw --hparams '{"learningRate":0.003,
  // "weightDecay":1,"beta2":0.98,"schedule":"constant","warmupFraction":0}' --steps 2000 --seeds 10
  // --backend wasm` (2026-11-27): best validation accuracy per seed 0.9375–0.9896, 20th percentile
  // 0.94375 → 0.943; 8/10 reach it, median first at step 1775 → budget 2400. 29 ms/step measured
  // with two workers on a loaded 2-core machine (about 14 alone).
  target: { metric: 'validation/accuracy', value: 0.943, direction: 'higher' },
  budget: { steps: 2400, seconds: 900 },
  evalEvery: 50,
  batchSize: N_TRAIN,
  msPerStepHint: { wasm: 1.6, cpu: 80, tensorflow: 3, blas: 0.8 },
  calibration: {
    command:
      'reprobench calibrate modular-addition --method adamw --hparams \'{"learningRate":0.003,"weightDecay":1,"beta2":0.98,"schedule":"constant","warmupFraction":0}\' --steps 2000 --seeds 10 --backend wasm',
    baseline: 'adamw, learning rate 3e-3, decoupled weight decay 1, β₂ 0.98, constant rate (the grokking regime)',
    seeds: 10,
    generousSteps: 2000,
    measured:
      'best validation/accuracy per seed 0.94444 0.98958 0.97222 0.96875 0.94097 0.9375 0.94792 0.97569 0.98958 0.96181; ' +
      '20th percentile 0.94375 → 0.943; first reached at 2000 1500 1750 1750 — — 1950 1750 1450 1800 (median 1775) → budget 2400',
    date: '2026-11-27',
  },
});
