/**
 * A plain tfjs process for the scaling benchmark: it runs benchmark trials one after another
 * in-process (same training loop, data and evals as a pool worker) with no pool, no IPC and no
 * store, and prints its timings as one JSON line.
 * Usage: plain-child <backend> <steps> <repeat,repeat,…> <cacheDir>
 */
import { initBackend, type BackendName } from '../../harness/backends/select.js';
import { loadRegistries } from '../../harness/builtins.js';
import { runTrial } from '../../harness/runner/run-trial.js';
import { hostProvenance } from '../../harness/store/provenance.js';
import { benchTrial } from './trial-spec.js';

const [backendName, steps, repeats, cacheDir] = process.argv.slice(2);
const t0 = performance.now();
const registries = await loadRegistries();
const backend = await initBackend(backendName as BackendName);
const t1 = performance.now();
for (const repeat of repeats!.split(',').map(Number)) {
  const trial = benchTrial(registries, backend, repeat, Number(steps));
  await runTrial(trial.id, trial.config, { registries, backend, host: hostProvenance(), cacheDir: cacheDir! });
}
process.stdout.write(JSON.stringify({ startMs: t1 - t0, trialsMs: performance.now() - t1 }) + '\n');
