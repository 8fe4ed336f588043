/**
 * The "before" of the engine work: tfjs 4.22's wasm backend exactly as shipped (none of the
 * project's kernels, which harness/backends registers), driven over stdin like the PyTorch peer.
 * A model that needs a kernel stock wasm lacks (the CNN: Conv2DBackpropFilter) answers an error.
 */
import { createInterface } from 'node:readline';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { CREATE, type BenchModel, type ModelName } from './models.js';

tf.enableProdMode();
await tf.setBackend('wasm');
const built = new Map<ModelName, BenchModel>();
for await (const line of createInterface({ input: process.stdin })) {
  const req = JSON.parse(line) as { cmd: string; model: ModelName; steps: number; warmup: number };
  let reply: object;
  if (req.cmd === 'info') {
    reply = { backend: tf.getBackend(), tfjs: tf.version.tfjs };
  } else {
    try {
      let m = built.get(req.model);
      if (!m) built.set(req.model, (m = CREATE[req.model]()));
      for (let i = 0; i < req.warmup; i++) await m.step();
      const t0 = performance.now();
      for (let i = 0; i < req.steps; i++) await m.step();
      reply = { model: req.model, msPerStep: (performance.now() - t0) / req.steps };
    } catch (e) {
      reply = { error: String((e as Error).message ?? e).split('\n')[0] };
    }
  }
  process.stdout.write(JSON.stringify(reply) + '\n');
}
