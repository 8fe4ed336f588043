/**
 * Fine time resolution for time-to-target trials (DESIGN § Time resolution): steps to target must
 * be known to within 2% of the median, while an eval of the full validation set costs as much as
 * 10–20 training steps. So evals stay every `evalEvery` steps, and where one first meets the
 * target, the interval before it is replayed from a snapshot taken at the previous eval with an
 * eval every `fineEvalEvery` steps; the first of those that meets the target is where the trial
 * reached it. Evaluating changes no training state and the replay feeds the same batches at the
 * same learning rates, so on a deterministic backend (cpu, wasm, blas) the replay retraces the
 * first pass bit for bit: the fine evals are real measurements of the trial's own models, at the
 * cost of one interval of training and at most evalEvery/fineEvalEvery − 1 evals per trial.
 * Fine evals use the full validation set: a subset would change what "target met" means.
 * docs/workloads.md ("Time resolution") says why a replay and not a rule that guesses beforehand.
 */
import * as tf from '@tensorflow/tfjs';
import type { TrainingOptimizer } from '../core/optimizer.js';
import type { CurvePoint } from '../core/trial.js';
import type { Batch } from './batch-source.js';
import {
  disposeSnapshot,
  isStatefulOptimizer,
  restoreTrainingState,
  snapshotTrainingState,
  type TrainingSnapshot,
} from './train-state.js';

/** One optimizer step of the first pass, as the replay needs it. */
interface RecordedStep {
  batch: Batch;
  learningRate: number;
  /** The step counter after it (a stage method's charged probe steps included). */
  step: number;
  /** Training seconds after it, in the first pass: the replay's own time is not training time. */
  trainSeconds: number;
}

/** What the replay asks of the training loop. */
export interface ReplayHooks {
  /** One optimizer step on `batch` at `learningRate`; returns the batch loss. Leaves the batch alive. */
  step(batch: Batch, learningRate: number): Promise<number>;
  /** Evaluates the model as it is now; returns the point (not yet in the curve). `trainLoss`: mean batch loss since the last eval. */
  evaluate(step: number, trainSeconds: number, trainLoss: number | null): Promise<CurvePoint>;
  /** True when the point meets the target. */
  meets(point: CurvePoint): boolean;
}

/** The snapshot at the last regular eval and the steps since, for one trial. */
export class FineEvals {
  private snapshot: TrainingSnapshot | null = null;
  private steps: RecordedStep[] = [];
  private startStep = 0;

  private constructor(
    readonly every: number,
    private readonly variables: tf.Variable[],
    private readonly optimizer: TrainingOptimizer,
  ) {}

  /**
   * Fine evals for a trial, or null where they cannot replay: an optimizer whose state cannot be
   * saved (a user's optimizer without getWeights/setWeights) keeps the regular resolution, which
   * the trial's `resolutionSteps` then shows.
   * @param variables every variable training changes: parameters and non-trainable model state
   */
  static create(every: number | undefined, variables: tf.Variable[], optimizer: TrainingOptimizer): FineEvals | null {
    return every !== undefined && isStatefulOptimizer(optimizer) ? new FineEvals(every, variables, optimizer) : null;
  }

  /** Marks a regular eval that missed the target (or the start): the next replay starts here. */
  async mark(step: number): Promise<void> {
    this.clear();
    this.snapshot = await snapshotTrainingState(this.variables, this.optimizer);
    this.startStep = step;
  }

  /** Keeps a step's batch (the caller no longer frees it) for a replay of this interval. */
  record(batch: Batch, learningRate: number, step: number, trainSeconds: number): void {
    this.steps.push({ batch, learningRate, step, trainSeconds });
  }

  /**
   * Replays the interval since the last mark with an eval every `every` steps, up to but not
   * including `regular` (the eval that met the target), and returns the fine points in order,
   * the last one meeting the target if any did. The model is left at the last replayed step.
   */
  async replay(regular: CurvePoint, hooks: ReplayHooks): Promise<CurvePoint[]> {
    if (!this.snapshot) return [];
    await restoreTrainingState(this.snapshot, this.variables, this.optimizer);
    const points: CurvePoint[] = [];
    let last = this.startStep;
    let lossSum = 0;
    let lossCount = 0;
    for (const s of this.steps) {
      if (s.step >= regular.step) break;
      lossSum += await hooks.step(s.batch, s.learningRate);
      lossCount++;
      if (s.step - last < this.every) continue;
      const point = await hooks.evaluate(s.step, s.trainSeconds, lossCount > 0 ? lossSum / lossCount : null);
      points.push(point);
      last = s.step;
      lossSum = 0;
      lossCount = 0;
      if (hooks.meets(point)) break;
    }
    return points;
  }

  private clear(): void {
    for (const s of this.steps) tf.dispose([s.batch.x, s.batch.y]);
    this.steps = [];
    if (this.snapshot) disposeSnapshot(this.snapshot);
    this.snapshot = null;
  }

  /** Frees the snapshot and the kept batches (once, when the trial ends). */
  dispose(): void {
    this.clear();
  }
}
