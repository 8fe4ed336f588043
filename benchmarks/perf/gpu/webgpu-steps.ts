/**
 * Engine benchmark on a GPU machine: the pinned models' step times on the `webgpu` backend, through
 * the harness's own backend selection (auto and named). The GPU machines lent to this project have
 * no Node.js and no network, so this entry is bundled into one file with esbuild and run there
 * (docs/engine.md § WebGPU says how); `torch_cuda.py` measures the same models in PyTorch CUDA.
 * It also runs one real trial (teacher-student, adan, to the target) through the harness's runner.
 */
import { initBackend } from '../../../harness/backends/select.js';
import { loadRegistries } from '../../../harness/builtins.js';
import { runTrial } from '../../../harness/runner/run-trial.js';
import { makeTrial } from '../../../harness/scheduler/plan.js';
import { hostProvenance } from '../../../harness/store/provenance.js';
import { measureSteps } from '../steps.js';

const log = (line: string) => process.stderr.write(`${line}\n`);

async function main(): Promise<void> {
  const auto = await initBackend('auto');
  log(`auto picked ${auto.name} (${auto.numericsClass}): ${auto.reasons.join('; ')}`);
  const rounds = Number(process.env.ROUNDS ?? 5);
  const report = await measureSteps({
    backends: ['webgpu'],
    models: ['mlp', 'cnn', 'transformer'],
    rounds,
    seconds: 2,
    pytorch: false,
    stock: false,
    slow: false,
    log,
  });
  const registries = await loadRegistries();
  const planned = makeTrial(registries, { workloadId: 'teacher-student', arm: { method: 'adan' }, repeat: { purpose: 'eval', index: 0 }, backend: auto, stopAtTarget: true });
  const record = await runTrial(planned.id, planned.config, { registries, backend: auto, host: hostProvenance(), cacheDir: process.env.REPROBENCH_CACHE ?? '/tmp/reprobench-cache' });
  const trial = { label: planned.label, status: record.status, outcome: record.outcome, evals: record.curve.length, last: record.curve.at(-1) };
  log(`trial ${planned.label}: ${record.status}`);
  process.stdout.write(`${JSON.stringify({ auto: { name: auto.name, numericsClass: auto.numericsClass, reasons: auto.reasons }, trial, ...report })}\n`);
}

main().catch((e) => {
  log(`webgpu-steps failed: ${(e as Error).stack ?? e}`);
  process.exit(1);
});
