import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, tempDir } from '../helpers/cli.js';
import { scratchProject } from '../helpers/project.js';

const project = scratchProject('check-project');
const refDir = join(project, 'reference-results', 'check-me');
const refFile = () => join(refDir, readdirSync(refDir)[0]!);

describe('reference update and check on a user claim', () => {
  beforeAll(() => {
    const r = cli(['reference', 'update', 'check-me', '--out', tempDir()], { cwd: project });
    expect(r.code, r.stderr + r.stdout).toBe(0);
    // wasm by default (portable: bit-identical on every CPU), as `check` below.
    expect(r.stdout).toMatch(/new reference: 8 trials, 4 repeats, wasm-tfjs4\.22\.0-k4/);
  }, 120_000);

  it('stores every seed with its curve, config hash, provenance and a content hash', () => {
    const ref = JSON.parse(readFileSync(refFile(), 'utf8'));
    expect(ref.schemaVersion).toBe(1);
    expect(ref.trials).toHaveLength(8);
    expect(ref.trials[0]).toMatchObject({ workload: 'teacher-student', method: 'adan-under-test', repeat: 0 });
    expect(ref.trials[0].curve.length).toBeGreaterThan(0);
    expect(ref.tuning.choices.map((c: { method: string }) => c.method).sort()).toEqual(['adan-under-test', 'nadamw']);
    expect(ref.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(ref.provenance)).not.toContain(project);
    // reference update runs on wasm unless told otherwise (portable references), and says why.
    expect(ref.provenance.backendReasons.at(-1)).toBe('wasm: requested with --backend');
  });

  it('passes an unchanged method, bit for bit, with JUnit, Markdown and JSON reports', () => {
    const dir = tempDir();
    const r = cli(
      ['check', 'check-me', '--junit', join(dir, 'check.xml'), '--markdown', join(dir, 'check.md'), '--json'],
      { cwd: project },
    );
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.exitCode).toBe(0);
    const trials = json.claims[0].comparison.trials;
    expect(trials).toHaveLength(6); // quick: 3 seeds × 2 methods
    expect(trials.every((t: { result: string }) => t.result === 'identical')).toBe(true);
    const junit = new XMLParser({ ignoreAttributes: false }).parse(readFileSync(join(dir, 'check.xml'), 'utf8'));
    expect(junit.testsuites.testsuite['@_failures']).toBe('0');
    expect(junit.testsuites.testsuite.testcase).toHaveLength(8);
    expect(readFileSync(join(dir, 'check.md'), 'utf8')).toMatch(
      /\*\*Result: passed\*\*[\s\S]*6\/6 seeds bit-identical/,
    );
  });

  it('fails a code change that keeps the configuration, naming claim, method, workload, seed and first differing step', () => {
    const r = cli(['check', 'check-me'], { cwd: project, env: { REPROBENCH_TEST_BREAK_ADAN: '1' } });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /FAIL check-me: adan-under-test on teacher-student, seed 0: same configuration, different result: first difference at step 20, (train|validation)\/loss: reference [\d.e-]+ vs now [\d.e-]+/,
    );
    // NAdamW did not change.
    expect(r.stdout).not.toMatch(/FAIL check-me: nadamw/);
  });

  it('fails a hyperparameter change and says which configuration fields changed', () => {
    const r = cli(['check', 'check-me'], { cwd: project, env: { REPROBENCH_TEST_BETA1: '0.97' } });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      'FAIL check-me: adan-under-test on teacher-student, seed 0: configuration changed: method.hparams.beta1 0.98 → 0.97',
    );
  });

  it('compares across numerics classes statistically and passes when consistent', () => {
    const r = cli(['check', 'check-me', '--backend', 'cpu'], { cwd: project });
    expect(r.stdout).toMatch(/reference (blas-tfjs4\.22\.0-k3|wasm-tfjs4\.22\.0-k4)\S*, now cpu-tfjs4\.22\.0-k2/);
    expect(r.stdout).toMatch(/adan-under-test on teacher-student: steps (consistent|inconclusive|improved|regressed)/);
    expect(r.code).toBe(/steps regressed/.test(r.stdout) ? 1 : 0);
  });

  it('refuses a tampered reference with a coded error', () => {
    const path = refFile();
    const original = readFileSync(path, 'utf8');
    try {
      writeFileSync(
        path,
        original.replace(/"stepsToTarget": (\d+)/, (_, n) => `"stepsToTarget": ${Number(n) + 20}`),
      );
      const r = cli(['check', 'check-me'], { cwd: project });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/error E_REFERENCE_TAMPERED: reference file .* does not match its content hash/);
      expect(r.stderr).toMatch(/hint: restore it/);
    } finally {
      writeFileSync(path, original);
    }
  });

  it('refuses a reference from an older schema with how to regenerate it', () => {
    const path = refFile();
    const original = readFileSync(path, 'utf8');
    try {
      writeFileSync(path, original.replace('"schemaVersion": 1', '"schemaVersion": 0'));
      const r = cli(['check', 'check-me'], { cwd: project });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(
        /E_SCHEMA_VERSION[\s\S]*hint: regenerate it: `reprobench reference update check-me --preset standard`/,
      );
    } finally {
      writeFileSync(path, original);
    }
  });

  it('says so when a claim has no reference', () => {
    const moved = `${refDir}-away`;
    renameSync(refDir, moved);
    try {
      const r = cli(['check', 'check-me'], { cwd: project });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(
        /error E_NO_REFERENCE: claim "check-me" has no reference results\n\s+hint: create them with `reprobench reference update check-me --preset standard`/,
      );
    } finally {
      renameSync(moved, refDir);
    }
  });
});
