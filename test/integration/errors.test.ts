import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { cli, ROOT, tempDir } from '../helpers/cli.js';

const PROJECT = join(ROOT, 'examples', 'my-project');

describe('bad input: coded error, hint, non-zero exit, nothing lost', () => {
  it('unknown claim id', () => {
    const r = cli(['run', 'adamm']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error E_UNKNOWN_ID: unknown claim "adamm"');
    expect(r.stderr).toMatch(/hint: did you mean "adan"\?/);
  });

  it.each([
    [['run', 'adan', '--seeds', 'abc'], /--seeds must be a positive integer, got NaN/],
    [['run', 'adan', '--workers', '0'], /--workers must be a positive integer, got 0/],
    [['run', 'adan', '--preset', 'fast'], /Invalid values:[\s\S]*preset/],
    [['run', 'adan', '--backend', 'tpu'], /Invalid values:[\s\S]*backend/],
    [['run', 'adan', '--no-such-option'], /Unknown argument/],
    [['list', 'things'], /Invalid values/],
  ])('malformed option %j', (args, pattern) => {
    const r = cli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/error E_BAD_OPTION/);
    expect(r.stderr).toMatch(pattern);
    expect(r.stderr).toContain('hint:');
  });

  describe('corrupt trial file', () => {
    const out = tempDir();
    let files: string[] = [];
    beforeAll(() => {
      const r = cli(['run', 'constant-vs-cosine', '--seeds', '2', '--out', out], { cwd: PROJECT });
      expect(r.code, r.stderr).toBe(0);
      files = readdirSync(join(out, 'trials')).sort();
    });

    it('stops with E_CORRUPT_RESULT naming the file, and deletes nothing', () => {
      const victim = join(out, 'trials', files[0]!);
      const original = readFileSync(victim, 'utf8');
      onTestFinished(() => writeFileSync(victim, original));
      writeFileSync(victim, '{"schemaVersion": 1, "id": "trunc');
      const snapshot = files.map((f) => readFileSync(join(out, 'trials', f), 'utf8'));
      const r = cli(['run', 'constant-vs-cosine', '--seeds', '2', '--out', out], { cwd: PROJECT });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('error E_CORRUPT_RESULT');
      expect(r.stderr).toContain(files[0]);
      expect(r.stderr).toMatch(/hint: move it out of the run directory/);
      expect(readdirSync(join(out, 'trials')).sort()).toEqual(files);
      expect(files.map((f) => readFileSync(join(out, 'trials', f), 'utf8'))).toEqual(snapshot);
    });

    it('refuses a trial file that validates badly or from a newer schema', () => {
      const victim = join(out, 'trials', files[1]!);
      const rec = JSON.parse(readFileSync(victim, 'utf8'));
      writeFileSync(victim, JSON.stringify({ ...rec, status: 'finished' }));
      let r = cli(['run', 'constant-vs-cosine', '--seeds', '2', '--out', out], { cwd: PROJECT });
      expect(r.stderr).toMatch(/E_CORRUPT_RESULT: trial file .* is corrupt: status/);
      writeFileSync(victim, JSON.stringify({ ...rec, schemaVersion: 99 }));
      r = cli(['run', 'constant-vs-cosine', '--seeds', '2', '--out', out], { cwd: PROJECT });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/E_SCHEMA_VERSION: .* schema version 99.*\n\s+hint: upgrade reprobench/);
    });
  });
});
