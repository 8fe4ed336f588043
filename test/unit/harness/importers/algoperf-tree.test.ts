import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findRulesetDir, scanSubmission, submissionDirs } from '../../../../harness/importers/algoperf-tree.js';
import { SUBSET_ROOT, subsetCopy, V05_LOGS } from './fixture.js';

describe('finding the ruleset folder', () => {
  it('takes a ruleset folder as it is, and a logs folder with --ruleset', () => {
    expect(findRulesetDir(join(V05_LOGS, 'self_tuning'))).toEqual({
      dir: join(V05_LOGS, 'self_tuning'),
      ruleset: 'self',
    });
    expect(findRulesetDir(V05_LOGS, 'external')).toEqual({
      dir: join(V05_LOGS, 'external_tuning'),
      ruleset: 'external',
    });
  });

  it.each([
    [() => findRulesetDir(V05_LOGS), 'E_BAD_OPTION', /holds both rulesets/],
    [
      () => findRulesetDir(join(V05_LOGS, 'self_tuning'), 'external'),
      'E_BAD_OPTION',
      /--ruleset external does not match the folder self_tuning/,
    ],
    [() => findRulesetDir(SUBSET_ROOT), 'E_IMPORT_LAYOUT', /holds neither external_tuning\/ nor self_tuning\//],
    [() => findRulesetDir(join(V05_LOGS, 'nope')), 'E_IMPORT_LAYOUT', /is not a folder/],
  ])('refuses an ambiguous or wrong folder (%#)', (f, code, message) => {
    expect(f).toThrow(expect.objectContaining({ code, message: expect.stringMatching(message) }));
  });

  it('lists submission folders sorted', () => {
    expect(submissionDirs(join(V05_LOGS, 'external_tuning')).map((d) => d.split('/').at(-1))).toEqual([
      'baseline',
      'lawa_queue',
      'schedule_free_adamw',
      'shampoo_submission',
    ]);
  });
});

describe('scanning a submission', () => {
  it('maps <workload>_<framework> folders and reports the trial files with no workload folder', () => {
    const { trials, skipped } = scanSubmission(join(V05_LOGS, 'external_tuning', 'schedule_free_adamw'), SUBSET_ROOT);
    expect(trials).toHaveLength(10);
    expect(new Set(trials.map((t) => `${t.workload}/${t.framework}`))).toEqual(
      new Set(['criteo1tb/pytorch', 'criteo1tb_embed_init/pytorch']),
    );
    expect(trials.find((t) => t.trial === 3 && t.workload === 'criteo1tb')).toMatchObject({
      submission: 'schedule_free_adamw',
      study: 0,
    });
    expect(skipped).toEqual(
      [1, 2].map((j) => ({
        path: `previous_leaderboards/algoperf_v05/logs/external_tuning/schedule_free_adamw/study_0/trial_${j}/eval_measurements.csv`,
        reason: `no workload folder between study_0 and trial_${j}: which workload this trial ran is not recorded`,
      })),
    );
  });

  it('reads JAX folders as framework jax', () => {
    const { trials, skipped } = scanSubmission(join(V05_LOGS, 'external_tuning', 'baseline'), SUBSET_ROOT);
    expect(trials).toHaveLength(20);
    expect(trials.every((t) => t.framework === 'jax')).toBe(true);
    expect(skipped).toEqual([]);
  });

  it('reports folders without a framework suffix, stray files, empty trial folders and odd depths', () => {
    const root = subsetCopy();
    const sub = join(root, 'previous_leaderboards', 'algoperf_v05', 'logs', 'self_tuning', 'baseline');
    mkdirSync(join(sub, 'study_0', 'criteo1tb_tf', 'trial_1'), { recursive: true });
    writeFileSync(join(sub, 'study_0', 'criteo1tb_tf', 'trial_1', 'eval_measurements.csv'), 'global_step\n');
    writeFileSync(join(sub, 'study_0', 'notes.txt'), 'hello');
    mkdirSync(join(sub, 'study_1', 'criteo1tb_jax', 'trial_2'), { recursive: true });
    mkdirSync(join(sub, 'study_9', 'criteo1tb_jax', 'trial_1', 'extra'), { recursive: true });
    writeFileSync(join(sub, 'study_9', 'criteo1tb_jax', 'trial_1', 'extra', 'eval_measurements.csv'), 'global_step\n');
    const { trials, skipped } = scanSubmission(sub, root);
    expect(trials).toHaveLength(6);
    const p = 'previous_leaderboards/algoperf_v05/logs/self_tuning/baseline';
    expect(skipped).toEqual(
      expect.arrayContaining([
        {
          path: `${p}/study_0/criteo1tb_tf/trial_1/eval_measurements.csv`,
          reason: 'workload folder "criteo1tb_tf" has no _jax or _pytorch suffix',
        },
        { path: `${p}/study_0/notes.txt`, reason: 'not an eval_measurements.csv' },
        { path: `${p}/study_1/criteo1tb_jax/trial_2`, reason: 'trial folder without eval_measurements.csv' },
        {
          path: `${p}/study_9/criteo1tb_jax/trial_1/extra/eval_measurements.csv`,
          reason: expect.stringMatching(/^unexpected location/),
        },
        { path: `${p}/study_9/criteo1tb_jax/trial_1`, reason: 'trial folder without eval_measurements.csv' },
      ]),
    );
    expect(skipped).toHaveLength(5);
  });
});
