/**
 * Trains one engine benchmark model for a few steps on a backend and prints the losses and a
 * SHA-256 of the final parameters: run in separate processes, equal hashes mean bit-identical
 * training across processes. Usage: tsx train-hash.ts <backend> <model> <steps>
 */
import { initBackend, type BackendName } from '../../../harness/backends/select.js';
import { trainAndHash } from './train-hash-lib.js';
import type { ModelName } from '../../../benchmarks/perf/models.js';

const [backend, model, steps] = process.argv.slice(2);
await initBackend(backend as BackendName);
process.stdout.write(JSON.stringify(await trainAndHash(model as ModelName, Number(steps))) + '\n');
