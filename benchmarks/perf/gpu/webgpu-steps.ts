/**
 * Engine benchmark on a GPU machine, bundled into one file (the GPU machines lent to this project
 * have no Node.js and no network; docs/engine.md § WebGPU says how it is carried and run, and
 * benchmarks/perf/gpu/device-run.sh runs every mode in one call). One mode per process, one JSON
 * line on stdout:
 *   check  the fused WGSL optimizer updates against the unfused ops, and a short training run vs cpu
 *   diag   tfjs's webgpu as shipped, then each tuning part and the fused updates added one by one
 *          (webgpu-tuning.ts), with Dawn's host calls counted per step
 *   steps  measureSteps on BACKENDS (default webgpu,blas) for MODELS (default all six), ROUNDS, SECONDS
 *   auto   what `--backend auto` picks for each of MODELS, each in its own probe
 *   trial  one real trial (teacher-student, adan, to the target) through the harness's runner
 */
import * as tf from '@tensorflow/tfjs';
import { registerWebgpuKernels, type WebgpuModule } from '../../../harness/backends/webgpu-kernels.js';
import { TUNING_PARTS, tuneWebgpu } from '../../../harness/backends/webgpu-tuning.js';
import { initBackend, type BackendName } from '../../../harness/backends/select.js';
import { loadRegistries } from '../../../harness/builtins.js';
import { runTrial } from '../../../harness/runner/run-trial.js';
import { makeTrial } from '../../../harness/plan/plan.js';
import { hostProvenance } from '../../../harness/store/provenance.js';
import { ALL_MODEL_NAMES, CREATE, createMlp, type BenchModel, type ModelName } from '../models.js';
import { measureSteps } from '../steps.js';
import { checkTraining, checkWebgpuKernels } from './check-kernels.js';

const log = (line: string) => process.stderr.write(`${line}\n`);
const env = (k: string, d: string) => process.env[k] ?? d;
const models = () => env('MODELS', ALL_MODEL_NAMES.join(',')).split(',') as ModelName[];

/** Dawn's host calls by name: count and milliseconds, wrapped on the WebGPU classes' prototypes. */
function countDawnCalls(): Record<string, { n: number; ms: number }> {
  const stats: Record<string, { n: number; ms: number }> = {};
  const g = globalThis as unknown as Record<
    string,
    { prototype: Record<string, (...a: unknown[]) => unknown> } | undefined
  >;
  const wanted: Record<string, string[]> = {
    GPUDevice: ['createBindGroup', 'createBuffer', 'createCommandEncoder', 'createComputePipeline'],
    GPUQueue: ['writeBuffer', 'submit'],
    GPUBuffer: ['destroy', 'mapAsync', 'unmap'],
    GPUComputePipeline: ['getBindGroupLayout'],
    GPUCommandEncoder: ['beginComputePass', 'copyBufferToBuffer', 'finish'],
    GPUComputePassEncoder: ['dispatchWorkgroups'],
  };
  for (const [cls, names] of Object.entries(wanted)) {
    const proto = g[cls]?.prototype;
    if (!proto) continue;
    for (const name of names) {
      const f = proto[name]!;
      proto[name] = function (this: unknown, ...a: unknown[]) {
        const t = performance.now();
        const r = f.apply(this, a);
        const s = (stats[`${cls}.${name}`] ??= { n: 0, ms: 0 });
        s.n++;
        s.ms += performance.now() - t;
        return r;
      };
    }
  }
  return stats;
}

/** Sets up tfjs's webgpu backend on Dawn as shipped: no project kernels, no tuning. */
async function stockWebgpu(): Promise<WebgpuModule & { WebGPUBackend: { prototype: object } }> {
  const dawn = (await import('webgpu')) as { create(o: string[]): unknown; globals: object };
  Object.assign(globalThis, dawn.globals);
  Object.defineProperty(globalThis, 'navigator', {
    value: { gpu: dawn.create([]) },
    configurable: true,
    writable: true,
  });
  const mod = (await import('@tensorflow/tfjs-backend-webgpu')) as WebgpuModule & {
    WebGPUBackend: { prototype: object };
  };
  tf.enableProdMode();
  if (!(await tf.setBackend('webgpu'))) throw new Error('webgpu: setBackend failed');
  return mod;
}

/** The diagnosis's models: the benchmark's, and the MLP written with fused ops (`mlp-fused`). */
const DIAG_CREATE: Record<string, () => BenchModel> = {
  ...CREATE,
  'mlp-fused': () => createMlp(undefined, 'mlp', true),
};

async function time(name: string, steps: number, read: boolean): Promise<number> {
  const m = DIAG_CREATE[name]!();
  for (let i = 0; i < 5; i++) await m.step();
  const t = performance.now();
  for (let i = 0; i < steps; i++) await m.step(read);
  await m.sync();
  const ms = (performance.now() - t) / steps;
  m.dispose();
  return ms;
}

async function diag(): Promise<object> {
  const mod = await stockWebgpu();
  const stats = countDawnCalls();
  const variants: Array<{ label: string; apply: () => void }> = [
    { label: 'as shipped', apply: () => {} },
    ...TUNING_PARTS.map((p) => ({ label: `+${p}`, apply: () => tuneWebgpu(mod.WebGPUBackend, [p]) })),
    { label: '+fused updates', apply: () => registerWebgpuKernels(mod) },
  ];
  const rows: object[] = [];
  const steps = Number(env('DIAG_STEPS', '30'));
  for (const v of variants) {
    v.apply();
    for (const name of env('DIAG_MODELS', 'mlp,mlp-fused,transformer,mlp-large').split(',')) {
      await time(name, 3, true); // pipelines compiled, buffers pooled
      for (const k of Object.keys(stats)) delete stats[k];
      const perStep = await time(name, steps, true);
      const calls = Object.fromEntries(
        Object.entries(stats).map(([k, s]) => [k, { perStep: s.n / (steps + 5), hostMsPerStep: s.ms / (steps + 5) }]),
      );
      const noRead = await time(name, steps, false);
      rows.push({ variant: v.label, model: name, msPerStep: perStep, msPerStepNoReadBack: noRead, calls });
      log(`diag ${v.label} ${name}: ${perStep.toFixed(2)} ms/step (${noRead.toFixed(2)} without reading the loss)`);
    }
  }
  return { diag: rows };
}

async function auto(): Promise<object> {
  const picks: object[] = [];
  for (const name of models()) {
    // One probe per model: each in a fresh cache key (the model), the same process.
    const info = await initBackend('auto', {
      cacheDir: env('REPROBENCH_CACHE', '/tmp/reprobench-cache'),
      probe: () => [
        {
          key: `bench-${name}`,
          create: () => {
            const m = CREATE[name]();
            return { step: async () => void (await m.step()), dispose: () => m.dispose() };
          },
        },
      ],
    });
    picks.push({ model: name, chose: info.name, numericsClass: info.numericsClass, reasons: info.reasons });
    log(`auto for ${name}: ${info.reasons.at(-1)}`);
    break; // initBackend keeps its first choice for the process: one model per process
  }
  return { auto: picks };
}

async function trial(): Promise<object> {
  const backend = await initBackend('webgpu');
  const registries = await loadRegistries();
  const planned = makeTrial(registries, {
    workloadId: 'teacher-student',
    arm: { method: 'adan' },
    repeat: { purpose: 'eval', index: 0 },
    backend,
    stopAtTarget: true,
  });
  const record = await runTrial(planned.id, planned.config, {
    registries,
    backend,
    host: hostProvenance(),
    cacheDir: env('REPROBENCH_CACHE', '/tmp/reprobench-cache'),
  });
  const { status, outcome, curve } = record;
  return {
    trial: {
      label: planned.label,
      backend: backend.numericsClass,
      status,
      outcome,
      evals: curve.length,
      last: curve.at(-1),
    },
  };
}

async function main(): Promise<void> {
  const mode = process.argv[2] ?? 'steps';
  let out: object;
  if (mode === 'check') {
    await initBackend('webgpu');
    out = { kernels: await checkWebgpuKernels(), training: await checkTraining() };
  } else if (mode === 'diag') out = await diag();
  else if (mode === 'auto') out = await auto();
  else if (mode === 'trial') out = await trial();
  else {
    const report = await measureSteps({
      backends: env('BACKENDS', 'webgpu,blas').split(',') as BackendName[],
      models: models(),
      rounds: Number(env('ROUNDS', '3')),
      seconds: Number(env('SECONDS', '1')),
      pytorch: false,
      stock: false,
      slow: false,
      log,
    });
    out = report;
  }
  process.stdout.write(`${JSON.stringify({ mode, ...out })}\n`);
  process.exit(0); // Dawn's threads would keep the process alive
}

main().catch((e) => {
  log(`webgpu-steps failed: ${(e as Error).stack ?? e}`);
  process.exit(1);
});
