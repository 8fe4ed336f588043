import * as tf from '@tensorflow/tfjs';
import { probeRun } from '../backends/probe-models.js';
import type { ProbeModel } from '../backends/probe.js';
import type { ClaimDefinition } from '../core/claim.js';
import type { Registries } from '../core/registries.js';
import { parseWorkloadRef, resolveVariant, workloadRefOf } from '../core/workload.js';
import { gatherFeatures, gatherTargets } from './batches.js';
import { workloadData } from './data-cache.js';
import { taskLoss } from './evaluate.js';
import { Rng } from '../rng.js';
import { deriveSeed } from './seeds.js';

/**
 * The models `--backend auto` probes for a claim: each of its workloads' own model, trained on
 * one batch of its own training data with the workload's batch size and loss, so the choice is
 * made on the step the trials will take.
 */
export function claimProbeModels(registries: Registries, claim: ClaimDefinition, cacheDir: string): ProbeModel[] {
  return workloadProbeModels(registries, claim.workloads, cacheDir);
}

/** The probe models of workloads named by reference (`id` or `id:variant`), each once; data is loaded only if a probe runs. */
export function workloadProbeModels(registries: Registries, workloads: string[], cacheDir: string): ProbeModel[] {
  const refs = [...new Set(workloads.map((w) => workloadRefOf(parseWorkloadRef(w))))];
  return refs.map((ref) => {
    const { id, variant } = parseWorkloadRef(ref);
    const def = registries.workloads.get(id);
    const w = resolveVariant(def, variant);
    return {
      key: `${def.id}@${def.version}:${variant}`,
      async create() {
        const data = await workloadData(def, variant, cacheDir);
        const rows = Int32Array.from({ length: w.batchSize }, (_, i) => i % data.train.n);
        const model = def.createModel(
          new Rng(deriveSeed('init', [def.id, def.version, variant, 'probe', 0])),
          data,
          w.options,
        );
        const x = tf.tensor2d(gatherFeatures(data.train, rows, data.featureSize, data.xScale ?? 1), [
          w.batchSize,
          data.featureSize,
        ]);
        const y = gatherTargets(data.train, rows, data.task);
        const lossOf = def.loss ?? ((out: tf.Tensor2D, t: tf.Tensor2D) => taskLoss(data.task, out, t));
        // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with .call(model)
        const forward = model.applyTrain ?? model.apply;
        const loss = () => lossOf(forward.call(model, x), y);
        return probeRun(model.params, loss, () => tf.dispose([...model.params, ...(model.state ?? []), x, y]));
      },
    };
  });
}
