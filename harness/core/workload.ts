import type * as tf from '@tensorflow/tfjs';
import type { Rng } from '../rng.js';
import { unknownIdError } from './registry.js';

/** Examples held as flat typed arrays; `x` rows of `featureSize` values, scaled by `xScale` when batched. */
export interface ExampleSet {
  /** Features, row-major, `n × featureSize`. Uint8Array keeps image sets small in memory. */
  x: Float32Array | Uint8Array;
  /** Class index per example (classification) or `targetSize` reals per example (regression). */
  y: Int32Array | Float32Array;
  n: number;
}

export interface SupervisedData {
  train: ExampleSet;
  valid: ExampleSet;
  featureSize: number;
  /** Multiplier applied to `x` when a batch is built (1/255 for bytes). @default 1 */
  xScale?: number;
  /**
   * The workload's own training order (e.g. a sequence of tasks, one corpus after another): the
   * rows of each epoch of the batch stream, drawn from the trial's order stream. A method's
   * curriculum (`DataSelection.epochRows`) replaces it. @default a fresh permutation per epoch
   */
  trainOrder?: (epoch: number, rng: Rng) => Int32Array;
  /** `classNames` (optional) label the classes in exported data (`reprobench data export`). */
  task:
    | { kind: 'classification'; numClasses: number; classNames?: readonly string[] }
    | { kind: 'regression'; targetSize: number };
}

/** What a data loader gets: where to cache, and the split seed (depends on workload id, version, variant only). */
export interface DataContext {
  cacheDir: string;
  splitSeed: Rng;
  variant: string;
}

/** A model as parameters plus a pure forward function, so optimizers see plain variables. */
export interface Model {
  /** The trainable variables: exactly what the optimizer updates. */
  params: tf.Variable[];
  /**
   * Maps a batch `[b, featureSize]` to outputs `[b, classes|targetSize]` (logits for classification).
   * The inference path: evaluation and batch scoring use it.
   */
  apply(x: tf.Tensor2D): tf.Tensor2D;
  /**
   * The training-mode forward pass, for models that behave differently in training (batch
   * normalisation: batch statistics, and an update of the running ones in `state`).
   * @default apply
   */
  applyTrain?(x: tf.Tensor2D): tf.Tensor2D;
  /** Non-trainable variables that `applyTrain` updates (running statistics); freed with the model. @default [] */
  state?: tf.Variable[];
  /**
   * Model options this model consumed when it was built (e.g. an initialisation that reads the
   * target), so a method's `modelOptions` that set only these need no training-mode path. @default []
   */
  buildOptions?: string[];
}

export type Direction = 'higher' | 'lower';

/**
 * The metric names every eval point of a trial carries (runner/evaluate.ts and the train loop;
 * external trainers use the same names, docs/protocol.md): the validation loss and the mean
 * training loss since the previous eval always, the validation accuracy for classification.
 */
export const ALWAYS_REPORTED_METRICS = ['validation/loss', 'train/loss'] as const;
export const CLASSIFICATION_METRICS = ['validation/accuracy'] as const;
/**
 * The distance of the trainable parameters from their initial values, ‖θ_t − θ₀‖₂ (runner/weight-distance.ts):
 * recorded at every eval only by variants whose options set `recordWeightDistance: true`.
 */
export const WEIGHT_DISTANCE_METRIC = 'train/weight-distance';

/** The metrics a workload's trials report: all of them when its task is not known yet (before its data is loaded). */
export function reportedMetrics(task?: SupervisedData['task']['kind']): string[] {
  return task === 'regression' ? [...ALWAYS_REPORTED_METRICS] : [...ALWAYS_REPORTED_METRICS, ...CLASSIFICATION_METRICS];
}

/** The validation metric a trial must reach, AlgoPerf-style. */
export interface Target {
  /** e.g. `validation/accuracy` or `validation/loss` */
  metric: string;
  value: number;
  direction: Direction;
}

export interface Budget {
  /** Maximum optimizer steps; the primary, hardware-free budget. */
  steps: number;
  /**
   * Guard on accumulated training seconds (evaluation excluded), per hardware class.
   * Generous by design: steps decide, seconds only stop a trial whose machine is far slower.
   */
  seconds: number;
}

/** The numbers behind a target and budget, and the command that produced them (DESIGN § Rules). */
export interface Calibration {
  command: string;
  baseline: string;
  seeds: number;
  generousSteps: number;
  measured: string;
  date: string;
}

export interface VariantOverride {
  description: string;
  target?: Partial<Target>;
  budget?: Partial<Budget>;
  batchSize?: number;
  /** Its own fine-eval spacing, when its steps to target differ much from the workload's. */
  fineEvalEvery?: number;
  /** Free-form knobs the workload's data and model read (width, activation, ...). */
  options?: Record<string, number | string | boolean>;
}

export interface WorkloadDefinition {
  id: string;
  /** Bump whenever data, model, loss, metrics, target, budget or eval cadence change. */
  version: number;
  title: string;
  description: string;
  /** Where the data comes from and its licence, for the report and NOTICE. */
  dataAttribution: string;
  loadData(ctx: DataContext): Promise<SupervisedData>;
  createModel(rng: Rng, data: SupervisedData, options: Record<string, number | string | boolean>): Model;
  /**
   * Mean loss of a batch, used for training and for `validation/loss`.
   * @default softmax cross-entropy for classification, mean squared error for regression
   */
  loss?: (outputs: tf.Tensor2D, targets: tf.Tensor2D) => tf.Scalar;
  target: Target;
  budget: Budget;
  /** Evaluate every this many steps (and at the last step). */
  evalEvery: number;
  /**
   * Time-to-target trials only: where a regular eval first meets the target, the interval before
   * it is replayed from a snapshot with an eval every this many steps, so steps to target are
   * known to this many steps (DESIGN § Time resolution; docs/workloads.md). Size it at ≤ 2% of
   * the steps to target of the fastest arm expected. @default no replay (resolution `evalEvery`)
   */
  fineEvalEvery?: number;
  /** The horizon schedules anneal over (AlgoPerf's step_hint). @default budget.steps */
  stepHint?: number;
  batchSize: number;
  /**
   * Rough cost per step on each backend, eval and init included: the `--dry-run` estimate before any
   * trial ran, and the shard balancer's cost model. The built-in workloads' `wasm` values were
   * measured with scripts/step-time-hints.ts over `run all --preset standard --backend wasm` on the
   * project's 2-core machine, 2 workers (2026-12-05); their `blas` values are those times the
   * blas ÷ wasm ratio the same script gives over `run all --preset quick` on each backend (a quick
   * run pays more per step, so only the ratio is taken from it); `cpu` and `tensorflow` are older
   * guesses.
   */
  msPerStepHint?: Partial<Record<string, number>>;
  variants?: Record<string, VariantOverride>;
  calibration?: Calibration;
  /**
   * Draw the data afresh for each repeat (from `dataSeed` in harness/runner/seeds.ts) instead of
   * once per variant: for synthetic tasks whose claims are about the typical data set, where one
   * draw would make the repeats differ only in their initial weights. Repeat k of every method
   * still sees the same data. Its data cannot be exported for external trainers. @default false
   */
  dataPerRepeat?: boolean;
}

/** Declares a workload. Identity function with types: definitions are plain data plus functions. */
export function defineWorkload(def: WorkloadDefinition): WorkloadDefinition {
  return def;
}

/** The effective settings of a workload variant (`default` is the workload itself). */
export interface ResolvedWorkload {
  def: WorkloadDefinition;
  variant: string;
  target: Target;
  budget: Budget;
  batchSize: number;
  stepHint: number;
  evalEvery: number;
  /** Absent when the workload (and variant) set none, or one not finer than `evalEvery`. */
  fineEvalEvery?: number;
  options: Record<string, number | string | boolean>;
}

/**
 * Claims name workloads as `id` or `id:variant`; trials store the two apart.
 * `default` is the workload itself and is never written out.
 */
export function parseWorkloadRef(ref: string): { id: string; variant: string } {
  const i = ref.indexOf(':');
  return i < 0 ? { id: ref, variant: 'default' } : { id: ref.slice(0, i), variant: ref.slice(i + 1) };
}

export function workloadRefOf(w: { id: string; variant: string }): string {
  return w.variant === 'default' ? w.id : `${w.id}:${w.variant}`;
}

export function resolveVariant(def: WorkloadDefinition, variant = 'default'): ResolvedWorkload {
  const v = variant === 'default' ? undefined : def.variants?.[variant];
  if (variant !== 'default' && !v) {
    throw unknownIdError(`variant of ${def.id}`, variant, ['default', ...Object.keys(def.variants ?? {})]);
  }
  const budget = { ...def.budget, ...v?.budget };
  const fine = v?.fineEvalEvery ?? def.fineEvalEvery;
  return {
    def,
    variant,
    target: { ...def.target, ...v?.target },
    budget,
    batchSize: v?.batchSize ?? def.batchSize,
    stepHint: def.stepHint ?? budget.steps,
    evalEvery: def.evalEvery,
    ...(fine !== undefined && fine < def.evalEvery ? { fineEvalEvery: fine } : {}),
    options: { ...v?.options },
  };
}
