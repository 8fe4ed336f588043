import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { jobSchemaErrors } from '../helpers/k8s-schema.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, ROOT, tempDir } from '../helpers/cli.js';
import { freshDir, runWorkflow, type Workflow } from '../helpers/github-actions.js';
import { deterministicPart, trialsOf } from '../helpers/trials.js';
import { trialContentHash } from '../../harness/store/trial-integrity.js';

// A copy of examples/my-project inside the repository (so its `import 'reprobench'` resolves here).
const BASE = join(ROOT, '.reprobench-tmp');
const checkout = () => {
  const dir = freshDir(BASE, 'gha-');
  cpSync(join(ROOT, 'examples', 'my-project', 'reprobench.config.ts'), join(dir, 'reprobench.config.ts'));
  return dir;
};
const project = checkout();
const made: string[] = [project];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

const CLAIM = 'constant-vs-cosine';
const workflow = parse(readFileSync(join(ROOT, 'examples', 'github-actions', 'sharded-run.yml'), 'utf8')) as Workflow;
const run = (args: string[], cwd = project) => cli(args, { cwd, timeoutMs: 180_000 });

/** One process, one worker: the run every sharded run must reproduce bit for bit (also the reference for `check --run`). */
let single: string;
beforeAll(() => {
  single = tempDir('reprobench-single-');
  const r = run([
    'reference',
    'update',
    CLAIM,
    '--preset',
    'quick',
    '--workers',
    '1',
    '--backend',
    'wasm',
    '--out',
    single,
  ]);
  expect(r.code, r.stderr).toBe(0);
}, 180_000);

describe('the GitHub Actions example (examples/github-actions/sharded-run.yml)', () => {
  const jobs = workflow.jobs;

  it('fans each phase out as a matrix of SHARDS shards and merges in a final job', () => {
    const shards = Number(workflow.env!.SHARDS);
    const phaseOf = { tune: 'tuning', recheck: 'recheck', evaluate: 'evaluation' } as const;
    for (const phase of ['tune', 'recheck', 'evaluate'] as const) {
      expect(jobs[phase]!.strategy!.matrix!.shard).toEqual(Array.from({ length: shards }, (_, k) => k + 1));
      const runStep = jobs[phase]!.steps.find((s) => s.run?.includes('reprobench run'))!;
      expect(runStep.run).toContain('--shard "${{ matrix.shard }}/$SHARDS"');
      expect(runStep.run).toContain(`--phase ${phaseOf[phase]}`);
    }
    expect(workflow.env!.RUN_OPTIONS).toContain('--backend wasm');
    expect(jobs.recheck!.needs).toBe('tune');
    expect(jobs.evaluate!.needs).toBe('recheck');
    expect(jobs.merge!.needs).toBe('evaluate');
    expect(jobs.merge!.strategy).toBeUndefined();
    const download = (job: string) => jobs[job]!.steps.find((s) => s.uses?.startsWith('actions/download-artifact@'))!;
    expect(download('recheck').with).toMatchObject({ pattern: 'tuning-*', 'merge-multiple': true });
    expect(download('evaluate').with).toMatchObject({ pattern: 'recheck-*', 'merge-multiple': true });
    expect(jobs.merge!.steps.find((s) => s.run?.includes('reprobench merge'))!.run).toBe(
      'npx reprobench merge shards/* --out "runs/$CLAIM"',
    );
  });

  it('runs here, and its merged run is bit-identical to one process; report, check --run and leaderboard read it', () => {
    const artifacts = tempDir('reprobench-artifacts-');
    const ws = runWorkflow(workflow, {
      inputs: { claim: CLAIM, preset: 'quick' },
      checkout: () => (made.push(checkout()), made.at(-1)!),
      artifacts,
    });
    const merged = join(ws.merge![0]!, 'runs', CLAIM);
    const a = trialsOf(merged);
    const b = trialsOf(single);
    expect(a.size).toBe(2 * 2 * 2 + 2 * 2 * 4); // tuning: 2 workloads × 2 methods × 2 grid points; evaluation: × 4 seeds
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    for (const [id, t] of a) expect(deterministicPart(t), id).toEqual(deterministicPart(b.get(id)!));

    const manifest = JSON.parse(readFileSync(join(merged, 'manifest.json'), 'utf8'));
    const singleManifest = JSON.parse(readFileSync(join(single, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({
      status: 'complete',
      repeats: 4,
      chosen: singleManifest.chosen,
      evalTrials: singleManifest.evalTrials,
      tuningTrials: singleManifest.tuningTrials,
    });
    expect(manifest.merge.sources).toHaveLength(4);
    const summary = JSON.parse(readFileSync(join(merged, 'summary.json'), 'utf8'));
    const singleSummary = JSON.parse(readFileSync(join(single, 'summary.json'), 'utf8'));
    expect(summary.judgement).toEqual(singleSummary.judgement);
    expect(existsSync(join(merged, 'report.html'))).toBe(true);

    const report = run(['report', merged]);
    expect(report.code, report.stderr).toBe(0);
    const check = run(['check', CLAIM, '--run', merged, '--preset', 'quick', '--json']);
    expect(check.code, check.stderr).toBe(0);
    const trials = JSON.parse(check.stdout).claims[0].comparison.trials as Array<{ result: string }>;
    expect(trials).toHaveLength(2 * 2 * 4);
    expect(new Set(trials.map((t) => t.result))).toEqual(new Set(['identical']));
    const site = tempDir('reprobench-site-');
    const board = run(['leaderboard', merged, '--out', site]);
    expect(board.code, board.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(site, 'leaderboard.json'), 'utf8')).entries.length).toBeGreaterThan(0);

    // plan --json assigns each trial to the shard that ran it.
    const plan = JSON.parse(
      run(['plan', CLAIM, '--preset', 'quick', '--backend', 'wasm', '--shards', '4', '--out', merged, '--json']).stdout,
    );
    // A grid sweep has no re-check phase.
    expect(plan.phases).toEqual({
      tuning: { trials: 8, done: 8 },
      recheck: null,
      evaluation: { trials: 16, done: 16, planned: true },
    });
    for (const [phase, job] of [
      ['tuning', 'tune'],
      ['evaluation', 'evaluate'],
    ] as const) {
      ws[job]!.forEach((w, k) => {
        const file = JSON.parse(readFileSync(join(w, 'runs', CLAIM, 'shards', `${phase}-${k + 1}-of-4.json`), 'utf8'));
        expect(file.status).toBe('complete');
        expect(
          plan.trials
            .filter((t: { phase: string; shard: number }) => t.phase === phase && t.shard === k + 1)
            .map((t: { id: string }) => t.id)
            .sort(),
        ).toEqual([...file.trials].sort());
      });
    }
  }, 600_000);
});

describe('merge', () => {
  it('refuses two runs that disagree on a trial with E_MERGE_CONFLICT naming both files, and writes nothing', () => {
    const other = tempDir('reprobench-other-');
    cpSync(single, other, { recursive: true });
    const t = [...trialsOf(other).values()].find((r) => r.config.repeat.purpose === 'eval' && r.curve.length > 1)!;
    const path = join(other, 'trials', `${t.id}.json`);
    const changed = JSON.parse(readFileSync(path, 'utf8'));
    const metric = Object.keys(changed.curve[1].metrics)[0]!;
    changed.curve[1].metrics[metric] += 1e-7;
    // Another machine's result, not an edit: its own content hash matches it.
    changed.contentHash = trialContentHash(changed);
    writeFileSync(path, JSON.stringify(changed, null, 2) + '\n');
    const out = join(tempDir('reprobench-merge-out-'), 'merged');
    const r = run(['merge', single, other, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error E_MERGE_CONFLICT');
    expect(r.stderr).toContain(join(single, 'trials', `${t.id}.json`).split('/').slice(-3).join('/'));
    expect(r.stderr).toContain(join(other, 'trials', `${t.id}.json`).split('/').slice(-3).join('/'));
    expect(r.stderr).toContain(`curve[1].metrics.${metric}`);
    expect(existsSync(out)).toBe(false);
  });

  it('keeps what an incomplete set of shards has and says what is missing (E_RUN_INCOMPLETE)', () => {
    const shard = tempDir('reprobench-part-');
    const r1 = run([
      'run',
      CLAIM,
      '--preset',
      'quick',
      '--backend',
      'wasm',
      '--workers',
      '1',
      '--shard',
      '1/4',
      '--phase',
      'tuning',
      '--out',
      shard,
    ]);
    expect(r1.code, r1.stderr).toBe(0);
    expect(r1.stdout).toContain('tuning, shard 1/4: 2 of 8 trials, 2 run now, 0 reused');
    // Evaluation cannot start before every tuning trial is there.
    const early = run([
      'run',
      CLAIM,
      '--preset',
      'quick',
      '--backend',
      'wasm',
      '--workers',
      '1',
      '--shard',
      '1/4',
      '--phase',
      'evaluation',
      '--out',
      shard,
    ]);
    expect(early.code).toBe(2);
    expect(early.stderr).toContain('error E_TUNING_INCOMPLETE');
    expect(early.stderr).toContain('6 of the 8 tuning trials');

    // Until tuning is complete, plan lists the evaluation trials without ids (tuning decides them).
    const plan = JSON.parse(
      run(['plan', CLAIM, '--preset', 'quick', '--backend', 'wasm', '--shards', '4', '--out', shard, '--json']).stdout,
    );
    expect(plan.phases).toEqual({
      tuning: { trials: 8, done: 2 },
      recheck: null,
      evaluation: { trials: 16, done: 0, planned: false },
    });
    expect(
      plan.trials.filter((t: { phase: string; id: string | null }) => t.phase === 'evaluation' && t.id !== null),
    ).toEqual([]);
    expect(plan.shardTotals.map((x: { tuning: { trials: number } }) => x.tuning.trials)).toEqual([2, 2, 2, 2]);

    const out = tempDir('reprobench-merge-part-');
    const m = run(['merge', shard, '--out', out]);
    expect(m.code).toBe(2);
    expect(m.stderr).toContain('error E_RUN_INCOMPLETE');
    expect(m.stderr).toContain('6 of 8 tuning trials have no finished result');
    expect(trialsOf(out).size).toBe(2);
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).status).toBe('running');
    expect(existsSync(join(out, 'summary.json'))).toBe(false);
  });

  it('refuses to mix runs that planned different trials (E_MERGE_MISMATCH)', () => {
    const two = tempDir('reprobench-seeds2-');
    mkdirSync(join(two, 'shards'), { recursive: true });
    const file = JSON.parse(readFileSync(join(single, 'manifest.json'), 'utf8'));
    writeFileSync(join(two, 'manifest.json'), JSON.stringify({ ...file, repeats: 2 }, null, 2));
    const r = run(['merge', single, two, '--out', tempDir('reprobench-mm-')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error E_MERGE_MISMATCH');
    expect(r.stderr).toContain('4 repeats');
    expect(r.stderr).toContain('2 repeats');
  });
});

describe('the scale-out commands', () => {
  it("k8s writes Jobs that validate against the Kubernetes Job schema, for the claim's phases", () => {
    const file = join(tempDir('reprobench-k8s-'), 'jobs.yaml');
    const w = run([
      'k8s',
      CLAIM,
      '--shards',
      '3',
      '--image',
      'ghcr.io/example/repro:1',
      '--seeds',
      '2',
      '--gpus',
      '1',
      '--file',
      file,
    ]);
    expect(w.code, w.stderr).toBe(0);
    expect(w.stdout).toContain('kubectl apply -f');
    const printed = run([
      'k8s',
      CLAIM,
      '--shards',
      '3',
      '--image',
      'ghcr.io/example/repro:1',
      '--seeds',
      '2',
      '--gpus',
      '1',
      '--print',
    ]);
    const body = (text: string) =>
      text
        .split('\n')
        .filter((l) => !l.startsWith('# Written by:'))
        .join('\n');
    expect(body(printed.stdout)).toBe(body(readFileSync(file, 'utf8')));
    const docs = parseAllDocuments(printed.stdout).map((d) => d.toJS());
    expect(docs.map((d) => d.metadata.name)).toEqual([`rb-${CLAIM}-tune`, `rb-${CLAIM}-eval`, `rb-${CLAIM}-merge`]);
    for (const d of docs) expect(jobSchemaErrors(d), d.metadata.name).toEqual([]);
    expect(docs[0].spec).toMatchObject({ completionMode: 'Indexed', completions: 3 });
    expect(docs[0].spec.template.spec.containers[0].command[2]).toContain(
      '--shard "$((JOB_COMPLETION_INDEX + 1))/3" --phase tuning',
    );
  });

  it('refuses option combinations that cannot work, with E_BAD_OPTION', () => {
    for (const [args, text] of [
      [['--shard', '0/2'], '--shard must be i/n'],
      [['--phase', 'tuning'], '--phase goes with --shard'],
      [['--shard', '1/2', '--adaptive'], '--shard cannot be combined with --adaptive'],
    ] as const) {
      const r = run(['run', CLAIM, ...args, '--out', tempDir()]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain('error E_BAD_OPTION');
      expect(r.stderr).toContain(text);
    }
  });
});
