import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../../harness/backends/select.js';
import { loadRegistries } from '../../../harness/builtins.js';
import type { SupervisedData } from '../../../harness/core/workload.js';
import { resolveVariant } from '../../../harness/core/workload.js';
import { Rng } from '../../../harness/rng.js';
import { workloadData } from '../../../harness/runner/data-cache.js';
import { runTrial } from '../../../harness/runner/run-trial.js';
import { trialSeeds, type Repeat } from '../../../harness/runner/seeds.js';
import { makeTrial } from '../../../harness/plan/plan.js';
import { hostProvenance } from '../../../harness/store/provenance.js';
import {
  createLinearStudent,
  initScaleOf,
  LINEAR_TEACHER_NOISE,
  linearTeacher,
} from '../../../workloads/synthetic/linear-teacher.js';
import { ROOT, TEST_CACHE } from '../../helpers/cli.js';
import { requireSystem } from '../../helpers/system-deps.js';

/**
 * The linear-teacher workload (catalogue #79) against two independent references computed in
 * numpy (test/fixtures/python/linear_gd_reference.py): the exact gradient-descent curve from the
 * eigendecomposition of XᵀX on the very data the harness trained on, and Advani & Saxe's
 * Marchenko–Pastur theory of the average curve. numpy comes with Debian's python3-torch (the
 * `torch` probe checks for it).
 */
const GD = {
  learningRate: 0.05,
  momentum: 0,
  nesterov: false,
  weightDecay: 0,
  schedule: 'constant',
  warmupFraction: 0,
};
const dir = mkdtempSync(join(tmpdir(), 'linear-teacher-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes a case's data and initial weights as float32 files and returns its spec for the script. */
async function dumpCase(name: string, variant: string, repeat: Repeat, steps: number[]) {
  const data: SupervisedData = await workloadData(linearTeacher, variant, TEST_CACHE, repeat);
  const options = resolveVariant(linearTeacher, variant).options;
  const seeds = trialSeeds({ id: linearTeacher.id, version: linearTeacher.version, variant }, 'sgd-nesterov', repeat);
  const model = createLinearStudent(new Rng(seeds.init), data.featureSize, initScaleOf(options));
  const w0 = model.params[0]!.dataSync() as Float32Array;
  model.params[0]!.dispose();
  const caseDir = join(dir, name);
  mkdirSync(caseDir, { recursive: true });
  const put = (file: string, a: Float32Array | Uint8Array | Int32Array) =>
    writeFileSync(join(caseDir, `${file}.bin`), Buffer.from(a.buffer, a.byteOffset, a.byteLength));
  put('x', data.train.x);
  put('y', data.train.y);
  put('xv', data.valid.x);
  put('yv', data.valid.y);
  put('w0', w0);
  return { dir: caseDir, n: data.train.n, p: data.featureSize, nValid: data.valid.n, lr: GD.learningRate, steps };
}

function reference(spec: object): { cases: number[][]; theory: number[][] } {
  requireSystem('torch');
  const file = join(dir, `spec-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(spec));
  const r = spawnSync('/usr/bin/python3', [join(ROOT, 'test', 'fixtures', 'python', 'linear_gd_reference.py'), file], {
    encoding: 'utf8',
    timeout: 300_000,
    env: { ...process.env, OPENBLAS_NUM_THREADS: '1' },
  });
  if (r.status !== 0)
    throw new Error(`linear_gd_reference.py failed (${r.error?.message ?? `status ${r.status}`}): ${r.stderr}`);
  return JSON.parse(r.stdout);
}

describe('linear-teacher workload (Advani & Saxe 2017)', () => {
  it('draws fresh data per repeat, the same for every method, and none of it in the shared cache', async () => {
    const a = await workloadData(linearTeacher, 'default', TEST_CACHE, { purpose: 'eval', index: 0 });
    const again = await workloadData(linearTeacher, 'default', TEST_CACHE, { purpose: 'eval', index: 0 });
    const b = await workloadData(linearTeacher, 'default', TEST_CACHE, { purpose: 'eval', index: 1 });
    const tune = await workloadData(linearTeacher, 'default', TEST_CACHE, { purpose: 'tune', index: 0 });
    expect(Array.from(again.train.x.slice(0, 50))).toEqual(Array.from(a.train.x.slice(0, 50)));
    expect(b.train.x[0]).not.toBe(a.train.x[0]);
    expect(tune.train.x[0]).not.toBe(a.train.x[0]);
    expect(a.featureSize).toBe(100);
    expect((await workloadData(linearTeacher, 'ratio-4', TEST_CACHE, { purpose: 'eval', index: 0 })).featureSize).toBe(
      400,
    );
    // Labels: signal variance 1 plus noise σ² (0.25): the sample variance of 1,000 validation labels is near 1.25.
    const yv = Array.from(a.valid.y);
    const mean = yv.reduce((s, v) => s + v, 0) / yv.length;
    const variance = yv.reduce((s, v) => s + (v - mean) ** 2, 0) / (yv.length - 1);
    expect(variance).toBeGreaterThan(1 + LINEAR_TEACHER_NOISE ** 2 - 0.35);
    expect(variance).toBeLessThan(1 + LINEAR_TEACHER_NOISE ** 2 + 0.35);
  });

  it("a harness trial's validation loss follows the exact gradient-descent solution (P/N = 1 and 4, small and large init)", async () => {
    const registries = await loadRegistries();
    const backend = await initBackend('wasm');
    const ctx = { registries, backend, host: hostProvenance(), cacheDir: TEST_CACHE };
    const cases = [
      ['linear-teacher', 'default', 3],
      ['linear-teacher:ratio-4-large-init', 'ratio-4-large-init', 5],
    ] as const;
    const curves: number[][] = [];
    const specs = [];
    for (const [workloadId, variant, index] of cases) {
      const repeat: Repeat = { purpose: 'eval', index };
      const t = makeTrial(registries, {
        workloadId,
        arm: { method: 'sgd-nesterov', hparams: GD },
        repeat,
        backend,
        stopAtTarget: false,
        budgetSteps: 400,
      });
      const record = await runTrial(t.id, t.config, ctx);
      expect(record.status).not.toBe('failed');
      curves.push(record.curve.map((p) => p.metrics['validation/loss']!));
      specs.push(await dumpCase(`${variant}-${index}`, variant, repeat, [0, ...record.curve.map((p) => p.step)]));
    }
    const ref = reference({ cases: specs });
    for (let k = 0; k < cases.length; k++) {
      // An eval every 20 steps (none at step 0; the reference's first value is the initial error).
      expect(curves[k]!.length).toBe(20);
      for (let i = 0; i < curves[k]!.length; i++)
        expect(Math.abs(curves[k]![i]! - ref.cases[k]![i + 1]!) / ref.cases[k]![i + 1]!).toBeLessThan(2e-4);
      // The curves are not flat: GD moved far from the initial error.
      expect(curves[k]![19]!).toBeLessThan(0.9 * ref.cases[k]![0]!);
    }
  }, 300_000);

  it("the average exact curve over repeats matches the paper's large-size theory (P/N = 0.25, 1 and 4)", async () => {
    const steps = [0, 20, 100, 400, 2000];
    const sweep = [
      ['ratio-0.25', 0.25, 0.1],
      ['default', 1, 0.1],
      ['ratio-4', 4, 0.1],
      ['ratio-4-large-init', 4, 1],
    ] as const;
    const K = 8;
    const specs = [];
    for (const [variant] of sweep)
      for (let i = 0; i < K; i++)
        specs.push(await dumpCase(`avg-${variant}-${i}`, variant, { purpose: 'eval', index: i }, steps));
    const ref = reference({
      cases: specs,
      theory: sweep.map(([, c, sigma0]) => ({ c, sigma: LINEAR_TEACHER_NOISE, sigma0, lr: GD.learningRate, steps })),
    });
    sweep.forEach((_, s) => {
      for (let j = 0; j < steps.length; j++) {
        const v = Array.from({ length: K }, (_, i) => ref.cases[s * K + i]![j]!);
        const mean = v.reduce((a, b) => a + b, 0) / K;
        const se = Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / (K - 1) / K);
        // Finite n = 100 and a 1,000-example validation set: the mean lies within 4 standard errors plus 5%.
        expect(Math.abs(mean - ref.theory[s]![j]!)).toBeLessThan(4 * se + 0.05 * ref.theory[s]![j]!);
      }
    });
    // The theory itself shows the claim: at the budget, P/N = 1 is far above its early-stopped best, P/N = 0.25 and 4 are not.
    const over = (s: number) => ref.theory[s]![4]! - Math.min(...ref.theory[s]!);
    expect(over(1)).toBeGreaterThan(1);
    expect(over(0)).toBeLessThan(0.05);
    expect(over(2)).toBeLessThan(0.05);
  }, 300_000);
});
