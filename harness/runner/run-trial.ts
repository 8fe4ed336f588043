import * as tf from '@tensorflow/tfjs';
import { isCommandMethod } from '../core/method.js';
import type { TrialConfig, TrialRecord } from '../core/trial.js';
import { reportedMetrics, resolveVariant } from '../core/workload.js';
import { ReprobenchError } from '../errors.js';
import { workloadData } from './data-cache.js';
import { runCommandTrial } from './external/command-trial.js';
import { buildValidationSet, disposeValidationSet, keptValidationSet } from './evaluate.js';
import { trialSeeds } from './seeds.js';
import { trialRecord } from './trial-record.js';
import { trainTrial } from './pilot-run.js';
import type { RunTrialContext } from './trial-context.js';

/** Runs one planned trial in this process and returns its complete record (not yet stored). */
export async function runTrial(id: string, config: TrialConfig, ctx: RunTrialContext): Promise<TrialRecord> {
  if (config.backend !== ctx.backend.name) {
    throw new Error(`trial ${id} was planned for backend ${config.backend}, but this process runs ${ctx.backend.name}`);
  }
  const method = ctx.registries.methods.get(config.method.id);
  if (isCommandMethod(method)) return runCommandTrial(id, config, method, ctx);
  const startedAt = new Date().toISOString();
  const workload = ctx.registries.workloads.get(config.workload.id);
  const resolved = resolveVariant(workload, config.workload.variant);
  const seeds = trialSeeds(config.workload, config.method.id, config.repeat);
  const data = await workloadData(workload, config.workload.variant, ctx.cacheDir, config.repeat);
  if (!reportedMetrics(data.task.kind).includes(config.target.metric)) {
    // The load-time check knows every metric name; only now is the task known (accuracy needs classes).
    const what = `the target metric ${config.target.metric} of ${workload.id} is not reported by its ${data.task.kind} task`;
    throw new ReprobenchError('E_BAD_CONFIG', what, `use one of ${reportedMetrics(data.task.kind).join(', ')}`);
  }
  // Built (once per process and data set) before the leak count, so keeping it is no leak. Data
  // drawn per repeat serves this trial only: its validation tensors are made and freed inside the count.
  const kept = workload.dataPerRepeat ? null : keptValidationSet(data);
  const before = tf.memory().numTensors;
  const valid = kept ?? buildValidationSet(data);
  let result: Awaited<ReturnType<typeof trainTrial>>;
  try {
    result = await trainTrial({
      valid,
      config,
      seeds,
      workload,
      method,
      data,
      options: resolved.options,
      ...(ctx.onProgress ? { onProgress: ctx.onProgress } : {}),
    });
  } finally {
    if (!kept) disposeValidationSet(valid);
  }
  const leaked = tf.memory().numTensors - before;
  if (leaked !== 0) throw new Error(`trial ${id} leaked ${leaked} tensors`);
  return trialRecord(
    id,
    config,
    {
      seeds,
      status: result.status,
      outcome: result.outcome,
      curve: result.curve,
      ...(config.recordGradNorm && result.gradNorms ? { trace: { gradNorm: result.gradNorms.l2 } } : {}),
    },
    ctx,
    startedAt,
  );
}
