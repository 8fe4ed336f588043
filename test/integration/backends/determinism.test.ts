import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { loadBlasAddon } from '../../../harness/backends/blas/addon.js';
import { initBackend } from '../../../harness/backends/select.js';
import { loadRegistries } from '../../../harness/builtins.js';
import { runTrial } from '../../../harness/runner/run-trial.js';
import { makeTrial } from '../../../harness/plan/plan.js';
import { hostProvenance } from '../../../harness/store/provenance.js';
import { ROOT, TEST_CACHE } from '../../helpers/cli.js';
import { trainAndHash } from './train-hash-lib.js';

const blasBuilt = 'addon' in loadBlasAddon();
/** Backends the project calls deterministic; blas where its addon is built (CI installs OpenBLAS). */
const BACKENDS = ['wasm', ...(blasBuilt ? (['blas'] as const) : [])] as const;

function inChild(backend: string, model: string, steps: number): { losses: number[]; hash: string } {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'test', 'integration', 'backends', 'train-hash.ts'), backend, model, String(steps)],
    { cwd: ROOT, encoding: 'utf8', timeout: 120_000 },
  );
  if (r.status !== 0) throw new Error(`train-hash failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as { losses: number[]; hash: string };
}

describe("bit-reproducible training on the project's kernels", () => {
  for (const backend of BACKENDS) {
    it(`${backend}: the same CNN and transformer training in two processes ends in bit-identical weights`, async () => {
      await initBackend(backend);
      for (const model of ['cnn', 'transformer'] as const) {
        const here = await trainAndHash(model, 3);
        const there = inChild(backend, model, 3);
        expect(there.hash, model).toBe(here.hash);
        expect(there.losses, model).toEqual(here.losses);
        // It trained: the loss of the fixed batch went down.
        expect(here.losses[2]!, model).toBeLessThan(here.losses[0]!);
      }
    });
  }

  if (blasBuilt) {
    for (const method of ['adan', 'nadamw']) {
      it(`blas: the same ${method} trial twice gives bit-identical eval curves`, async () => {
        const registries = await loadRegistries();
        const backend = await initBackend('blas');
        const trial = makeTrial(registries, {
          workloadId: 'teacher-student',
          arm: { method },
          repeat: { purpose: 'eval', index: 0 },
          backend,
          stopAtTarget: false,
          budgetSteps: 120,
        });
        const ctx = { registries, backend, host: hostProvenance(), cacheDir: TEST_CACHE };
        const a = await runTrial(trial.id, trial.config, ctx);
        const b = await runTrial(trial.id, trial.config, ctx);
        expect(a.curve.map((p) => p.metrics)).toEqual(b.curve.map((p) => p.metrics));
        const losses = a.curve.map((p) => p.metrics['validation/loss']!);
        expect(losses[losses.length - 1]).toBeLessThan(losses[0]!);
      });
    }

    it('blas and wasm are different numerics classes, and blas names its BLAS kernel', async () => {
      const wasm = await initBackend('wasm');
      const blas = await initBackend('blas');
      expect(blas.numericsClass).not.toBe(wasm.numericsClass);
      expect(blas.numericsClass).toMatch(/^blas-tfjs4\.22\.0-k3-openblas\d+\.\d+\.\d+-\w+$/);
      expect(tf.getBackend()).toBe('blas');
    });
  }
});
