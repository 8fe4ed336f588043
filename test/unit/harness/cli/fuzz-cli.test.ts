import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeManifest } from '../../../../harness/store/manifest.js';
import { tempDir } from '../../../helpers/cli.js';
import { changedPaths, isCleanOutcome, runInProcess, snapshotTree } from '../../../helpers/in-process-cli.js';

/**
 * Property: whatever flags and values a user types, the CLI ends in success or a coded error with
 * a hint (exit 2), never a stack trace; and it changes no file it does not own. Commands that train
 * are run as dry runs (or, for `check`, against a run directory), so every case is fast.
 */

// A working directory with things a careless --out could destroy.
const sandbox = tempDir('reprobench-fuzz-cli-');
mkdirSync(join(sandbox, 'user'));
writeFileSync(join(sandbox, 'user', 'notes.txt'), 'my notes');
writeFileSync(join(sandbox, 'afile'), 'a regular file');
mkdirSync(join(sandbox, 'runs', 'other'), { recursive: true });
writeManifest(join(sandbox, 'runs', 'other'), {
  schemaVersion: 1,
  claim: { id: 'rex', version: 1 },
  preset: 'quick',
  repeats: 2,
  backend: 'wasm',
  numericsClass: 'wasm-x',
  backendReasons: [],
  configFile: null,
  command: 'reprobench run rex',
  createdAt: 't',
  updatedAt: 't',
  status: 'complete',
  tuningTrials: [],
  evalTrials: [],
  chosen: {},
});
writeFileSync(join(sandbox, 'runs', 'other', 'report.html'), '<p>rex</p>');
const SENTINELS = ['user/notes.txt', 'afile', 'runs/other/manifest.json', 'runs/other/report.html'];

const values = fc.constantFrom(
  '',
  '0',
  '-1',
  '1',
  '2',
  '3',
  '1.5',
  '1e9',
  '1000',
  'NaN',
  'Infinity',
  'abc',
  'quick',
  'standard',
  'auto',
  'wasm',
  'cpu',
  'tensorflow',
  'tpu',
  '1/2',
  '2/2',
  '3/2',
  '0/0',
  'tuning',
  'evaluation',
  'all',
  'external',
  'self',
  '0.5',
  '0.6',
  'afile',
  'afile/x',
  'user',
  'runs/other',
  'new-dir',
  '../outside',
  '/proc/no-such-dir',
  '\u001b[2J\u001b]0;x\u0007',
  'x'.repeat(300),
);
/** Each command's own flags (valued, then switches), so most cases get past parsing into the command. */
const FLAGS: Record<string, { valued: string[]; switches: string[] }> = {
  run: {
    valued: [
      '--seeds',
      '--workers',
      '--preset',
      '--backend',
      '--out',
      '--cache-dir',
      '--trial-timeout',
      '--batch',
      '--shard',
      '--phase',
    ],
    switches: ['--adaptive', '--force'],
  },
  plan: { valued: ['--preset', '--seeds', '--backend', '--out', '--shards'], switches: ['--json'] },
  list: { valued: [], switches: ['--json'] },
  check: {
    valued: ['--preset', '--backend', '--workers', '--cache-dir', '--trial-timeout'],
    switches: ['--strict', '--json'],
  },
  report: { valued: [], switches: [] },
  score: {
    valued: ['--ruleset', '--algoperf-version', '--trial-selection', '--time-axis', '--reference'],
    switches: ['--json', '--no-held-out'],
  },
  merge: { valued: [], switches: ['--quiet'] },
  import: { valued: ['--ruleset', '--algoperf-version', '--targets'], switches: ['--overwrite', '--json'] },
  slurm: {
    valued: [
      '--array-size',
      '--partition',
      '--time',
      '--cpus-per-task',
      '--gpus',
      '--out',
      '--seeds',
      '--preset',
      '--cache-dir',
      '--trial-timeout',
    ],
    switches: [],
  },
  k8s: {
    valued: [
      '--shards',
      '--image',
      '--seeds',
      '--preset',
      '--backend',
      '--parallelism',
      '--cpu',
      '--gpus',
      '--retries',
      '--wait-timeout',
      '--trial-timeout',
    ],
    switches: [],
  },
};
const FOREIGN = ['--bogus', '--seeds', '--out', '--shard', '--json'];

function flagsFor(command: string) {
  const own = FLAGS[command]!;
  const valued = fc
    .tuple(fc.constantFrom(...own.valued, ...(own.valued.length ? [] : ['--bogus'])), values)
    .map(([f, v]) => [f, v]);
  const switched = fc.constantFrom(...own.switches, '--help').map((x) => [x]);
  const foreign = fc.tuple(fc.constantFrom(...FOREIGN), values).map(([f, v]) => [f, v]);
  // Mostly the command's own flags; now and then a switch, --help, or a flag it does not take.
  const one = fc.oneof(
    { weight: 6, arbitrary: valued },
    { weight: 2, arbitrary: switched },
    { weight: 1, arbitrary: foreign },
  );
  return fc.array(one, { maxLength: 4 }).map((xs) => xs.flat());
}

const claims = fc.constantFrom('adan', 'rex', 'grokking', 'lc-extrapolation', 'all', 'no-such-claim', '');
const dirs = fc.constantFrom('user', 'runs/other', 'afile', 'new-dir', 'no-such-dir', '');

/** Command lines that plan or read but never train. */
const commandLines = fc.oneof(
  fc.tuple(claims, flagsFor('run')).map(([c, f]) => ['run', c, ...f, '--dry-run']),
  fc.tuple(claims, flagsFor('plan')).map(([c, f]) => ['plan', c, ...f]),
  fc
    .tuple(fc.constantFrom('claims', 'methods', 'workloads', 'things'), flagsFor('list'))
    .map(([k, f]) => ['list', k, ...f]),
  fc.tuple(claims, dirs, flagsFor('check')).map(([c, d, f]) => ['check', c, ...f, '--run', d]),
  fc.tuple(dirs, flagsFor('report')).map(([d, f]) => ['report', d, ...f]),
  fc.tuple(dirs, flagsFor('score')).map(([d, f]) => ['score', d, ...f]),
  fc.tuple(dirs, dirs, flagsFor('merge')).map(([a, b, f]) => ['merge', a, ...f, '--out', b]),
  fc.tuple(dirs, dirs, flagsFor('import')).map(([a, b, f]) => ['import', 'algoperf', a, ...f, '--out', b]),
  fc.tuple(claims, flagsFor('slurm')).map(([c, f]) => ['slurm', c, ...f, '--print']),
  fc.tuple(claims, flagsFor('k8s')).map(([c, f]) => ['k8s', c, '--shards', '2', '--image', 'img', ...f, '--print']),
  fc.tuple(fc.constantFrom('bogus', 'runn', '--help', '--version', ''), values).map(([c, v]) => [c, v]),
);

function ownedRoots(argv: string[]): string[] {
  const out = argv.lastIndexOf('--out');
  const roots = ['merge', 'import', 'slurm'].includes(argv[0]!) && out >= 0 ? [argv[out + 1]!] : [];
  if (argv[0] === 'report') roots.push(argv[1]!);
  // slurm writes its scripts into the run directory, by default runs/<claim>.
  if (argv[0] === 'slurm' && out < 0) roots.push(`runs/${argv[1]}`);
  return roots.filter((r) => r !== '' && r !== undefined).map((r) => r.replace(/\/+$/, ''));
}

/** Commands that only read: nothing in the working directory may change. */
const READ_ONLY = new Set(['run', 'plan', 'list', 'check', 'score', 'k8s']);

describe('fuzzing the command line (fast-check, seeded)', () => {
  it('always ends in success or a coded error, never a stack trace, and changes no file it does not own', async () => {
    await fc.assert(
      fc.asyncProperty(commandLines, async (argv) => {
        const before = snapshotTree(sandbox);
        const r = await runInProcess(argv, sandbox);
        expect(isCleanOutcome(r), `${JSON.stringify(argv)} → exit ${r.code}\n${r.stderr}`).toBe(true);
        const changed = changedPaths(before, snapshotTree(sandbox));
        // What a command owns: merge's, import's and slurm's --out (slurm's default runs/<claim>), the run directory `report` re-renders.
        const owned = ownedRoots(argv);
        const foreign = changed.filter((p) => !owned.some((root) => p === root || p.startsWith(`${root}/`)));
        for (const s of SENTINELS) expect(foreign, JSON.stringify(argv)).not.toContain(s);
        if (READ_ONLY.has(argv[0]!) && !argv.includes('--junit') && !argv.includes('--markdown'))
          expect(changed, JSON.stringify(argv)).toEqual([]);
      }),
      { seed: 22, numRuns: 120, endOnFailure: true },
    );
  }, 240_000);
});
