import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_SEEDS } from '../../harness/core/limits.js';
import { writeManifest } from '../../harness/store/manifest.js';
import { cli, ROOT, tempDir, type CliResult } from '../helpers/cli.js';
import { scratchProject } from '../helpers/project.js';

const PROJECT = join(ROOT, 'examples', 'my-project');
const HOSTILE = scratchProject('hostile-project');
// eslint-disable-next-line no-control-regex -- it looks for control characters in the output
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

/** A coded error on stderr with a hint, exit 2, and no stack trace. */
function codedError(r: CliResult, code: string): string {
  expect(r.code, r.stderr + r.stdout).toBe(2);
  expect(r.stderr).toMatch(new RegExp(`^error ${code}: .*\\n  hint: `, 'm'));
  expect(r.stderr).not.toMatch(/^\s+at /m);
  expect(r.stderr).not.toContain('unexpected error');
  return r.stderr;
}

/** Every file under `dir` with its content, to prove a refused command changed nothing. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[p.slice(dir.length)] = readFileSync(p, 'utf8');
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

const manifestOf = (claim: string) => ({
  schemaVersion: 1 as const,
  claim: { id: claim, version: 1 },
  preset: 'quick' as const,
  repeats: 2,
  backend: 'wasm',
  numericsClass: 'wasm-x',
  backendReasons: [],
  configFile: null,
  command: 'reprobench run',
  createdAt: 't',
  updatedAt: 't',
  status: 'complete' as const,
  tuningTrials: [],
  evalTrials: [],
  chosen: {},
});

describe("run directories: run writes only into a new or empty directory or its own claim's", () => {
  it("refuses a user's own directory and leaves it as it was (it used to overwrite manifest, summary and report)", () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    writeFileSync(join(dir, 'report.html'), '<p>my own report</p>');
    const before = snapshot(dir);
    const err = codedError(
      cli(['run', 'constant-vs-cosine', '--seeds', '2', '--out', dir], { cwd: PROJECT }),
      'E_RUN_DIR_CONFLICT',
    );
    expect(err).toMatch(/is not empty and is not a run directory/);
    expect(snapshot(dir)).toEqual(before);
    // --force is the deliberate way in (checked with a dry run: nothing is written either way).
    expect(
      cli(['run', 'constant-vs-cosine', '--seeds', '2', '--out', dir, '--force', '--dry-run'], { cwd: PROJECT }).code,
    ).toBe(0);
  });

  it("refuses another claim's run directory, whose trials would have been mixed in", () => {
    const dir = tempDir();
    writeManifest(dir, manifestOf('two-moons-other'));
    writeFileSync(join(dir, 'summary.json'), '{}\n');
    const before = snapshot(dir);
    const err = codedError(
      cli(['run', 'constant-vs-cosine', '--seeds', '2', '--out', dir], { cwd: PROJECT }),
      'E_RUN_DIR_CONFLICT',
    );
    expect(err).toContain('is the run directory of claim "two-moons-other", not "constant-vs-cosine"');
    expect(snapshot(dir)).toEqual(before);
  });

  it('refuses an empty --out (it meant the working directory)', () => {
    expect(codedError(cli(['run', 'adan', '--out', '', '--dry-run']), 'E_BAD_OPTION')).toContain('--out is empty');
  });
});

describe('file-system errors on --out, --cache-dir and merge --out: coded, with a hint, exit 2', () => {
  const base = tempDir();
  const file = join(base, 'afile');
  writeFileSync(file, 'a regular file');

  it('--out on a regular file, and under one (they ended in a stack trace)', () => {
    const onFile = cli(['run', 'constant-vs-cosine', '--seeds', '2', '--out', file], { cwd: PROJECT });
    expect(codedError(onFile, 'E_FILESYSTEM')).toMatch(/--out .*afile is a file, not a directory/);
    const underFile = cli(['run', 'constant-vs-cosine', '--seeds', '2', '--out', join(file, 'run')], { cwd: PROJECT });
    expect(codedError(underFile, 'E_FILESYSTEM')).toMatch(/not a writable directory/);
    expect(readFileSync(file, 'utf8')).toBe('a regular file');
  });

  it('an unusable --cache-dir stops the run before any trial, and before --out is written (all trials used to fail, then exit 0)', () => {
    const out = join(base, 'never-written');
    const err = codedError(
      cli(['run', 'constant-vs-cosine', '--seeds', '2', '--out', out, '--cache-dir', file], { cwd: PROJECT }),
      'E_FILESYSTEM',
    );
    expect(err).toMatch(/--cache-dir .*afile is not a writable directory/);
    expect(err).toContain('hint: point --cache-dir (or $REPROBENCH_CACHE) at a directory you can write');
    expect(existsSync(out)).toBe(false);
  });

  it('merge --out on a regular file', () => {
    const shard = join(base, 'shard');
    mkdirSync(shard);
    writeManifest(shard, manifestOf('adan'));
    expect(codedError(cli(['merge', shard, '--out', file]), 'E_FILESYSTEM')).toMatch(/merge --out .*afile is a file/);
  });
});

describe('limits', () => {
  it.each([
    [['run', 'adan', '--seeds', '1e9']],
    [['run', 'adan', '--seeds', '1e9', '--dry-run']],
    [['plan', 'adan', '--seeds', '1e9']],
  ])('%j is refused at once (it used to hang while memory grew)', (args) => {
    const err = codedError(cli(args, { timeoutMs: 60_000 }), 'E_BAD_OPTION');
    expect(err).toContain(`--seeds is 1000000000; seeds are limited to at most ${MAX_SEEDS}`);
  });

  it('a dry run of the largest plan the limits accept answers, listing a page of trials and counting the rest', () => {
    const r = cli(
      ['run', 'rex', '--preset', 'standard', '--seeds', String(MAX_SEEDS), '--dry-run', '--out', tempDir()],
      { timeoutMs: 60_000 },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`evaluation: 8000 trials, 0 already done`);
    expect(r.stdout.match(/^ {4}todo /gm)).toHaveLength(50);
    expect(r.stdout).toMatch(/… and \d+ more \(`reprobench plan rex` lists every trial\)/);
  });
});

describe('hostile text and bad configs', () => {
  it('list claims prints a title without its terminal control sequences', () => {
    const r = cli(['list', 'claims'], { cwd: HOSTILE });
    expect(r.code, r.stderr).toBe(0);
    const line = r.stdout.split('\n').find((l) => l.startsWith('esc '))!;
    expect(line).toContain('Escapes red over');
    expect(line).not.toMatch(CONTROL);
    expect(r.stdout.split('\n').every((l) => !CONTROL.test(l))).toBe(true);
  });

  it('an error message that quotes user input is cleaned too', () => {
    const r = cli(['run', 'x\u001b]0;pwned\u0007y', '--dry-run']);
    expect(codedError(r, 'E_UNKNOWN_ID')).toContain('unknown claim "xy"');
    expect(r.stderr).not.toMatch(CONTROL);
  });

  it('a target metric no trial reports is refused when the config loads, with did-you-mean', () => {
    const err = codedError(cli(['list', 'claims'], { cwd: HOSTILE, env: { HOSTILE_BAD_METRIC: '1' } }), 'E_BAD_CONFIG');
    expect(err).toContain('workload "acc-typo": its target names metric "validation/acc", which no trial reports');
    expect(err).toContain('hint: did you mean "validation/accuracy"?');
  });

  it('a config syntax error names file, line and column', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'reprobench.config.mjs'), 'export default {\n  claims: [],\n  methods: [foo(,]\n};\n');
    const r = cli(['list', 'claims'], { cwd: dir });
    expect(codedError(r, 'E_BAD_CONFIG')).toMatch(/reprobench\.config\.mjs:3:\d+: syntax error: Unexpected token ','/);
  });

  it('import algoperf that imports no trial exits non-zero with a coded error', () => {
    const logs = join(tempDir(), 'algoperf_v05', 'logs', 'external_tuning', 'empty_submission', 'study_0');
    mkdirSync(logs, { recursive: true });
    const targets = join(
      ROOT,
      'test',
      'fixtures',
      'algoperf',
      'logs-subset',
      'algoperf',
      'scoring',
      'workload_targets_v05.json',
    );
    const out = join(tempDir(), 'imported');
    const err = codedError(
      cli(['import', 'algoperf', join(logs, '..', '..'), '--targets', targets, '--out', out]),
      'E_IMPORT_EMPTY',
    );
    expect(err).toMatch(/no trial imported from .*1 submission folder/);
  });
});
