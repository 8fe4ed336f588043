import * as tf from '@tensorflow/tfjs';
import type { DataContext, Model, SupervisedData } from '../../harness/core/workload.js';
import { defineWorkload } from '../../harness/core/workload.js';
import type { Rng } from '../../harness/rng.js';

/** Training examples n; the features p = ratio × n. */
export const LINEAR_TEACHER_TRAIN = 100;
const VALID = 1000;
/** Label noise σ (signal variance 1, so SNR = 1/σ² = 4). */
export const LINEAR_TEACHER_NOISE = 0.5;

type Options = Record<string, number | string | boolean>;
/** Features per training example, P/N (Advani & Saxe's 1/α). */
export const ratioOf = (o: Options): number => Number(o.ratio ?? 1);
/** Initial weights' scale σ₀: w₀ ~ N(0, σ₀²/p), so σ₀ = 1 is the usual fan-in (LeCun) scale, the teacher's own. */
export const initScaleOf = (o: Options): number => Number(o.initScale ?? 0.1);
const featuresOf = (o: Options): number => Math.round(ratioOf(o) * LINEAR_TEACHER_TRAIN);

/**
 * The noisy linear teacher of Advani & Saxe (2017, "High-dimensional dynamics of generalization
 * error in neural networks", § 2): y = w̄·x + ε with x ~ N(0, I_p), w̄ ~ N(0, I_p / p) (signal
 * variance 1) and ε ~ N(0, σ²). Drawn in this order from the data stream: w̄, then each training
 * row's p features and its noise, then the validation rows. The workload draws it afresh per
 * repeat (`dataPerRepeat`): the paper's theory is about the typical data set, and its
 * randomness (the spectrum of XᵀX) is what makes P ≈ N special.
 */
export async function loadLinearTeacher(ctx: DataContext, options: Options): Promise<SupervisedData> {
  const rng = ctx.splitSeed;
  const p = featuresOf(options);
  const teacher = Float64Array.from({ length: p }, () => rng.normal() / Math.sqrt(p));
  const make = (n: number) => {
    const x = new Float32Array(n * p);
    const y = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      let out = 0;
      for (let j = 0; j < p; j++) {
        const v = rng.normal();
        x[i * p + j] = v;
        out += v * teacher[j]!;
      }
      y[i] = out + LINEAR_TEACHER_NOISE * rng.normal();
    }
    return { x, y, n };
  };
  const train = make(LINEAR_TEACHER_TRAIN);
  return { train, valid: make(VALID), featureSize: p, task: { kind: 'regression', targetSize: 1 } };
}

/** The linear student ŷ = w·x (no bias), w₀ ~ N(0, σ₀²/p) from the trial's init stream. */
export function createLinearStudent(rng: Rng, p: number, initScale: number): Model {
  const w0 = Float32Array.from({ length: p }, () => (rng.normal() * initScale) / Math.sqrt(p));
  const initial = tf.tensor2d(w0, [p, 1]);
  const w = tf.variable(initial);
  initial.dispose();
  return { params: [w], apply: (x) => tf.matMul(x, w) };
}

const variant = (ratio: number, initScale = 0.1) => ({
  description: `P/N = ${ratio}: ${Math.round(ratio * LINEAR_TEACHER_TRAIN)} features, initial scale σ₀ = ${initScale}`,
  options: { ratio, initScale },
});

/** The P/N sweep (small initial weights) and the large-initial-weights arm at P/N = 4. */
export const linearTeacherVariants: Record<string, { description: string; options: Options }> = {
  'ratio-0.25': variant(0.25),
  'ratio-0.5': variant(0.5),
  'ratio-2': variant(2),
  'ratio-4': variant(4),
  'ratio-4-large-init': variant(4, 1),
};

export const linearTeacher = defineWorkload({
  id: 'linear-teacher',
  version: 1,
  title: 'Noisy linear teacher, linear student, full-batch gradient descent (synthetic, seconds)',
  description:
    `Advani & Saxe's setting: y = w̄·x + ε, x ~ N(0, I_p), w̄ ~ N(0, I_p/p), σ = ${LINEAR_TEACHER_NOISE} (SNR 4); ` +
    `${LINEAR_TEACHER_TRAIN} training and ${VALID} validation examples drawn afresh for each repeat; a linear student without ` +
    'bias from w₀ ~ N(0, σ₀²/p) trained on the mean squared error with full batches. P/N = 1 and σ₀ = 0.1 here; ' +
    'variants set P/N (option `ratio`) and σ₀ (`initScale`).',
  dataAttribution: 'synthetic (generated from the workload seed and the repeat)',
  dataPerRepeat: true,
  loadData: (ctx) => loadLinearTeacher(ctx, linearTeacherVariants[ctx.variant]?.options ?? {}),
  createModel: (rng, data, options) => createLinearStudent(rng, data.featureSize, initScaleOf(options)),
  // Not calibrated: the cards on this workload are phenomena read off the whole curve and never
  // use the target. Twice the noise variance is a test error only a fitted student reaches.
  target: { metric: 'validation/loss', value: 2 * LINEAR_TEACHER_NOISE ** 2, direction: 'lower' },
  budget: { steps: 2000, seconds: 120 },
  evalEvery: 20,
  batchSize: LINEAR_TEACHER_TRAIN,
  msPerStepHint: { wasm: 0.26, cpu: 2, tensorflow: 0.5, blas: 0.25 },
  variants: linearTeacherVariants,
});
