import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeManifest } from '../../harness/store/manifest.js';
import { contentHash } from '../../harness/store/reference.js';
import { trialContentHash } from '../../harness/store/trial-integrity.js';
import { cli, ROOT, tempDir } from '../helpers/cli.js';
import { changedPaths, isCleanOutcome, runInProcess, snapshotTree } from '../helpers/in-process-cli.js';
import { mutate, mutations } from '../helpers/mutations.js';

/**
 * Property: a run directory with one damaged trial file, or a damaged reference file, makes the
 * commands that read them (report, a dry run, check --run) succeed or stop with a coded error,
 * never a stack trace, and change nothing but what the command writes (report.html and report.json).
 */
const PROJECT = join(ROOT, 'examples', 'my-project');
const CLAIM = ['constant-vs-cosine', '--seeds', '2'];
const run = tempDir('reprobench-fuzz-run-');
let trialNames: string[] = [];

beforeAll(() => {
  const r = cli(['run', ...CLAIM, '--out', run], { cwd: PROJECT });
  expect(r.code, r.stderr).toBe(0);
  trialNames = readdirSync(join(run, 'trials')).sort();
}, 180_000);

describe('fuzzing the files a run reads (fast-check, seeded)', () => {
  it('a damaged trial file: report and a dry run end cleanly and touch no trial file', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), mutations, async (which, m) => {
        const dir = join(tempDir('reprobench-fuzz-case-'), 'run');
        cpSync(run, dir, { recursive: true });
        const name = trialNames[which % trialNames.length]!;
        const file = join(dir, 'trials', name);
        writeFileSync(
          file,
          mutate(readFileSync(file, 'utf8'), m, (f) => trialContentHash(f)),
          'latin1',
        );
        const before = snapshotTree(dir);
        const dry = await runInProcess(['run', ...CLAIM, '--dry-run', '--out', dir], PROJECT);
        expect(isCleanOutcome(dry), `dry run with ${name} ${JSON.stringify(m)}:\n${dry.stderr}`).toBe(true);
        expect(changedPaths(before, snapshotTree(dir))).toEqual([]);
        const report = await runInProcess(['report', dir], PROJECT);
        expect(isCleanOutcome(report), `report with ${name} ${JSON.stringify(m)}:\n${report.stderr}`).toBe(true);
        expect(
          changedPaths(before, snapshotTree(dir)).filter((p) => p !== 'report.html' && p !== 'report.json'),
        ).toEqual([]);
        if (dry.code !== 0) expect(dry.stderr).toContain(name);
      }),
      { seed: 22, numRuns: 25, endOnFailure: true },
    );
  }, 240_000);

  it('a damaged reference file: check --run ends cleanly and writes nothing', async () => {
    const source = join(ROOT, 'reference-results', 'ghost-bn');
    const refName = readdirSync(source).find((f) => f.endsWith('.json'))!;
    const text = readFileSync(join(source, refName), 'utf8');
    const numericsClass = JSON.parse(text).numericsClass as string;
    await fc.assert(
      fc.asyncProperty(mutations, async (m) => {
        const project = tempDir('reprobench-fuzz-ref-');
        mkdirSync(join(project, 'reference-results', 'ghost-bn'), { recursive: true });
        const rehash = (f: Record<string, unknown>) =>
          contentHash((({ contentHash: _h, ...rest }) => rest)(f) as never);
        writeFileSync(join(project, 'reference-results', 'ghost-bn', refName), mutate(text, m, rehash), 'latin1');
        const runDir = join(project, 'run');
        writeManifest(runDir, {
          schemaVersion: 1,
          claim: { id: 'ghost-bn', version: 1 },
          preset: 'quick',
          repeats: 2,
          backend: 'wasm',
          numericsClass,
          backendReasons: [],
          configFile: null,
          command: 'reprobench run ghost-bn',
          createdAt: 't',
          updatedAt: 't',
          status: 'complete',
          tuningTrials: [],
          evalTrials: [],
          chosen: {},
        });
        const before = snapshotTree(project);
        const r = await runInProcess(['check', 'ghost-bn', '--run', runDir], project);
        expect(isCleanOutcome(r), `${JSON.stringify(m)}:\n${r.stderr}`).toBe(true);
        expect(changedPaths(before, snapshotTree(project))).toEqual([]);
      }),
      { seed: 22, numRuns: 40, endOnFailure: true },
    );
  }, 240_000);
});
