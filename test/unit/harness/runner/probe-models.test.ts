import * as tf from '@tensorflow/tfjs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../../../harness/backends/select.js';
import { loadRegistries } from '../../../../harness/builtins.js';
import { workloadProbeModels } from '../../../../harness/runner/probe-models.js';
import { Rng } from '../../../../harness/rng.js';

describe('the models `--backend auto` probes', () => {
  beforeAll(async () => {
    await initBackend('cpu');
  });

  it('refuses the all-zero seed, on which xoroshiro128+ only ever draws 0 (normal() would never return)', () => {
    expect(() => new Rng('0'.repeat(32))).toThrow(/all zeros/);
    expect(new Rng('0'.repeat(31) + '1').normal()).not.toBe(0);
  });

  it('builds and steps every variant of a workload whose model draws normals (polynomial regression, as rex probes it)', async () => {
    const registries = await loadRegistries(process.cwd());
    const cacheDir = mkdtempSync(join(tmpdir(), 'reprobench-probe-models-'));
    const models = workloadProbeModels(
      registries,
      ['polynomial-regression:budget-10', 'polynomial-regression:budget-25'],
      cacheDir,
    );
    expect(models.map((m) => m.key)).toEqual([
      'polynomial-regression@2:budget-10',
      'polynomial-regression@2:budget-25',
    ]);
    for (const m of models) {
      const run = await m.create();
      await run.step(); // creates the optimizer's slots
      const before = tf.memory().numTensors;
      await run.step();
      await run.step();
      expect(tf.memory().numTensors).toBe(before);
      run.dispose();
    }
  });
});
