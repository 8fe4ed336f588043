import * as tf from '@tensorflow/tfjs';
import { isCommandMethod, type MethodDefinition } from '../core/method.js';
import type { CurvePoint, Outcome, TrialConfig, TrialStatus } from '../core/trial.js';
import { WEIGHT_DISTANCE_METRIC, type SupervisedData, type WorkloadDefinition } from '../core/workload.js';
import { BatchStream } from './batches.js';
import type { BatchSource } from './batch-source.js';
import { subsetTraining } from './subset.js';
import { buildValidationSet, disposeValidationSet, evaluate, taskLoss, type ValidationSet } from './evaluate.js';
import { Rng } from '../rng.js';
import { deriveSeed, type TrialSeeds } from './seeds.js';
import { planStage } from './stages.js';
import { FineEvals } from './fine-evals.js';
import { resolutionOf } from './resolution.js';
import { weightDistance } from './weight-distance.js';
import { meetsTarget } from '../scoring/time-to-result.js';
import { GradNormRecorder, type GradNormTrace } from './grad-norm.js';
import { createModel } from './trial-model.js';

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
  /** Per-step gradient norms, when recorded (the config's `recordGradNorm` or the input's). */
  gradNorms?: GradNormTrace;
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
  /**
   * The learning rate per step in place of the method's (a schedule derived from a pilot run,
   * runner/pilot-run.ts). Required for a method with `pilotSchedule`, which `trainTrial` runs.
   */
  learningRate?: (step: number) => number;
  /** Record every step's gradient norms even when the config does not ask (a pilot run). */
  recordGradNorm?: boolean;
}

const now = () => performance.now() / 1000;

/**
 * One seeded training run. Timing follows AlgoPerf: model and data setup and every evaluation
 * are excluded; building batches, the forward/backward pass and the update are included.
 * The target is checked at each eval (every `evalEvery` steps and at the last step); a NaN or
 * infinite training loss stops the trial as `diverged`. A time-to-target trial with
 * `fineEvalEvery` places its crossing to that many steps by a replay (fine-evals.ts), whose
 * training and evals count as evaluation time.
 */
export async function train(inputs: TrainInputs): Promise<TrainResult> {
  const { config, seeds, workload, method } = inputs;
  if (isCommandMethod(method))
    throw new Error(`method ${method.id} runs an external command; the tfjs training loop cannot train it`);
  if (method.pilotSchedule?.(config.method.hparams) && !inputs.learningRate)
    throw new Error(
      `method ${method.id} derives its schedule from a pilot run: train it with trainTrial (runner/pilot-run.ts)`,
    );
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
  const rows = selection
    ? (selection.rows ?? null)
    : (method.trainSubset?.(config.method.hparams, { trainSize: inputs.data.train.n, rng: new Rng(seeds.method) }) ??
      null);
  const data = rows ? subsetTraining(inputs.data, rows) : inputs.data;
  const model = createModel(workload, method, config, data, inputs.options, seeds);
  const forwardTrain = (x: tf.Tensor2D) => (model.applyTrain ? model.applyTrain(x) : model.apply(x));
  const optimizer = method.createOptimizer(config.method.hparams);
  const stream = new BatchStream(data, config.batchSize, new Rng(seeds.order), selection?.epochRows ?? data.trainOrder);
  const valid = inputs.valid ?? buildValidationSet(data);
  const batches: BatchSource =
    method.batchSource?.(config.method.hparams, {
      stream,
      lossOf: (b) => scalarOf(tf.tidy(() => loss(model.apply(b.x), b.y))),
    }) ?? stream;
  const planner = method.stagePlanner?.(config.method.hparams) ?? null;
  // Probe batches come from a stream of their own (seeded from the method seed), so the shared
  // stream hands the stage steps the same batches, in order, that every other method sees.
  const probeStream = planner
    ? new BatchStream(data, config.batchSize, new Rng(deriveSeed('method', [seeds.method, 'stage-probes'])))
    : null;
  // A variant that records the weight distance keeps a copy of the initial parameters (#52's law).
  // A copy of the data, not tf.clone (which may share the buffer a kernel could update in place).
  const initial =
    inputs.options.recordWeightDistance === true
      ? await Promise.all(model.params.map(async (p) => tf.tensor(await p.data(), p.shape, p.dtype)))
      : null;
  const variables = [...model.params, ...(model.state ?? [])];
  const fine = FineEvals.create(config.stopAtTarget ? config.fineEvalEvery : undefined, variables, optimizer);
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
  let lastEvalStep = 0;
  let stage = 0;
  let stageLeft = 0;
  let stageLr = 0;
  const norms = config.recordGradNorm === true || inputs.recordGradNorm === true ? new GradNormRecorder() : undefined;

  /** One optimizer step on a batch; the caller frees the batch. `record`: a trial step whose gradient norms are traced. */
  const optimizerStep = async (x: tf.Tensor2D, y: tf.Tensor2D, record = false): Promise<number> => {
    const { value, grads } = tf.variableGrads(() => loss(forwardTrain(x), y), model.params);
    if (record && norms) await norms.record(Object.values(grads));
    optimizer.applyGradients(grads);
    // Read asynchronously: WebGPU in Node has no synchronous read-back (tfjs's readSync needs
    // OffscreenCanvas), and on wasm/blas/cpu the promise resolves at once with the same value.
    const batchLoss = (await value.data())[0]!;
    tf.dispose([value, ...Object.values(grads)]);
    return batchLoss;
  };

  /** Evaluates the model as it is now; the point is not yet in the curve. Its time is evaluation time. */
  const measure = async (at: number, seconds: number, trainLoss: number | null): Promise<CurvePoint> => {
    const e0 = now();
    const metrics: Record<string, number | null> = {
      ...(await evaluate(model, data.task, valid, loss)),
      'train/loss': trainLoss,
      ...(config.recordGradNorm && norms ? { 'train/grad-norm': norms.takeWindowMean() } : {}),
    };
    if (initial) metrics[WEIGHT_DISTANCE_METRIC] = await weightDistance(model.params, initial);
    evalSeconds += now() - e0;
    return { step: at, examples: at * config.batchSize, trainSeconds: seconds, metrics };
  };
  const metOf = (p: CurvePoint) => meetsTarget(p.metrics[config.target.metric], config.target);

  /** Adds a point to the curve; true when it is the first to meet the target. */
  const addPoint = (point: CurvePoint): boolean => {
    curve.push(point);
    const value = point.metrics[config.target.metric];
    if (value != null && Number.isFinite(value)) {
      best =
        best === null ? value : config.target.direction === 'higher' ? Math.max(best, value) : Math.min(best, value);
    }
    inputs.onProgress?.({
      step: point.step,
      totalSteps: config.budget.steps,
      metric: value ?? null,
      trainSeconds: point.trainSeconds,
    });
    if (reachedAt || !meetsTarget(value, config.target)) return false;
    reachedAt = point;
    status = 'reached';
    reason = `${config.target.metric} ${fmt(value!)} met the target ${config.target.value} at step ${point.step}`;
    return true;
  };

  /** Evaluates the model as it is now and records the point; true when the trial should stop at the target. */
  const evalPoint = async (): Promise<boolean> => {
    const point = await measure(step, trainSeconds, lossCount > 0 ? lossSum / lossCount : null);
    lossSum = 0;
    lossCount = 0;
    lastEvalStep = step;
    if (fine && !reachedAt && metOf(point)) {
      // The first eval to meet the target: place the crossing by replaying the interval before it.
      const r0 = now();
      const evalBefore = evalSeconds;
      const finer = await fine.replay(point, {
        step: (b, lr) => {
          optimizer.learningRate = lr;
          return optimizerStep(b.x, b.y);
        },
        evaluate: measure,
        meets: metOf,
      });
      for (const p of finer) addPoint(p);
      if (!reachedAt) addPoint(point);
      // The replay (its training and its evals) is measurement, not the trial's training.
      evalSeconds = evalBefore + (now() - r0);
      // The trial ends where it met the target.
      step = reachedAt!.step;
      trainSeconds = reachedAt!.trainSeconds;
      return true;
    }
    if (addPoint(point)) return config.stopAtTarget;
    await markFine();
    return false;
  };
  /** A snapshot for the next replay, taken at each eval that missed the target; its time is evaluation time. */
  const markFine = async () => {
    const m0 = now();
    await fine?.mark(step);
    evalSeconds += now() - m0;
  };

  try {
    await markFine();
    while (step < config.budget.steps) {
      if (planner && stageLeft === 0) {
        // The search is part of the method: its steps are charged and its time (snapshots,
        // probes, restores, the planner's own work) counts as training time.
        const p0 = now();
        const plan = await planStage(planner, stage++, {
          // Non-trainable state too (BN running statistics): a probe must leave no trace.
          params: [...model.params, ...(model.state ?? [])],
          optimizer,
          budgetSteps: config.budget.steps,
          stepsTaken: () => step,
          drawProbeBatch: () => probeStream!.next(),
          chargedStep: async (b) => {
            const l = await optimizerStep(b.x, b.y);
            step++;
            inputs.onStep?.(step);
            return l;
          },
        });
        trainSeconds += now() - p0;
        stageLr = plan.learningRate;
        stageLeft = plan.steps;
        if (step >= config.budget.steps) {
          // The budget ran out during the search: the model is back at the stage's start, so
          // the final point evaluates the model the method would have handed over.
          if (step > lastEvalStep) await evalPoint();
          break;
        }
        if (trainSeconds > config.budget.seconds) {
          if (!reachedAt)
            reason = `time budget of ${config.budget.seconds} s used at step ${step} without reaching the target`;
          break;
        }
      }
      const s0 = now();
      const lr = planner
        ? stageLr
        : (inputs.learningRate?.(step) ??
          method.learningRate(config.method.hparams, { step, totalSteps: config.stepHint }));
      optimizer.learningRate = lr;
      const batch = await batches.next();
      const batchLoss = await optimizerStep(batch.x, batch.y, true);
      step++;
      if (planner) stageLeft--;
      trainSeconds += now() - s0;
      // Kept (not freed) for a replay of this interval when fine evals are on.
      if (fine) fine.record(batch, lr, step, trainSeconds);
      else tf.dispose([batch.x, batch.y]);
      inputs.onStep?.(step);

      if (!Number.isFinite(batchLoss)) {
        // A run that met the target before blowing up keeps its time to target.
        if (!reachedAt) status = 'diverged';
        reason =
          `training loss became ${batchLoss} at step ${step}` +
          (reachedAt ? ` (after reaching the target at step ${reachedAt.step})` : '');
        break;
      }
      lossSum += batchLoss;
      lossCount++;

      const last = step === config.budget.steps;
      // Every evalEvery steps; a stage method's probe steps are never evaluated (the probed model
      // is thrown away), so it evaluates at the first stage step at or past each multiple.
      if (Math.floor(step / config.evalEvery) > Math.floor(lastEvalStep / config.evalEvery) || last) {
        if (await evalPoint()) break;
      }
      if (trainSeconds > config.budget.seconds) {
        if (!reachedAt)
          reason = `time budget of ${config.budget.seconds} s used at step ${step} without reaching the target`;
        break;
      }
    }
  } finally {
    fine?.dispose();
    batches.dispose?.();
    optimizer.dispose();
    tf.dispose([...model.params, ...(model.state ?? []), ...(initial ?? [])]);
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
    resolutionSteps: resolutionOf(curve, reachedAt?.step ?? null),
    reason,
    ...(selection ? { scoring: { steps: selection.scoringSteps, seconds: scoringSeconds } } : {}),
  };
  return { status, outcome, curve, ...(norms ? { gradNorms: norms.trace } : {}) };
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
