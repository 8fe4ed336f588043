/**
 * A plain tfjs process for the scaling benchmark: it runs the benchmark trial in-process (same
 * training loop, data and evals as a pool worker) with no pool, no IPC and no store, and prints
 * its timings as one JSON line. Usage: plain-child <backend> <steps> <repeat> <cacheDir>
 */
import { initBackend, type BackendName } from '../../harness/backends/select.js';
import { loadRegistries } from '../../harness/builtins.js';
import { runTrial } from '../../harness/runner/run-trial.js';
import { hostProvenance } from '../../harness/store/provenance.js';
import { benchTrial } from './trial-spec.js';

const [backendName, steps, repeat, cacheDir] = process.argv.slice(2);
const t0 = performance.now();
const registries = await loadRegistries();
const backend = await initBackend(backendName as BackendName);
const trial = benchTrial(registries, backend, Number(repeat), Number(steps));
const t1 = performance.now();
const record = await runTrial(trial.id, trial.config, { registries, backend, host: hostProvenance(), cacheDir: cacheDir! });
const t2 = performance.now();
process.stdout.write(JSON.stringify({ startMs: t1 - t0, trialMs: t2 - t1, trainSeconds: record.outcome.trainSeconds, evalSeconds: record.outcome.evalSeconds }) + '\n');
