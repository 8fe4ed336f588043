import { createHash } from 'node:crypto';
import * as tf from '@tensorflow/tfjs';
import { CREATE, type ModelName } from '../../../benchmarks/perf/models.js';

/** Trains `model` from its seeded init for `steps` steps; the losses and a hash of every variable after. */
export async function trainAndHash(model: ModelName, steps: number): Promise<{ losses: number[]; hash: string }> {
  const before = new Set(Object.keys(tf.engine().registeredVariables));
  const m = CREATE[model]();
  const losses: number[] = [];
  for (let i = 0; i < steps; i++) losses.push(await m.step());
  const h = createHash('sha256');
  for (const [name, v] of Object.entries(tf.engine().registeredVariables)) {
    if (before.has(name)) continue;
    const d = v.dataSync() as Float32Array;
    h.update(new Uint8Array(d.buffer, d.byteOffset, d.byteLength));
  }
  m.dispose();
  return { losses, hash: h.digest('hex') };
}
