import * as tf from '@tensorflow/tfjs';
import { isCommandMethod } from '../core/method.js';
import type { TrialConfig, TrialRecord } from '../core/trial.js';
import { reportedMetrics, resolveVariant } from '../core/workload.js';
import { ReprobenchError } from '../errors.js';
import { workloadData } from './data-cache.js';
import { runCommandTrial } from './external/command-trial.js';
import { keptValidationSet } from './evaluate.js';
import { trialSeeds } from './seeds.js';
import { trialRecord } from './trial-record.js';
import { train } from './train-loop.js';
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
  const data = await workloadData(workload, config.workload.variant, ctx.cacheDir);
  if (!reportedMetrics(data.task.kind).includes(config.target.metric)) {
    // The load-time check knows every metric name; only now is the task known (accuracy needs classes).
    const what = `the target metric ${config.target.metric} of ${workload.id} is not reported by its ${data.task.kind} task`;
    throw new ReprobenchError('E_BAD_CONFIG', what, `use one of ${reportedMetrics(data.task.kind).join(', ')}`);
  }
  // Built (once per process and data set) before the leak count, so keeping it is no leak.
  const valid = keptValidationSet(data);
  const before = tf.memory().numTensors;
  const result = await train({
    valid,
    config,
    seeds,
    workload,
    method,
    data,
    options: resolved.options,
    ...(ctx.onProgress ? { onProgress: ctx.onProgress } : {}),
  });
  const leaked = tf.memory().numTensors - before;
  if (leaked !== 0) throw new Error(`trial ${id} leaked ${leaked} tensors`);
  return trialRecord(id, config, { seeds, status: result.status, outcome: result.outcome, curve: result.curve }, ctx, startedAt);
}
