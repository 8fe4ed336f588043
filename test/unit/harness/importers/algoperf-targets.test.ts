import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkHeldOutLists, loadTargets, metricDirection } from '../../../../harness/importers/algoperf-targets.js';
import { SUBSET_ROOT, subsetCopy, tmp, V05_LOGS } from './fixture.js';

describe('AlgoPerf target files', () => {
  it('finds scoring/workload_targets_v05.json above the logs and reads the targets', () => {
    const t = loadTargets('0.5', join(V05_LOGS, 'external_tuning'));
    expect(t.root).toBe(SUBSET_ROOT);
    expect(t.relPath).toBe('scoring/workload_targets_v05.json');
    expect(t.file.workloads.criteo1tb).toEqual({
      target_metric_name: 'loss',
      validation_target_value: 0.123735,
      step_hint: 10666,
    });
    expect(t.file.workloads.criteo1tb_embed_init!.validation_target_value).toBe(0.129657);
    expect(checkHeldOutLists('0.5', t)).toEqual([]);
  });

  it('knows which way each AlgoPerf metric improves', () => {
    expect(['loss', 'wer', 'ctc_loss', 'ppl', 'error_rate', 'l1_loss', 'ce_loss'].map(metricDirection)).toEqual(
      Array(7).fill('lower'),
    );
    expect(['ssim', 'accuracy', 'bleu', 'mean_average_precision'].map(metricDirection)).toEqual(
      Array(4).fill('higher'),
    );
    expect(() => metricDirection('f1')).toThrow(expect.objectContaining({ code: 'E_DATA' }));
  });

  it('refuses a target file of another version, a missing file and a malformed one', () => {
    expect(() => loadTargets('0.6', join(V05_LOGS, 'external_tuning'))).toThrow(
      expect.objectContaining({
        code: 'E_DATA',
        message: expect.stringMatching(/no scoring\/workload_targets\.json found/),
      }),
    );
    const v05 = join(SUBSET_ROOT, 'scoring', 'workload_targets_v05.json');
    expect(() => loadTargets('0.6', tmp(), v05)).toThrow(
      expect.objectContaining({
        code: 'E_DATA',
        message: expect.stringMatching(/holds the v0\.5 targets, but v0\.6 logs/),
      }),
    );
    const bad = join(tmp(), 'targets.json');
    writeFileSync(bad, JSON.stringify({ benchmark_version: '0.5', workloads: {} }));
    expect(() => loadTargets('0.5', tmp(), bad)).toThrow(
      expect.objectContaining({
        code: 'E_DATA',
        message: expect.stringMatching(/not an AlgoPerf target file: base_workloads/),
      }),
    );
  });

  it("warns when the held-out lists disagree with the scorer's", () => {
    const root = subsetCopy();
    const f = join(root, 'scoring', 'algoperf_v05', 'held_out_workloads_algoperf_v05.json');
    writeFileSync(f, JSON.stringify(['fastmri_tanh']));
    const tf = join(root, 'scoring', 'workload_targets_v05.json');
    const j = JSON.parse(readFileSync(tf, 'utf8'));
    j.held_out_workloads = ['ogbg_gelu'];
    writeFileSync(tf, JSON.stringify(j));
    const w = checkHeldOutLists('0.5', loadTargets('0.5', join(root, 'previous_leaderboards')));
    expect(w).toHaveLength(2);
    expect(w[0]).toMatch(/scoring\/workload_targets_v05\.json lists held-out workloads \[ogbg_gelu\]/);
    expect(w[1]).toMatch(/held_out_workloads_algoperf_v05\.json disagrees/);
  });
});
