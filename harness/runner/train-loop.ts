import * as tf from '@tensorflow/tfjs';
import { isCommandMethod, type MethodDefinition } from '../core/method.js';
import type { CurvePoint, Outcome, TrialConfig, TrialStatus } from '../core/trial.js';
import type { SupervisedData, WorkloadDefinition } from '../core/workload.js';
import { BatchStream } from './batches.js';
import { HighLossBatches, type BatchSource } from './batch-selection.js';
import { subsetTraining } from './subset.js';
import { buildValidationSet, disposeValidationSet, evaluate, taskLoss, type ValidationSet } from './evaluate.js';
import { Rng } from './rng.js';
import type { TrialSeeds } from './seeds.js';

export interface TrialProgress {
  step: number;
  totalSteps: number;
  /** Latest value of the target metric (null before the first eval). */
  metric: number | null;
  trainSeconds: number;
}

export interface TrainResult {
  status: Exclude<TrialStatus, 'failed' | 'timeout'>;
  outcome: Outcome;
  curve: CurvePoint[];
}

export interface TrainInputs {
  config: TrialConfig;
  seeds: TrialSeeds;
  workload: WorkloadDefinition;
  /** A tfjs method; command methods run through runner/external (run-trial.ts dispatches). */
  method: MethodDefinition;
  data: SupervisedData;
  options: Record<string, number | string | boolean>;
  onProgress?: (p: TrialProgress) => void;
  /** Validation tensors built beforehand and owned by the caller (runTrial keeps one per data set); built and freed here when absent. */
  valid?: ValidationSet;
  /** Called after each optimizer step with the live tensor count (tests check for leaks). */
  onStep?: (step: number) => void;
}

const now = () => performance.now() / 1000;

function meets(value: number | null | undefined, target: TrialConfig['target']): boolean {
  if (value == null || !Number.isFinite(value)) return false;
  return target.direction === 'higher' ? value >= target.value : value <= target.value;
}

/**
 * One seeded training run. Timing follows AlgoPerf: model and data setup and every evaluation
 * are excluded; building batches, the forward/backward pass and the update are included.
 * The target is checked at each eval (every `evalEvery` steps and at the last step); a NaN or
 * infinite training loss stops the trial as `diverged`.
 */
export async function train(inputs: TrainInputs): Promise<TrainResult> {
  const { config, seeds, workload, method } = inputs;
  if (isCommandMethod(method)) throw new Error(`method ${method.id} runs an external command; the tfjs training loop cannot train it`);
  const t0 = now();
  const loss = workload.loss ?? ((o: tf.Tensor2D, y: tf.Tensor2D) => taskLoss(inputs.data.task, o, y));
  // Scoring runs are compute the method spends to choose its data: timed as training, not init.
  const selection = method.selectData
    ? await method.selectData(config.method.hparams, {
        data: inputs.data,
        createModel: (rng) => workload.createModel(rng, inputs.data, inputs.options),
        loss,
        batchSize: config.batchSize,
        stepHint: config.stepHint,
        rng: new Rng(seeds.method),
      })
    : null;
  const scoringSeconds = selection ? now() - t0 : 0;
  const rows = selection ? (selection.rows ?? null) : (method.trainSubset?.(config.method.hparams, { trainSize: inputs.data.train.n, rng: new Rng(seeds.method) }) ?? null);
  const data = rows ? subsetTraining(inputs.data, rows) : inputs.data;
  const model = workload.createModel(new Rng(seeds.init), data, inputs.options);
  const optimizer = method.createOptimizer(config.method.hparams);
  const stream = new BatchStream(data, config.batchSize, new Rng(seeds.order), selection?.epochRows);
  const valid = inputs.valid ?? buildValidationSet(data);
  const batchSelection = method.batchSelection?.(config.method.hparams) ?? null;
  const batches: BatchSource = batchSelection
    ? new HighLossBatches(stream, (b) => scalarOf(tf.tidy(() => loss(model.apply(b.x), b.y))), batchSelection)
    : stream;
  const initSeconds = now() - t0 - scoringSeconds;

  const curve: CurvePoint[] = [];
  let trainSeconds = scoringSeconds;
  let evalSeconds = 0;
  let lossSum = 0;
  let lossCount = 0;
  let step = 0;
  let status: TrainResult['status'] = 'censored';
  let reason = `budget of ${config.budget.steps} steps used without reaching the target`;
  let reachedAt: CurvePoint | undefined;
  let best: number | null = null;

  try {
    while (step < config.budget.steps) {
      const s0 = now();
      optimizer.learningRate = method.learningRate(config.method.hparams, { step, totalSteps: config.stepHint });
      const { x, y } = await batches.next();
      const { value, grads } = tf.variableGrads(() => loss(model.apply(x), y), model.params);
      optimizer.applyGradients(grads);
      // Read asynchronously: WebGPU in Node has no synchronous read-back (tfjs's readSync needs
      // OffscreenCanvas), and on wasm/blas/cpu the promise resolves at once with the same value.
      const batchLoss = (await value.data())[0]!;
      tf.dispose([x, y, value, ...Object.values(grads)]);
      step++;
      trainSeconds += now() - s0;
      inputs.onStep?.(step);

      if (!Number.isFinite(batchLoss)) {
        // A run that met the target before blowing up keeps its time to target.
        if (!reachedAt) status = 'diverged';
        reason = `training loss became ${batchLoss} at step ${step}` + (reachedAt ? ` (after reaching the target at step ${reachedAt.step})` : '');
        break;
      }
      lossSum += batchLoss;
      lossCount++;

      const last = step === config.budget.steps;
      if (step % config.evalEvery === 0 || last) {
        const e0 = now();
        const metrics: Record<string, number | null> = { ...(await evaluate(model, data.task, valid, loss)), 'train/loss': lossSum / lossCount };
        evalSeconds += now() - e0;
        lossSum = 0;
        lossCount = 0;
        const point: CurvePoint = { step, examples: step * config.batchSize, trainSeconds, metrics };
        curve.push(point);
        const value = metrics[config.target.metric];
        if (value != null && Number.isFinite(value)) {
          best = best === null ? value : config.target.direction === 'higher' ? Math.max(best, value) : Math.min(best, value);
        }
        inputs.onProgress?.({ step, totalSteps: config.budget.steps, metric: value ?? null, trainSeconds });
        if (!reachedAt && meets(value, config.target)) {
          reachedAt = point;
          status = 'reached';
          reason = `${config.target.metric} ${fmt(value!)} met the target ${config.target.value} at step ${step}`;
          if (config.stopAtTarget) break;
        }
      }
      if (trainSeconds > config.budget.seconds) {
        if (!reachedAt) reason = `time budget of ${config.budget.seconds} s used at step ${step} without reaching the target`;
        break;
      }
    }
  } finally {
    batches.dispose?.();
    optimizer.dispose();
    tf.dispose(model.params);
    if (!inputs.valid) disposeValidationSet(valid);
  }

  const lastPoint = curve[curve.length - 1];
  const outcome: Outcome = {
    stepsToTarget: reachedAt?.step ?? null,
    examplesToTarget: reachedAt?.examples ?? null,
    secondsToTarget: reachedAt?.trainSeconds ?? null,
    stepsRun: step,
    trainSeconds,
    evalSeconds,
    initSeconds,
    finalMetrics: lastPoint?.metrics ?? {},
    bestTargetMetric: best,
    reason,
    ...(selection ? { scoring: { steps: selection.scoringSteps, seconds: scoringSeconds } } : {}),
  };
  return { status, outcome, curve };
}

/** Reads a scalar (asynchronously, as everywhere in a trial: see the loss read above) and frees it. */
async function scalarOf(t: tf.Scalar): Promise<number> {
  const v = (await t.data())[0]!;
  t.dispose();
  return v;
}

function fmt(v: number): string {
  return Number(v.toPrecision(4)).toString();
}
