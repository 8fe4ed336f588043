import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, cliAsync, ROOT, tempDir } from '../helpers/cli.js';
import { requireSystem } from '../helpers/system-deps.js';
import { deterministicPart, trialsOf } from '../helpers/trials.js';

// These tests submit real jobs to a real Slurm (one node, this machine). `npm run test:all` starts
// it with scripts/ci/start-slurm.sh; without it they fail saying so, they are not skipped.
const PROJECT = join(ROOT, 'examples', 'my-project');
const CLAIM = 'constant-vs-cosine';
const PLAN = ['--seeds', '2', '--backend', 'wasm'];
const sh = (cmd: string, args: string[]) => spawnSync(cmd, args, { encoding: 'utf8' });
const manifestOf = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(what: string, f: () => T | undefined | false, timeoutMs = 180_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = f();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

/** Throws (the test fails, it is not skipped) when no Slurm is running here. */
const requireSlurm = () => requireSystem('slurm');

/** The same claim in one process, one worker: what every sharded run must reproduce bit for bit. */
let single: string | undefined;
function baseline(): string {
  if (!single) {
    const dir = tempDir('reprobench-slurm-single-');
    const r = cli(['run', CLAIM, ...PLAN, '--workers', '1', '--out', dir], { cwd: PROJECT, timeoutMs: 180_000 });
    expect(r.code, r.stderr).toBe(0);
    single = dir;
  }
  return single;
}

const slurm = (dir: string, extra: string[] = []) =>
  cli(['slurm', CLAIM, ...PLAN, '--array-size', '4', '--out', dir, ...extra], { cwd: PROJECT, timeoutMs: 400_000 });

function expectSameAsSingle(dir: string): void {
  const a = trialsOf(dir);
  const b = trialsOf(baseline());
  expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
  for (const [id, t] of a) expect(deterministicPart(t), id).toEqual(deterministicPart(b.get(id)!));
}

describe('reprobench slurm on a real Slurm', () => {
  it('runs a claim as 4-task arrays plus a merge job, bit-identical to one process, and records the jobs in the manifest', () => {
    requireSlurm();
    const dir = tempDir('reprobench-slurm-');
    const r = slurm(dir, ['--wait']);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('merged:');
    expectSameAsSingle(dir);

    const m = manifestOf(dir);
    expect(m.status).toBe('complete');
    const [sub] = m.slurm.submissions;
    expect(sub.arraySize).toBe(4);
    expect(sub.jobs.map((j: { role: string; array: string | null }) => [j.role, j.array])).toEqual([
      ['tuning', '1-4'],
      ['evaluation', '1-4'],
      ['merge', null],
    ]);
    const [tune, evaluation, merge] = sub.jobs;
    expect(tune.command).toBe(`sbatch --parsable --hold --array=1-4 ${join(dir, 'slurm', 'tuning.sbatch')}`);
    expect(evaluation.command).toBe(
      `sbatch --parsable --hold --array=1-4 --dependency=afterok:${tune.jobId} ${join(dir, 'slurm', 'evaluation.sbatch')}`,
    );
    expect(merge.command).toBe(
      `sbatch --parsable --hold --dependency=afterok:${evaluation.jobId} ${join(dir, 'slurm', 'merge.sbatch')}`,
    );
    for (const j of sub.jobs) expect(readFileSync(join(dir, j.scriptFile), 'utf8')).toBe(j.script);
    // Slurm itself ran every task: 4 tuning, 4 evaluation, 1 merge, each COMPLETED with its log.
    for (const [j, n] of [
      [tune, 4],
      [evaluation, 4],
      [merge, 1],
    ] as const) {
      const states = sh('scontrol', ['show', 'job', j.jobId]).stdout.match(/JobState=\w+/g);
      expect(states, j.role).toEqual(Array(n).fill('JobState=COMPLETED'));
    }
    expect(readdirSync(join(dir, 'slurm', 'logs')).length).toBe(9);
    expect(existsSync(join(dir, 'report.html'))).toBe(true);

    // Nothing is unfinished: a rerun submits the merge alone and no trial runs again.
    const before = new Map([...trialsOf(dir)].map(([id, t]) => [id, t.startedAt]));
    const again = slurm(dir, ['--wait']);
    expect(again.code, again.stdout + again.stderr).toBe(0);
    expect(again.stdout).toContain('shards to run: none');
    expect(manifestOf(dir).slurm.submissions[1].jobs.map((j: { role: string }) => j.role)).toEqual(['merge']);
    expect(new Map([...trialsOf(dir)].map(([id, t]) => [id, t.startedAt]))).toEqual(before);
  }, 600_000);

  it('writes scripts that this Slurm accepts (--print submits nothing)', () => {
    requireSlurm();
    const dir = tempDir('reprobench-slurm-print-');
    const r = slurm(dir, [
      '--print',
      '--partition',
      'debug',
      '--time',
      '10',
      '--cpus-per-task',
      '2',
      '--sbatch-option=--mem=1G',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(
      `sbatch --parsable --array=1-4 --dependency=afterok:<tuning-job-id> ${join(dir, 'slurm', 'evaluation.sbatch')}`,
    );
    expect(existsSync(join(dir, 'manifest.json'))).toBe(false);
    for (const role of ['tuning', 'evaluation', 'merge']) {
      const script = join(dir, 'slurm', `${role}.sbatch`);
      expect(readFileSync(script, 'utf8')).toContain('#SBATCH --partition=debug');
      const t = sh('sbatch', ['--test-only', ...(role === 'merge' ? [] : ['--array=1-4']), script]);
      expect(t.status, `${role}: ${t.stderr}`).toBe(0);
      expect(t.stderr).toMatch(/to start at/);
    }
  });

  it('resubmits only a shard killed mid-run, and completes with every trial exactly once', async () => {
    requireSlurm();
    const dir = tempDir('reprobench-slurm-kill-');
    // --wait: the submitting command follows the jobs, and must report the killed shard.
    const waiting = cliAsync(['slurm', CLAIM, ...PLAN, '--array-size', '4', '--out', dir, '--wait'], { cwd: PROJECT });
    let stdout = '';
    let stderr = '';
    waiting.stdout.on('data', (d) => (stdout += d));
    waiting.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => waiting.on('exit', (code) => resolve(code)));
    await until('the submission', () => existsSync(join(dir, 'manifest.json')) && stdout.includes('submitted merge'));
    const [tune, evaluation] = manifestOf(dir).slurm.submissions[0].jobs;

    // While its jobs are queued or running, the run is not submitted twice.
    const busy = slurm(dir);
    expect(busy.code).toBe(2);
    expect(busy.stderr).toContain('error E_SLURM_BUSY');
    expect(busy.stderr).toContain(`scancel ${tune.jobId}`);

    // Kill tuning shard 3 once it has started its trials.
    await until('tuning shard 3 to start', () => existsSync(join(dir, 'shards', 'tuning-3-of-4.json')));
    expect(sh('scancel', [`${tune.jobId}_3`]).status).toBe(0);
    expect(await exited, stdout + stderr).toBe(2);
    expect(stderr).toContain('error E_RUN_INCOMPLETE');
    expect(stderr).toContain('tuning shards left: 3, evaluation shards left: 1-4');
    expect(stderr).toContain(`${evaluation.jobId}_1`);
    // By then the other tuning shards are done and the evaluation array can never start.
    expect(
      sh('squeue', ['--noheader', '--array', '--format=%F|%r'])
        .stdout.split('\n')
        .filter((l) => l.startsWith(`${tune.jobId}|`)),
    ).toEqual([]);
    expect(sh('scontrol', ['show', 'job', `${tune.jobId}_3`]).stdout).toContain('JobState=CANCELLED');
    expect(sh('squeue', ['--noheader', '--array', '--format=%r', '--jobs', evaluation.jobId]).stdout).toContain(
      'DependencyNeverSatisfied',
    );
    const shard3 = JSON.parse(readFileSync(join(dir, 'shards', 'tuning-3-of-4.json'), 'utf8'));
    expect(shard3.status).toBe('running');
    const survived = new Map([...trialsOf(dir)].map(([id, t]) => [id, JSON.stringify(t)]));
    expect(survived.size).toBeLessThan(8);
    for (const id of shard3.trials) expect(shard3.unfinished).toContain(id);

    const again = slurm(dir, ['--wait']);
    expect(again.code, again.stdout + again.stderr).toBe(0);
    expect(again.stdout).toMatch(/tuning: 8 trials, \d done; shards to run: 3\n/);
    expect(again.stdout).toContain(
      `cancelling jobs that can no longer start (a shard they wait for did not finish): ${evaluation.jobId}`,
    );
    const resub = manifestOf(dir).slurm.submissions[1];
    expect(resub.jobs.map((j: { role: string; array: string | null }) => [j.role, j.array])).toEqual([
      ['tuning', '3'],
      ['evaluation', '1-4'],
      ['merge', null],
    ]);

    // Every planned trial exactly once: the same set as one process, those finished before the
    // kill untouched (not rerun), the killed shard's trials run by the resubmission.
    expectSameAsSingle(dir);
    const after = trialsOf(dir);
    for (const [id, text] of survived) expect(JSON.stringify(after.get(id)), id).toBe(text);
    for (const id of shard3.trials) expect(after.get(id)!.startedAt > resub.submittedAt, id).toBe(true);
    expect(manifestOf(dir).status).toBe('complete');
  }, 600_000);
});
