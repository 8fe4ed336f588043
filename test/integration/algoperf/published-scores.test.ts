import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadImportedPool, type LoadedPool } from '../../../harness/importers/algoperf-pool.js';
import { scoreSubmissions } from '../../../harness/scoring/score.js';
import { cli, ROOT, tempDir } from '../../helpers/cli.js';

/**
 * Every log of the real AlgoPerf v0.5/v0.6 leaderboards, cut to the columns scoring reads
 * (scripts/fixtures/algoperf_scoring_logs.py; test/fixtures/algoperf/logs-scoring.NOTICE).
 */
const ARCHIVE = join(ROOT, 'test', 'fixtures', 'algoperf', 'logs-scoring.tar.xz');

/**
 * Scores as AlgoPerf's own scoring code computes them: mlcommons/submissions_algorithms 12c8e4ea,
 * `python -m scoring.score_submissions --compute_performance_profiles` on each logs folder
 * (v0.5 with scoring/workload_targets_v05.json; v0.6 with the 8 base workloads it was scored on),
 * run 2026-11-27 with numpy 1.24 / pandas 1.5. They agree with the published leaderboards
 * (previous_leaderboards/algoperf_v05/README.md and README.md, 4 decimals) in every digit shown.
 */
const ALGOPERF_CODE = {
  v05External: {
    shampoo_submission: 0.7784090909090892,
    schedule_free_adamw: 0.7077020202020199,
    generalized_adam: 0.6382575757575758,
    cyclic_lr: 0.630050505050505,
    nadamp: 0.5909090909090909,
    baseline: 0.5707070707070706,
    amos: 0.4917929292929301,
    caspr_adaptive: 0.47222222222222215,
    lawa_queue: 0.369949494949495,
    lawa_ema: 0.3383838383838384,
    schedule_free_prodigy: 0,
  },
  v05Self: {
    schedule_free_adamw: 0.8541666666666646,
    baseline: 0.8194444444444425,
    nadamw_sequential: 0.33080808080808083,
    sinv6_75: 0.14204545454545456,
    sinv6: 0.09027777777777775,
    adamg: 0,
  },
  v06External: { shampoo: 0.6243686868686883, baseline: 0.45896464646464646 },
  /** Not published (the v0.6 self-tuning table is commented out, with v0.5's numbers); a pool of one. */
  v06Self: { schedule_free_adamw_v2: 0.7499999999999997 },
};
const PUBLISHED = {
  v05External: {
    shampoo_submission: 0.7784,
    schedule_free_adamw: 0.7077,
    generalized_adam: 0.6383,
    cyclic_lr: 0.6301,
    nadamp: 0.5909,
    baseline: 0.5707,
    amos: 0.4918,
    caspr_adaptive: 0.4722,
    lawa_queue: 0.3699,
    lawa_ema: 0.3384,
    schedule_free_prodigy: 0,
  },
  v05Self: {
    schedule_free_adamw: 0.8542,
    baseline: 0.8194,
    nadamw_sequential: 0.3308,
    sinv6_75: 0.142,
    sinv6: 0.0903,
    adamg: 0,
  },
  v06External: { shampoo: 0.6244, baseline: 0.459 },
};

function expectScores(actual: Record<string, number>, expected: Record<string, number>, tolerance: number): void {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  for (const [s, v] of Object.entries(expected))
    expect(Math.abs(actual[s]! - v), `${s}: ${actual[s]} vs ${v}`).toBeLessThanOrEqual(tolerance);
}

describe('the whole AlgoPerf archive', () => {
  const dir = tempDir('reprobench-algoperf-archive-');
  const logs = (v: string) => join(dir, 'algoperf', 'previous_leaderboards', `algoperf_v${v}`, 'logs');
  const out = (name: string) => join(dir, 'imported', name);
  let v05ExtImport = '';
  const SETS = ['v05-external', 'v05-self', 'v06-external', 'v06-self'] as const;
  const pools = new Map<string, LoadedPool>();

  beforeAll(() => {
    execFileSync('tar', ['xJf', ARCHIVE, '-C', dir]);
    for (const [v, ruleset, name] of [
      ['05', 'external', 'v05-external'],
      ['05', 'self', 'v05-self'],
      ['06', 'external', 'v06-external'],
      ['06', 'self', 'v06-self'],
    ] as const) {
      const r = cli(['import', 'algoperf', logs(v), '--ruleset', ruleset, '--out', out(name)]);
      expect(r.code, r.stderr).toBe(0);
      if (name === 'v05-external') v05ExtImport = r.stdout;
      pools.set(name, loadImportedPool([out(name)]));
    }
  });

  it('imports every regular trial and reports the 18 schedule_free_adamw files that have no workload folder', () => {
    expect(v05ExtImport).toContain('3700 trials imported');
    expect(v05ExtImport).toContain('Skipped 18 entries');
    expect(
      v05ExtImport.match(/schedule_free_adamw\/study_\d\/trial_\d\/eval_measurements\.csv: no workload folder/g),
    ).toHaveLength(18);
    const trials = SETS.flatMap((n) =>
      pools
        .get(n)!
        .pool.flatMap((s) => Object.values(s.workloads).flatMap((w) => w.studies.flatMap((st) => st.trials))),
    );
    expect(trials).toHaveLength(4377 - 18);
  });

  it("`score` prints every submission's score; with AlgoPerf's trial choice they are the published leaderboards", () => {
    for (const [name, code, published] of [
      ['v05-external', ALGOPERF_CODE.v05External, PUBLISHED.v05External],
      ['v05-self', ALGOPERF_CODE.v05Self, PUBLISHED.v05Self],
      ['v06-external', ALGOPERF_CODE.v06External, PUBLISHED.v06External],
      ['v06-self', ALGOPERF_CODE.v06Self, undefined],
    ] as const) {
      const { pool, version, ruleset } = pools.get(name)!;
      const scores = scoreSubmissions(pool, { ruleset, version, trialSelection: 'earliest-eval' }).scores;
      expectScores(scores, code, 1e-12);
      if (published) expectScores(scores, published, 5e-5);
      const text = cli(['score', out(name), '--trial-selection', 'earliest-eval']);
      expect(text.code, text.stderr).toBe(0);
      for (const [s, v] of Object.entries(code))
        expect(text.stdout).toMatch(new RegExp(`\\d+\\.\\s+${s}\\s+${v.toFixed(4).replace('.', '\\.')}`));
    }
  });

  it("by the rules' wording (each study's fastest trial) only lawa_ema moves: 0.3434 instead of 0.3384", () => {
    const { pool, version, ruleset } = pools.get('v05-external')!;
    const fastest = scoreSubmissions(pool, { ruleset, version });
    expectScores(fastest.scores, { ...ALGOPERF_CODE.v05External, lawa_ema: 34 / 99 }, 1e-12);
    // On wmt AlgoPerf's code takes, in studies 2 and 3, the trial reaching the target at the fewest
    // evals (43133 s, 46398 s) although another trial got there sooner (38312 s, 42390 s).
    const studies = fastest.workloadTimes.lawa_ema!.wmt!.studies.map((st) => Math.round(st.value));
    const code = scoreSubmissions(pool, {
      ruleset,
      version,
      trialSelection: 'earliest-eval',
    }).workloadTimes.lawa_ema!.wmt!.studies.map((st) => Math.round(st.value));
    expect(studies.slice(2, 4)).toEqual([38312, 42390]);
    expect(code.slice(2, 4)).toEqual([43133, 46398]);
    for (const name of ['v05-self', 'v06-external', 'v06-self'] as const) {
      const p = pools.get(name)!;
      const a = scoreSubmissions(p.pool, { ruleset: p.ruleset, version: p.version }).scores;
      const b = scoreSubmissions(p.pool, {
        ruleset: p.ruleset,
        version: p.version,
        trialSelection: 'earliest-eval',
      }).scores;
      expectScores(a, b, 1e-12);
    }
  });

  it("geometric-mean speedups equal AlgoPerf's compute_speedups.py (same trial choice), except where it has a NaN", () => {
    // `python -m scoring.compute_speedups --base baseline --comparison <c>` (12c8e4ea) on the v0.5 results.
    const ext = pools.get('v05-external')!;
    const e = scoreSubmissions(ext.pool, {
      ruleset: ext.ruleset,
      version: ext.version,
      trialSelection: 'earliest-eval',
      reference: 'baseline',
    }).speedups!;
    expect(e.shampoo_submission!.timeRatio).toBeCloseTo(0.7212957789529297, 12);
    expect(e.lawa_ema!.timeRatio).toBeCloseTo(1.0917144674291914, 12);
    // AlgoPerf: 0.7340264941114377; its fastmri study time differs by 0.27 s from ours (a tie at one eval index, see docs).
    expect(e.schedule_free_adamw!.timeRatio).toBeCloseTo(0.7340264941114377, 4);
    // AlgoPerf gives NaN: caspr_adaptive never ran criteo1tb, a NaN the script does not replace; we count it as not reached.
    expect(e.caspr_adaptive!.rows.find((r) => r.workload === 'criteo1tb')!.method).toBe(7703 + 1);
    const self = pools.get('v05-self')!;
    const sp = scoreSubmissions(self.pool, {
      ruleset: self.ruleset,
      version: self.version,
      trialSelection: 'earliest-eval',
      reference: 'baseline',
    }).speedups!;
    expect(sp.schedule_free_adamw!.timeRatio).toBeCloseTo(0.9223676585996796, 12);
    expect(sp.adamg!.timeRatio).toBeCloseTo(3.9416519928940037, 12); // budgets 3 x v0.5 + 1 s everywhere
  });

  it('no trial first meets its target after its budget (so the budget check changes no published number)', () => {
    for (const name of SETS) {
      const { pool, version, ruleset } = pools.get(name)!;
      const r = scoreSubmissions(pool, {
        ruleset,
        version,
        baseWorkloads: [...new Set(pool.flatMap((s) => Object.keys(s.workloads)))],
        heldOutRule: false,
      });
      const late = Object.values(r.workloadTimes).flatMap((row) =>
        Object.values(row).flatMap((w) =>
          w.studies.flatMap((s) => s.trials.filter((t) => t.result.status === 'after-budget')),
        ),
      );
      expect(late).toEqual([]);
    }
  });
});
