import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isReprobenchError } from '../../../../harness/errors.js';
import { writeManifest, type Manifest } from '../../../../harness/store/manifest.js';
import { claimRunDir } from '../../../../harness/store/run-dir.js';
import { writeShardFile } from '../../../../harness/store/shard-file.js';
import { tempDir } from '../../../helpers/cli.js';

function manifest(claim: string): Manifest {
  return {
    schemaVersion: 1,
    claim: { id: claim, version: 1 },
    preset: 'quick',
    repeats: 2,
    backend: 'wasm',
    numericsClass: 'wasm-x',
    backendReasons: [],
    configFile: null,
    command: 'reprobench run',
    createdAt: 't',
    updatedAt: 't',
    status: 'complete',
    tuningTrials: [],
    evalTrials: [],
    chosen: {},
  };
}

function codeOf(f: () => void): string {
  try {
    f();
  } catch (e) {
    expect(isReprobenchError(e), String(e)).toBe(true);
    return (e as { code: string }).code;
  }
  return 'ok';
}

describe('run directories are owned by their claim (manifest or shard files are the marker)', () => {
  it('accepts a new directory (created) and an empty one', () => {
    const base = tempDir('reprobench-rundir-');
    expect(codeOf(() => claimRunDir(join(base, 'new', 'deep'), 'adan'))).toBe('ok');
    expect(existsSync(join(base, 'new', 'deep'))).toBe(true);
    expect(codeOf(() => claimRunDir(join(base, 'new', 'deep'), 'adan'))).toBe('ok');
  });

  it('a dry run creates nothing', () => {
    const base = tempDir('reprobench-rundir-');
    expect(codeOf(() => claimRunDir(join(base, 'later'), 'adan', { create: false }))).toBe('ok');
    expect(existsSync(join(base, 'later'))).toBe(false);
  });

  it('accepts the run directory of the same claim, by manifest or by shard files', () => {
    const a = tempDir('reprobench-rundir-');
    writeManifest(a, manifest('adan'));
    expect(codeOf(() => claimRunDir(a, 'adan'))).toBe('ok');
    const b = tempDir('reprobench-rundir-');
    writeShardFile(b, {
      schemaVersion: 1,
      claim: { id: 'adan', version: 1 },
      preset: 'quick',
      repeats: 2,
      backend: 'wasm',
      numericsClass: 'w',
      configFile: null,
      phase: 'tuning',
      shard: { index: 1, count: 2 },
      trials: [],
      unfinished: [],
      status: 'running',
      command: 'c',
      startedAt: 't',
      finishedAt: null,
    });
    expect(codeOf(() => claimRunDir(b, 'adan'))).toBe('ok');
    expect(codeOf(() => claimRunDir(b, 'rex'))).toBe('E_RUN_DIR_CONFLICT');
  });

  it("refuses another claim's run directory and leaves it as it was", () => {
    const dir = tempDir('reprobench-rundir-');
    writeManifest(dir, manifest('rex'));
    writeFileSync(join(dir, 'report.html'), '<p>rex</p>');
    const before = readFileSync(join(dir, 'manifest.json'), 'utf8');
    let message = '';
    try {
      claimRunDir(dir, 'adan');
    } catch (e) {
      message = (e as Error).message;
      expect((e as { code: string }).code).toBe('E_RUN_DIR_CONFLICT');
    }
    expect(message).toMatch(/is the run directory of claim "rex", not "adan"/);
    expect(readFileSync(join(dir, 'manifest.json'), 'utf8')).toBe(before);
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toBe('<p>rex</p>');
  });

  it("refuses a user's own non-empty directory unless --force", () => {
    const dir = tempDir('reprobench-rundir-');
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    expect(codeOf(() => claimRunDir(dir, 'adan'))).toBe('E_RUN_DIR_CONFLICT');
    expect(codeOf(() => claimRunDir(dir, 'adan', { force: true }))).toBe('ok');
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('refuses a directory whose manifest cannot be read, pointing at --force', () => {
    const dir = tempDir('reprobench-rundir-');
    writeFileSync(join(dir, 'manifest.json'), '{"schemaVersion": 1, "claim": ');
    try {
      claimRunDir(dir, 'adan');
      expect.unreachable();
    } catch (e) {
      expect((e as { code: string }).code).toBe('E_RUN_DIR_CONFLICT');
      expect((e as Error).message).toMatch(/manifest\.json is corrupt/);
      expect((e as { hint: string }).hint).toContain('--force');
    }
  });

  it('turns a file, or a path under a file, into E_FILESYSTEM', () => {
    const base = tempDir('reprobench-rundir-');
    writeFileSync(join(base, 'afile'), 'x');
    expect(codeOf(() => claimRunDir(join(base, 'afile'), 'adan'))).toBe('E_FILESYSTEM');
    expect(codeOf(() => claimRunDir(join(base, 'afile', 'sub'), 'adan'))).toBe('E_FILESYSTEM');
    mkdirSync(join(base, 'shards-as-file'));
    writeFileSync(join(base, 'shards-as-file', 'shards'), 'x');
    expect(codeOf(() => claimRunDir(join(base, 'shards-as-file'), 'adan'))).toBe('E_RUN_DIR_CONFLICT');
  });
});
