import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, ROOT, tempDir } from '../../helpers/cli.js';

// The committed subset (test/fixtures/algoperf/logs-subset): v0.5 criteo1tb and its held-out variant only.
const LOGS = join(
  ROOT,
  'test',
  'fixtures',
  'algoperf',
  'logs-subset',
  'algoperf',
  'previous_leaderboards',
  'algoperf_v05',
  'logs',
);

describe('reprobench import algoperf + score (built CLI, committed subset)', () => {
  const out = tempDir();
  const ext = join(out, 'ext');
  const self = join(out, 'self');
  beforeAll(() => {
    const a = cli(['import', 'algoperf', LOGS, '--ruleset', 'external', '--out', ext]);
    expect(a.code, a.stderr).toBe(0);
    expect(a.stdout).toContain('68 trials imported');
    expect(a.stdout).toContain('Skipped 2 entries');
    expect(a.stdout).toContain(
      'schedule_free_adamw/study_0/trial_1/eval_measurements.csv: no workload folder between study_0 and trial_1',
    );
    const b = cli(['import', 'algoperf', join(LOGS, 'self_tuning'), '--out', self]);
    expect(b.code, b.stderr).toBe(0);
  });

  it('--json: scores keyed by submission folder, with per-workload times and the profile', () => {
    const r = cli(['score', ext, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    // Only criteo1tb of the 8 v0.5 base workloads is in the subset, so each score is the one-workload
    // score / 8; AlgoPerf's own scoring code gives 1.0 and 0.9848484848484849 on criteo1tb alone.
    expect(j.scores).toEqual({
      baseline: 0,
      lawa_queue: 0,
      schedule_free_adamw: 0.9848484848484849 / 8,
      shampoo_submission: 1 / 8,
    });
    expect(j).toMatchObject({
      algoperfVersion: '0.5',
      ruleset: 'external',
      trialSelection: 'fastest',
      heldOutRule: true,
    });
    expect(j.workloadTimes.lawa_queue.criteo1tb).toBeNull(); // never reached: infinite, written as null
    expect(j.workloadTimes.shampoo_submission.criteo1tb).toBe(5224.86041200161);
    expect(j.workloadTimes.baseline.fastmri).toBeNull(); // not in the subset
    expect(j.profile.taus).toHaveLength(100);
    expect(j.profile.rho.shampoo_submission.at(-1)).toBe(0.125);
    expect(j.studies.shampoo_submission.criteo1tb).toHaveLength(2);
    expect(j.warnings).toContain('baseline: no results for fastmri (counted as not reached)');
  });

  it("prints per-workload times, the profile and every submission's score", () => {
    const r = cli(['score', ext, '--reference', 'shampoo_submission']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(
      'AlgoPerf v0.5 external-tuning ruleset: 4 submissions, 8 base workloads, held-out rule on (6 variants)',
    );
    expect(r.stdout).toMatch(/criteo1tb_embed_init \[held-out\]\s+\(429\)\s+\(1059\)\s+485\s+305/);
    expect(r.stdout).toContain('Performance profile rho(tau)');
    expect(r.stdout).toMatch(/1\.\s+shampoo_submission\s+0\.1250/);
    expect(r.stdout).toMatch(/2\.\s+schedule_free_adamw\s+0\.1231/);
    expect(r.stdout).toMatch(/lawa_queue\s+0\.0000/);
    expect(r.stdout).toContain('Geometric-mean speedups against shampoo_submission');
    expect(r.stdout).toContain('lawa_queue: criteo1tb_embed_init ignored: base workload criteo1tb not reached');
  });

  it('scores the self-tuning ruleset and a pool of submission folders', () => {
    const r = cli([
      'score',
      join(self, 'baseline'),
      join(self, 'schedule_free_adamw'),
      '--json',
      '--trial-selection',
      'earliest-eval',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    // AlgoPerf's code on criteo1tb alone: baseline 0.9747474747474748, schedule_free_adamw 1.0.
    expect(j.scores).toEqual({ baseline: 0.9747474747474748 / 8, schedule_free_adamw: 1 / 8 });
    expect(j).toMatchObject({ ruleset: 'self', trialSelection: 'earliest-eval' });
  });

  it.each([
    [['score', 'ext', 'self'], 'E_SCORING_INPUT', /self-tuning results/],
    [['score', 'ext', '--ruleset', 'self'], 'E_BAD_OPTION', /--ruleset self does not match/],
    [['score', 'ext', '--algoperf-version', '0.6'], 'E_BAD_OPTION', /--algoperf-version 0\.6 does not match/],
    [['score', 'ext', '--reference', 'adam'], 'E_SCORING_INPUT', /reference "adam" is not in the pool/],
    [['score', 'nowhere'], 'E_SCORING_INPUT', /does not exist/],
    [['import', 'algoperf', LOGS, '--out', 'x'], 'E_BAD_OPTION', /holds both rulesets/],
    [['import', 'algoperf', LOGS], 'E_BAD_OPTION', /Missing required argument: out/],
    [['import', 'algoperf', LOGS, '--ruleset', 'external', '--out', 'ext'], 'E_BAD_OPTION', /already exists/],
  ])('bad input %j exits 2 with a coded error and a hint', (args, code, message) => {
    const r = cli(args, { cwd: out });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`error ${code}:`);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toContain('hint:');
  });
});
