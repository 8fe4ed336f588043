import type * as tf from '@tensorflow/tfjs';
import type { BatchSource, BatchSourceContext } from '../runner/batch-source.js';
import type { GradNormTrace } from '../runner/grad-norm.js';
import type { Rng } from '../rng.js';
import type { StagePlanner } from '../runner/stages.js';
import type { TrainingOptimizer } from './optimizer.js';
import type { Model, SupervisedData } from './workload.js';

export type HParamValue = number | string | boolean;
export type HParams = Record<string, HParamValue>;

/** One hyperparameter's search range (AlgoPerf search-space format). */
export type SearchDimension =
  { min: number; max: number; scaling: 'log' | 'linear' } | { feasiblePoints: HParamValue[] };

/** Context the learning-rate function gets each step. */
export interface ScheduleContext {
  step: number;
  /** The horizon to anneal over: the workload's step hint. */
  totalSteps: number;
}

/** What every method declares, whatever runs it. */
interface MethodCommon {
  id: string;
  /** Bump whenever the update rule or its defaults change, so stored trials are not reused. */
  version: number;
  title: string;
  description: string;
  /** The paper or code the method follows, cited where its formula was checked. */
  reference?: { title: string; url: string };
  searchSpace?: Record<string, SearchDimension>;
  /** Overrides the workload's batch size when set. */
  batchSize?: number;
  /**
   * What the workload's step budget holds fixed for this method: `steps` (optimizer updates), or
   * `examples` (epochs), so a method with a larger `batchSize` runs proportionally fewer steps
   * (budget and step hint × workload batch / method batch, rounded; e.g. large-batch training at
   * the small batch's number of epochs). @default 'steps'
   */
  budgetUnit?: 'steps' | 'examples';
  /**
   * Data selection: which batches to train on (e.g. high-loss mini-batches,
   * benchmarks/methods/high-loss-selection.ts), drawn from the trial's seeded stream. Called once
   * per trial, after the model is built; choosing counts as training time. Absent or null: every
   * batch of the stream, in order.
   * @throws ReprobenchError E_BAD_CONFIG on settings that cannot work
   */
  batchSource?(hp: HParams, ctx: BatchSourceContext): BatchSource | null;
  /**
   * The training rows this method trains on (e.g. a random 10% repeated for more epochs).
   * `rng` is the trial's method stream, seeded from (method id, repeat) (DESIGN § Rules).
   * Absent or null: the whole training set. Runs before training, outside the timed steps.
   */
  trainSubset?(hp: HParams, ctx: { trainSize: number; rng: Rng }): Int32Array | null;
  /**
   * Stage-wise learning-rate search (e.g. AutoLRS): a fresh planner per trial, asked before each
   * stage for its learning rate and length; it may probe candidates first (runner/stages.ts), and
   * every probe step counts as a training step. While it is set, the planner's learning rate
   * replaces `learningRate(hp, ctx)`. Absent or null: no stages.
   */
  stagePlanner?(hp: HParams): StagePlanner | null;
  /**
   * Settings the method gives the workload's model (e.g. batch normalisation's ghost batch size),
   * merged over the variant's options when the model is built. Read from the trial's hparams, so
   * they are part of the trial id. The model must have a training-mode path (`applyTrain`) that
   * reads them, or the trial fails with `E_BAD_CONFIG`. `batchSize` is the trial's, for checks;
   * `seed` (32 hex digits) seeds randomness in the model's training path (dropout masks): a
   * stream of its own under the trial's method seed, so it never shares draws with `trainSubset`.
   * @throws ReprobenchError E_BAD_CONFIG on settings that cannot work (before anything is built)
   */
  modelOptions?(hp: HParams, ctx: { batchSize: number; seed: string }): Record<string, HParamValue>;
  /**
   * Data selection that needs the data and trained models: per-example scores from short
   * scoring runs (EL2N pruning, a loss-ordered curriculum). Runs before training; its time is
   * charged to the trial's training seconds (AlgoPerf: data selection is part of the
   * submission) and its scoring steps are recorded in the outcome. Absent: nothing changes.
   * When present, `trainSubset` is not called (return `rows` instead).
   */
  selectData?(hp: HParams, ctx: DataSelectionContext): Promise<DataSelection>;
  /**
   * A schedule derived from a pilot run (schedule refinement, Defazio et al. 2023): the trial
   * first trains to its budget from the same initialisation and batches at the pilot's learning
   * rate, recording every step's gradient norms, then starts again from the same initialisation
   * and trains at the rates `derive` returns. The pilot's steps and seconds are charged to the
   * trial (outcome `scoring`); a diverged pilot ends the trial as diverged. Absent or null: no pilot.
   */
  pilotSchedule?(hp: HParams): PilotSchedule | null;
}

/** A pilot run's schedule and the rule that turns its gradient norms into the trial's schedule. */
export interface PilotSchedule {
  /** The pilot's learning rate at a step. */
  learningRate(ctx: ScheduleContext): number;
  /** The learning rate of each step of the trial (index = 0-based step; the last value holds after the end). */
  derive(trace: GradNormTrace, ctx: { totalSteps: number }): number[];
}

/** What `selectData` gets: the trial's data and workload, and the method's seeded stream. */
export interface DataSelectionContext {
  /** The whole training set (and validation set, which selection must not look at). */
  data: SupervisedData;
  /** A fresh model of the trial's workload, its weights drawn from `rng`. */
  createModel(rng: Rng): Model;
  /** The workload's mean batch loss (what training minimises). */
  loss(outputs: tf.Tensor2D, targets: tf.Tensor2D): tf.Scalar;
  batchSize: number;
  /** The horizon the trial's schedule anneals over (the workload's step hint). */
  stepHint: number;
  /** The method stream, seeded from (method id, repeat): scoring inits and orders come from it. */
  rng: Rng;
}

/** What a method's data selection decided, and what it cost. */
export interface DataSelection {
  /** Training rows to keep (as `trainSubset`); absent or null: all of them. */
  rows?: Int32Array | null;
  /**
   * The rows of each epoch, in training order (a curriculum): epoch 0, 1, ... of the kept
   * training set (indices into `rows` when given), drawn with the trial's order stream.
   * Absent: a fresh permutation of every row.
   */
  epochRows?: (epoch: number, orderRng: Rng) => Int32Array;
  /** Optimizer steps spent training scoring models (0 when none). */
  scoringSteps: number;
}

/** A method the built-in TensorFlow.js engine trains: an optimizer and a learning-rate function. */
export interface TfjsMethodDefinition extends MethodCommon {
  /** @default 'tfjs' */
  kind?: 'tfjs';
  /** Defaults: the paper's recommended values. `learningRate` is required. */
  hparams: HParams & { learningRate: number };
  createOptimizer(hp: HParams): TrainingOptimizer;
  /** Learning rate at a step. */
  learningRate(hp: HParams, ctx: ScheduleContext): number;
}

/**
 * A method trained by an external program that speaks reprobench's trainer protocol
 * (docs/protocol.md): it gets the trial's configuration as JSON on stdin and reports progress and
 * evaluations as JSON lines on stdout. The harness keeps target detection, censoring,
 * divergence, timeouts and provenance, exactly as for built-in trials.
 */
export interface CommandMethodDefinition extends MethodCommon {
  kind: 'command';
  /**
   * The program and its arguments (no shell). Relative paths are resolved against `cwd`; every
   * argument that names an existing file there (a relative path) is hashed into the trial id, so
   * editing the script never reuses stale trials.
   */
  command: string[];
  /** Defaults passed to the trainer as `hparams` (tuning overrides them like any method's). */
  hparams: HParams;
  /** Directory the command runs in. @default the working directory reprobench runs in */
  cwd?: string;
  /** Environment changes for the command: a string sets a variable, null unsets it. Part of the trial id. */
  env?: Record<string, string | null>;
  /** More files or directories (relative to `cwd`) whose content the trainer depends on, hashed into the trial id. */
  files?: string[];
  /**
   * Seconds without a line on stdout after which the trainer is stopped and the trial stored as
   * `timeout`. Covers start-up too (importing a framework, loading data). @default 300
   */
  watchdogSeconds?: number;
}

export type MethodDefinition = TfjsMethodDefinition | CommandMethodDefinition;

export function isCommandMethod(m: MethodDefinition): m is CommandMethodDefinition {
  return m.kind === 'command';
}

/** Declares a method (identity function with types). */
export function defineMethod<M extends MethodDefinition>(def: M): M {
  return def;
}
