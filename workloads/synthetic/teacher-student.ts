import type { DataContext, SupervisedData } from '../../harness/core/workload.js';
import { defineWorkload } from '../../harness/core/workload.js';
import { createMlp } from '../common/mlp.js';

const INPUTS = 16;
const HIDDEN = 8;
const TRAIN = 2048;
const VALID = 512;
const NOISE = 0.1;

/**
 * Regression on the outputs of a fixed random "teacher" network (tanh, 16-8-1) plus noise.
 * Everything comes from the split seed, so the data are the same for every repeat; it trains
 * in about a second, which makes it the harness's own test workload.
 */
export async function loadTeacherStudent(ctx: DataContext): Promise<SupervisedData> {
  const rng = ctx.splitSeed;
  const w1 = Float64Array.from({ length: INPUTS * HIDDEN }, () => rng.normal() / Math.sqrt(INPUTS));
  const w2 = Float64Array.from({ length: HIDDEN }, () => rng.normal());
  const make = (n: number) => {
    const x = new Float32Array(n * INPUTS);
    const y = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < INPUTS; j++) x[i * INPUTS + j] = rng.normal();
      let out = 0;
      for (let h = 0; h < HIDDEN; h++) {
        let pre = 0;
        for (let j = 0; j < INPUTS; j++) pre += x[i * INPUTS + j]! * w1[j * HIDDEN + h]!;
        out += Math.tanh(pre) * w2[h]!;
      }
      y[i] = out + NOISE * rng.normal();
    }
    return { x, y, n };
  };
  return {
    train: make(TRAIN),
    valid: make(VALID),
    featureSize: INPUTS,
    task: { kind: 'regression', targetSize: 1 },
  };
}

export const teacherStudent = defineWorkload({
  id: 'teacher-student',
  version: 1,
  title: 'Teacher–student regression (synthetic, seconds)',
  description:
    'A 16-32-1 ReLU student fits a fixed random tanh teacher (16-8-1) with Gaussian noise (σ = 0.1); ' +
    '2,048 training and 512 validation examples. Trains in about a second: the harness uses it in tests.',
  dataAttribution: 'synthetic (generated from the workload seed)',
  loadData: loadTeacherStudent,
  createModel: (rng) => createMlp(rng, [INPUTS, 32, 1]),
  // `reprobench calibrate teacher-student --steps 800 --seeds 10` (wasm, 2026-11-27): best
  // validation MSE per seed 0.0763–0.0925, 80th percentile 0.08727 → 0.0873; 8/10 reach it,
  // median first at step 450 → budget 600.
  target: { metric: 'validation/loss', value: 0.0873, direction: 'lower' },
  budget: { steps: 600, seconds: 120 },
  evalEvery: 20,
  batchSize: 32,
  msPerStepHint: { wasm: 1, cpu: 3, tensorflow: 0.5 },
  calibration: {
    command: 'reprobench calibrate teacher-student --steps 800 --seeds 10 --backend wasm',
    baseline: 'nadamw (AlgoPerf baseline defaults)',
    seeds: 10,
    generousSteps: 800,
    measured:
      'best validation/loss per seed 0.08047 0.07632 0.09251 0.08817 0.08053 0.08183 0.08138 0.08705 0.08623 0.07701; ' +
      '80th percentile 0.08727 → 0.0873; first reached at 400 360 — — 380 440 460 700 600 300 (median 450) → budget 600',
    date: '2026-11-27',
  },
});
