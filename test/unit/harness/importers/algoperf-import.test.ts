import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importAlgoPerfLogs, inferVersion } from '../../../../harness/importers/algoperf.js';
import { loadImportedPool } from '../../../../harness/importers/algoperf-pool.js';
import {
  ImportedSubmissionSchema,
  ImportedTrialSchema,
  readImportedSubmission,
} from '../../../../harness/importers/algoperf-store.js';
import { scoreSubmissions } from '../../../../harness/scoring/score.js';
import { subsetCopy, tmp, V05_LOGS } from './fixture.js';

const EXT = 'previous_leaderboards/algoperf_v05/logs/external_tuning';

describe('importing the committed v0.5 subset', () => {
  const out = tmp();
  let report: ReturnType<typeof importAlgoPerfLogs>;
  beforeAll(() => {
    report = importAlgoPerfLogs(V05_LOGS, { out, ruleset: 'external' });
  });

  it('reports what it imported and what it skipped', () => {
    expect(report).toMatchObject({
      version: '0.5',
      ruleset: 'external',
      rulesetDir: EXT,
      targetsFile: 'scoring/workload_targets_v05.json',
      trials: 68,
      warnings: [],
    });
    expect(report.submissions.map((s) => [s.name, s.trials, s.workloads, s.frameworks, s.skipped])).toEqual([
      ['baseline', 20, 2, ['jax'], 0],
      ['lawa_queue', 18, 2, ['pytorch'], 0],
      ['schedule_free_adamw', 10, 2, ['pytorch'], 2],
      ['shampoo_submission', 20, 2, ['pytorch'], 0],
    ]);
    expect(report.skipped.map((s) => s.path)).toEqual(
      [1, 2].map((j) => `${EXT}/schedule_free_adamw/study_0/trial_${j}/eval_measurements.csv`),
    );
  });

  it('writes one folder per submission: submission.json and a validated, pretty JSON per trial', () => {
    expect(readdirSync(out).sort()).toEqual(['baseline', 'lawa_queue', 'schedule_free_adamw', 'shampoo_submission']);
    const file = join(out, 'baseline', 'trials', 'criteo1tb_embed_init_jax', 'study_1', 'trial_3.json');
    const text = readFileSync(file, 'utf8');
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n  "schemaVersion": 1,\n');
    const t = ImportedTrialSchema.parse(JSON.parse(text));
    expect(t).toMatchObject({
      submission: 'baseline',
      ruleset: 'external',
      algoperfVersion: '0.5',
      workload: 'criteo1tb_embed_init',
      baseWorkload: 'criteo1tb',
      role: 'held-out',
      framework: 'jax',
      study: 1,
      trial: 3,
      target: { metric: 'validation/loss', value: 0.129657, direction: 'lower' },
      budgetSeconds: 7703,
      stepHint: 10666,
    });
    expect(t.provenance.source).toBe(
      `imported from AlgoPerf logs v0.5 at ${EXT}/baseline/study_1/criteo1tb_embed_init_jax/trial_3/eval_measurements.csv`,
    );
    expect(t.provenance.targetsFile).toBe('scoring/workload_targets_v05.json');
    // The curve keeps global_step, accumulated submission time and the validation/test metrics present.
    const csv = readFileSync(
      join(
        V05_LOGS,
        'external_tuning',
        'baseline',
        'study_1',
        'criteo1tb_embed_init_jax',
        'trial_3',
        'eval_measurements.csv',
      ),
      'utf8',
    )
      .trim()
      .split('\n');
    const head = csv[0]!.split(',');
    expect(t.curve).toHaveLength(csv.length - 1);
    const last = csv.at(-1)!.split(',');
    expect(t.curve.at(-1)).toEqual({
      step: Number(last[head.indexOf('global_step')]),
      seconds: Number(last[head.indexOf('accumulated_submission_time')]),
      metrics: {
        'test/loss': Number(last[head.indexOf('test/loss')]),
        'validation/loss': Number(last[head.indexOf('validation/loss')]),
      },
    });
    const meta = ImportedSubmissionSchema.parse(
      JSON.parse(readFileSync(join(out, 'schedule_free_adamw', 'submission.json'), 'utf8')),
    );
    expect(meta.skipped).toHaveLength(2);
    expect(meta.workloads.criteo1tb).toMatchObject({
      role: 'base',
      framework: 'pytorch',
      studies: 1,
      trials: 5,
      budgetSeconds: 7703,
    });
  });

  it("stores each trial's time to result: the time at the first eval meeting the target", () => {
    const { trials } = readImportedSubmission(join(out, 'shampoo_submission'));
    for (const t of trials) {
      const i = t.curve.findIndex(
        (p) => p.metrics['validation/loss'] !== null && p.metrics['validation/loss']! <= t.target.value,
      );
      expect(t.timeToResult.evalIndex).toBe(i < 0 ? null : i);
      expect(t.timeToResult.seconds).toBe(i < 0 ? null : t.curve[i]!.seconds);
      expect(t.timeToResult.status).toBe(i < 0 ? 'not-reached' : 'reached');
    }
    expect(trials.filter((t) => t.timeToResult.status === 'reached').length).toBeGreaterThan(0);
  });

  it("scores like AlgoPerf's own code on the same files", () => {
    // mlcommons/submissions_algorithms 12c8e4ea scoring/score_submissions.py run on this subset with its
    // v0.5 target file restricted to base [criteo1tb] and held-out [criteo1tb_embed_init] gave:
    //   scores baseline 0.0, schedule_free_adamw 0.9848484848484849, shampoo_submission 1.0, lawa_queue 0.0
    //   time_to_targets criteo1tb: baseline inf, schedule_free_adamw 5527.977537155151, shampoo 5224.86041200161, lawa_queue inf
    const { pool } = loadImportedPool([out]);
    for (const trialSelection of ['fastest', 'earliest-eval'] as const) {
      const r = scoreSubmissions(pool, {
        ruleset: 'external',
        version: '0.5',
        baseWorkloads: ['criteo1tb'],
        trialSelection,
      });
      expect(r.heldOut).toEqual([{ workload: 'criteo1tb_embed_init', base: 'criteo1tb' }]);
      expect(r.scores).toEqual({
        baseline: 0,
        lawa_queue: 0,
        schedule_free_adamw: 0.9848484848484849,
        shampoo_submission: 1,
      });
      expect(r.workloadTimes.schedule_free_adamw!.criteo1tb!.value).toBe(5527.977537155151);
      expect(r.workloadTimes.shampoo_submission!.criteo1tb!.value).toBe(5224.86041200161);
      expect(r.workloadTimes.lawa_queue!.criteo1tb!.value).toBe(Infinity);
    }
  });

  it('refuses to write over an earlier import unless told to, and never over a foreign folder', () => {
    expect(() => importAlgoPerfLogs(V05_LOGS, { out, ruleset: 'external' })).toThrow(
      expect.objectContaining({ code: 'E_BAD_OPTION', message: expect.stringMatching(/already exists/) }),
    );
    const sample = join(out, 'lawa_queue', 'trials', 'criteo1tb_pytorch', 'study_0', 'trial_2.json');
    const before = [readFileSync(sample, 'utf8'), readFileSync(join(out, 'lawa_queue', 'submission.json'), 'utf8')];
    const again = importAlgoPerfLogs(V05_LOGS, { out, ruleset: 'external', overwrite: true });
    expect(again.trials).toBe(68);
    // Deterministic output: a second import writes the same bytes.
    expect([readFileSync(sample, 'utf8'), readFileSync(join(out, 'lawa_queue', 'submission.json'), 'utf8')]).toEqual(
      before,
    );
    expect(readdirSync(out).filter((n) => n.startsWith('.'))).toEqual([]);
    const foreign = tmp();
    mkdirSync(join(foreign, 'baseline'));
    writeFileSync(join(foreign, 'baseline', 'mine.txt'), 'keep me');
    expect(() => importAlgoPerfLogs(V05_LOGS, { out: foreign, ruleset: 'external', overwrite: true })).toThrow(
      /was not written by `reprobench import`/,
    );
    expect(readFileSync(join(foreign, 'baseline', 'mine.txt'), 'utf8')).toBe('keep me');
    expect(existsSync(join(foreign, 'lawa_queue'))).toBe(false);
  });
});

describe('import edge cases', () => {
  it('infers the version from an algoperf_vXY folder, or needs --algoperf-version', () => {
    expect(inferVersion('/x/algoperf/previous_leaderboards/algoperf_v06/logs')).toBe('0.6');
    expect(inferVersion('/x/algoperf_v05')).toBe('0.5');
    expect(inferVersion('/x/algoperf_v07/logs')).toBeNull();
    const plain = tmp();
    cpSync(join(V05_LOGS, 'self_tuning'), join(plain, 'self_tuning'), { recursive: true });
    expect(() => importAlgoPerfLogs(plain, { out: tmp() })).toThrow(
      expect.objectContaining({
        code: 'E_BAD_OPTION',
        message: expect.stringMatching(/cannot tell the AlgoPerf version/),
      }),
    );
    const targets = join(V05_LOGS, '..', '..', '..', 'scoring', 'workload_targets_v05.json');
    const r = importAlgoPerfLogs(plain, { out: tmp(), version: '0.5', targets });
    expect(r.trials).toBe(12);
    expect(r.targetsFile).toBe('workload_targets_v05.json');
  });

  it('skips and reports a file without the target metric, a workload without a target, and a malformed CSV', () => {
    const root = subsetCopy();
    const sub = join(root, 'previous_leaderboards', 'algoperf_v05', 'logs', 'self_tuning', 'baseline');
    const f = join(sub, 'study_0', 'criteo1tb_jax', 'trial_1', 'eval_measurements.csv');
    writeFileSync(f, readFileSync(f, 'utf8').replaceAll('validation/loss', 'validation/l2'));
    mkdirSync(join(sub, 'study_0', 'mystery_jax', 'trial_1'), { recursive: true });
    writeFileSync(join(sub, 'study_0', 'mystery_jax', 'trial_1', 'eval_measurements.csv'), 'global_step,score\n1,2\n');
    const g = join(sub, 'study_1', 'criteo1tb_jax', 'trial_1', 'eval_measurements.csv');
    writeFileSync(g, readFileSync(g, 'utf8') + '1,2\n');
    const r = importAlgoPerfLogs(join(root, 'previous_leaderboards', 'algoperf_v05', 'logs'), {
      out: tmp(),
      ruleset: 'self',
    });
    const p = 'previous_leaderboards/algoperf_v05/logs/self_tuning/baseline';
    expect(r.skipped).toEqual(
      expect.arrayContaining([
        {
          path: `${p}/study_0/criteo1tb_jax/trial_1/eval_measurements.csv`,
          reason: "no validation/loss column, the workload's target metric",
        },
        {
          path: `${p}/study_0/mystery_jax/trial_1/eval_measurements.csv`,
          reason: 'no target for workload "mystery" in scoring/workload_targets_v05.json',
        },
        {
          path: `${p}/study_1/criteo1tb_jax/trial_1/eval_measurements.csv`,
          reason: expect.stringMatching(/^row \d+ has 2 fields/),
        },
      ]),
    );
    expect(r.submissions.find((s) => s.name === 'baseline')).toMatchObject({ trials: 4, skipped: 3 });
  });
});

describe('reading imported results back', () => {
  const out = tmp();
  beforeAll(() => {
    importAlgoPerfLogs(V05_LOGS, { out: join(out, 'ext'), ruleset: 'external' });
    importAlgoPerfLogs(V05_LOGS, { out: join(out, 'self'), ruleset: 'self' });
  });

  it('takes a submission folder or a folder of them', () => {
    expect(loadImportedPool([join(out, 'ext')]).pool.map((s) => s.name)).toEqual([
      'baseline',
      'lawa_queue',
      'schedule_free_adamw',
      'shampoo_submission',
    ]);
    const two = loadImportedPool([join(out, 'ext', 'shampoo_submission'), join(out, 'ext', 'baseline')]);
    expect(two).toMatchObject({ version: '0.5', ruleset: 'external' });
    expect(two.pool.map((s) => s.name)).toEqual(['shampoo_submission', 'baseline']);
    const shampoo = two.pool[0]!;
    expect(Object.keys(shampoo.workloads).sort()).toEqual(['criteo1tb', 'criteo1tb_embed_init']);
    expect(shampoo.workloads.criteo1tb!.studies.map((s) => [s.index, s.trials.length])).toEqual([
      [0, 5],
      [1, 5],
    ]);
    expect(shampoo.workloads.criteo1tb!.budget).toEqual({ seconds: 7703 });
  });

  it('refuses to mix rulesets, and names corrupt or foreign-version files', () => {
    expect(() => loadImportedPool([join(out, 'ext'), join(out, 'self')])).toThrow(
      expect.objectContaining({ code: 'E_SCORING_INPUT', message: expect.stringMatching(/v0\.5 self-tuning results/) }),
    );
    expect(() => loadImportedPool([tmp()])).toThrow(
      expect.objectContaining({ code: 'E_SCORING_INPUT', message: expect.stringMatching(/no imported submission/) }),
    );
    const sub = join(out, 'self', 'baseline');
    const file = join(sub, 'trials', 'criteo1tb_jax', 'study_2', 'trial_1.json');
    const good = readFileSync(file, 'utf8');
    writeFileSync(file, good.slice(0, 100));
    expect(() => readImportedSubmission(sub)).toThrow(
      expect.objectContaining({ code: 'E_CORRUPT_RESULT', message: expect.stringContaining('trial_1.json') }),
    );
    writeFileSync(file, good.replace('"schemaVersion": 1', '"schemaVersion": 2'));
    expect(() => readImportedSubmission(sub)).toThrow(expect.objectContaining({ code: 'E_SCHEMA_VERSION' }));
    writeFileSync(file, good.replace('"budgetSeconds": 23109', '"budgetSeconds": "long"'));
    expect(() => readImportedSubmission(sub)).toThrow(
      expect.objectContaining({ code: 'E_CORRUPT_RESULT', message: expect.stringMatching(/budgetSeconds/) }),
    );
    writeFileSync(file, good);
    expect(readImportedSubmission(sub).trials).toHaveLength(6);
  });
});
