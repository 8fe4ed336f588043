import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT, tempDir } from '../helpers/cli.js';

const PROJECT = join(ROOT, 'examples', 'my-project');

describe('reprobench.config.ts: users add workloads, methods and claims without forking', () => {
  it('lists the user definitions next to the built-ins', () => {
    const claims = cli(['list', 'claims', '--json'], { cwd: PROJECT });
    expect(claims.code, claims.stderr).toBe(0);
    const ids = (JSON.parse(claims.stdout) as Array<{ id: string }>).map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining(['adan', 'constant-vs-cosine']));
    const methods = JSON.parse(cli(['list', 'methods', '--json'], { cwd: PROJECT }).stdout) as Array<{ id: string }>;
    expect(methods.map((m) => m.id)).toEqual(expect.arrayContaining(['adam-constant', 'nadamw', 'adan']));
    const workloads = JSON.parse(cli(['list', 'workloads', '--json'], { cwd: PROJECT }).stdout) as Array<{
      id: string;
    }>;
    expect(workloads.map((w) => w.id)).toEqual(expect.arrayContaining(['two-moons', 'fashion-mnist-mlp']));
  });

  it('runs the user claim end to end, tuning and all, with a summary', () => {
    const out = tempDir();
    const r = cli(['run', 'constant-vs-cosine', '--seeds', '2', '--out', out, '--workers', '2'], { cwd: PROJECT });
    expect(r.code, r.stderr + r.stdout).toBe(0);
    expect(r.stdout).toContain('claim constant-vs-cosine');
    expect(r.stdout).toMatch(/adam-constant vs nadamw on two-moons/);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.workloads.map((w: { workload: string }) => w.workload)).toEqual(['two-moons', 'teacher-student']);
    for (const w of summary.workloads) for (const a of w.arms) expect(a.n).toBe(2);
    expect(
      summary.tuning.choices.map((c: { workload: string; method: string }) => `${c.workload}/${c.method}`).sort(),
    ).toEqual([
      'teacher-student/adam-constant',
      'teacher-student/nadamw',
      'two-moons/adam-constant',
      'two-moons/nadamw',
    ]);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain(
      'A constant learning rate reaches the target as fast as warmup + cosine',
    );
  });

  it('reports a broken config by field, with a coded error', () => {
    const dir = tempDir();
    const bad = join(dir, 'reprobench.config.mjs');
    // A method without createOptimizer.
    writeFileSync(
      bad,
      "export default { methods: [{ id: 'm', version: 1, title: 't', description: 'd', hparams: { learningRate: 0.1 }, learningRate: () => 0.1 }] };\n",
    );
    const r = cli(['list', 'methods'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/E_BAD_CONFIG.*methods\.0\.createOptimizer/);
    expect(r.stderr).toContain('hint:');
  });
});
