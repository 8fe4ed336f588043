#!/usr/bin/env node
/**
 * Where one training step of a pinned benchmark model spends its time, kernel by kernel:
 * `node dist/benchmarks/perf/profile-step.js [backend] [model] [steps]` (defaults: wasm mlp 200).
 * Every registered kernel of the backend is wrapped with a timer; the table gives milliseconds and
 * calls per step by kernel and input shapes, slowest first, then the step's total (the rest is
 * JS and tfjs dispatch). A kernel that calls another directly (tfjs composites) counts in both.
 * A diagnostic, not a benchmark: the wrapping itself costs a little.
 */
import * as tf from '@tensorflow/tfjs';
import { initBackend, type BackendName } from '../../harness/backends/select.js';
import { ALL_MODEL_NAMES, CREATE, type ModelName } from './models.js';

async function main(): Promise<void> {
  const [backendArg = 'wasm', modelArg = 'mlp', stepsArg = '200'] = process.argv.slice(2);
  if (!ALL_MODEL_NAMES.includes(modelArg as ModelName))
    throw new Error(`model must be one of ${ALL_MODEL_NAMES.join(', ')}`);
  await initBackend(backendArg as BackendName);
  const model = CREATE[modelArg as ModelName]();
  for (let i = 0; i < 30; i++) await model.step();
  const totals = new Map<string, { ms: number; calls: number }>();
  for (const config of tf.getKernelsForBackend(tf.getBackend())) {
    const inner = config.kernelFunc;
    config.kernelFunc = (args) => {
      const t0 = performance.now();
      const out = inner(args);
      const shapes = Object.values(args.inputs)
        .map((t) => (t ? t.shape.join('×') || 'scalar' : '-'))
        .join(', ');
      const flags = ['transposeA', 'transposeB']
        .filter((f) => args.attrs?.[f])
        .map((f) => ` ${f}`)
        .join('');
      const key = `${config.kernelName} ${shapes}${flags}`;
      const row = totals.get(key) ?? { ms: 0, calls: 0 };
      row.ms += performance.now() - t0;
      row.calls++;
      totals.set(key, row);
      return out;
    };
  }
  const steps = Number(stepsArg);
  const t0 = performance.now();
  for (let i = 0; i < steps; i++) await model.step();
  const perStep = (performance.now() - t0) / steps;
  const rows = [...totals]
    .map(([key, r]) => ({ key, ms: r.ms / steps, calls: r.calls / steps }))
    .sort((a, b) => b.ms - a.ms);
  process.stdout.write(`${modelArg} on ${tf.getBackend()}, ${steps} steps\n     ms  calls  kernel (input shapes)\n`);
  for (const r of rows.filter((x) => x.ms >= 0.005))
    process.stdout.write(`${r.ms.toFixed(3).padStart(7)}  ${r.calls.toFixed(0).padStart(5)}  ${r.key}\n`);
  const kernels = rows.reduce((s, r) => s + r.ms, 0);
  process.stdout.write(`kernels ${kernels.toFixed(3)} ms of a ${perStep.toFixed(3)} ms step\n`);
  model.dispose();
}

main().catch((e: unknown) => {
  process.stderr.write(`profile-step: ${(e as Error)?.message ?? String(e)}\n`);
  process.exit(1);
});
