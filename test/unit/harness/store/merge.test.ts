import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { trialId, type TrialConfig, type TrialRecord } from '../../../../harness/core/trial.js';
import { collectTrials, firstDifference, resultOf, writeMergedTrials } from '../../../../harness/store/merge.js';
import { trialPath } from '../../../../harness/store/trial-store.js';
import { tempDir } from '../../../helpers/cli.js';

const config = (index: number): TrialConfig => ({
  workload: { id: 'teacher-student', version: 1, variant: 'base' },
  method: { id: 'adamw', version: 1, hparams: { learningRate: 0.01 } },
  repeat: { purpose: 'eval', index },
  backend: 'wasm',
  numericsClass: 'wasm-tfjs4.22.0-k1',
  batchSize: 32,
  budget: { steps: 100, seconds: 60 },
  evalEvery: 50,
  stepHint: 100,
  target: { metric: 'validation/loss', value: 0.1, direction: 'lower' },
  stopAtTarget: true,
});

function record(
  index: number,
  over: { loss?: number; trainSeconds?: number; startedAt?: string; status?: TrialRecord['status'] } = {},
): TrialRecord {
  const c = config(index);
  const loss = over.loss ?? 0.08;
  const failed = over.status === 'failed';
  return {
    schemaVersion: 1,
    id: trialId(c),
    config: c,
    seeds: { split: 's', init: 'i', order: 'o', method: 'm' },
    status: over.status ?? 'reached',
    outcome: {
      stepsToTarget: failed ? null : 100,
      examplesToTarget: failed ? null : 3200,
      secondsToTarget: failed ? null : (over.trainSeconds ?? 1.5),
      stepsRun: failed ? 0 : 100,
      trainSeconds: over.trainSeconds ?? 1.5,
      evalSeconds: 0.2,
      initSeconds: 0.1,
      finalMetrics: { 'validation/loss': loss },
      bestTargetMetric: loss,
      reason: 'r',
    },
    curve: failed
      ? []
      : [
          {
            step: 50,
            examples: 1600,
            trainSeconds: (over.trainSeconds ?? 1.5) / 2,
            metrics: { 'validation/loss': 0.2 },
          },
          { step: 100, examples: 3200, trainSeconds: over.trainSeconds ?? 1.5, metrics: { 'validation/loss': loss } },
        ],
    provenance: {
      reprobenchVersion: '0.1.0',
      gitCommit: null,
      gitDirty: null,
      tfjsVersion: '4.22.0',
      backend: 'wasm',
      backendReasons: [],
      numericsClass: 'wasm-tfjs4.22.0-k1',
      node: 'v20',
      os: 'Linux',
      cpu: { model: 'x', cores: 2 },
      gpu: null,
      configHash: 'h',
    },
    startedAt: over.startedAt ?? '2026-11-27T00:00:00.000Z',
    finishedAt: over.startedAt ?? '2026-11-27T00:00:02.000Z',
  };
}

function runDir(...records: TrialRecord[]): string {
  const dir = tempDir('reprobench-merge-');
  mkdirSync(join(dir, 'trials'), { recursive: true });
  for (const r of records) writeFileSync(trialPath(dir, r.id), JSON.stringify(r, null, 2) + '\n');
  return dir;
}

describe('merging trial files from shards', () => {
  it('keeps one copy of a trial two shards both ran, when only timings and provenance differ', () => {
    const a = runDir(record(0), record(1));
    const b = runDir(record(1, { trainSeconds: 9.9, startedAt: '2026-11-28T00:00:00.000Z' }), record(2));
    const m = collectTrials([a, b]);
    expect([...m.trials.keys()].sort()).toEqual([record(0).id, record(1).id, record(2).id].sort());
    expect(m).toMatchObject({ files: 4, duplicates: 1, perDir: [2, 2] });
    // The first copy is kept, byte for byte.
    expect(m.trials.get(record(1).id)!.text).toBe(readFileSync(trialPath(a, record(1).id), 'utf8'));
  });

  it('refuses two different results for one trial with a coded error naming both files, and writes nothing', () => {
    const a = runDir(record(0));
    const b = runDir(record(0, { loss: 0.0800001 }));
    let err: unknown;
    try {
      collectTrials([a, b]);
    } catch (e) {
      err = e;
    }
    expect(err).toMatchObject({ code: 'E_MERGE_CONFLICT' });
    const msg = (err as Error).message;
    expect(msg).toContain(trialPath(a, record(0).id).split('/').slice(-3).join('/'));
    expect(msg).toContain(trialPath(b, record(0).id).split('/').slice(-3).join('/'));
    expect(msg).toContain('curve[1].metrics.validation/loss');
  });

  it('takes a finished result over a failed attempt of the same trial, in either order', () => {
    const ok = record(0);
    const failed = record(0, { status: 'failed', startedAt: '2026-11-29T00:00:00.000Z' });
    for (const dirs of [
      [runDir(failed), runDir(ok)],
      [runDir(ok), runDir(failed)],
    ]) {
      expect(collectTrials(dirs).trials.get(ok.id)!.record.status).toBe('reached');
    }
  });

  it("rejects a corrupt trial file with the store's coded error", () => {
    const a = runDir(record(0));
    writeFileSync(trialPath(a, record(0).id), '{"schemaVersion": 1, "id": "nope"');
    expect(() => collectTrials([a])).toThrow(expect.objectContaining({ code: 'E_CORRUPT_RESULT' }));
  });

  it('copies the chosen files unchanged and leaves identical ones alone', () => {
    const a = runDir(record(0), record(1));
    const out = runDir(record(1));
    const m = collectTrials([a, out]);
    expect(writeMergedTrials(out, m)).toBe(1);
    expect(readFileSync(trialPath(out, record(0).id), 'utf8')).toBe(readFileSync(trialPath(a, record(0).id), 'utf8'));
    expect(writeMergedTrials(out, collectTrials([out]))).toBe(0);
  });

  it('compares results without wall-clock fields', () => {
    expect(firstDifference(resultOf(record(0)), resultOf(record(0, { trainSeconds: 42 })))).toBeNull();
    expect(firstDifference(resultOf(record(0)), resultOf(record(0, { status: 'censored' })))).toBe(
      'status ("reached" vs "censored")',
    );
  });

  it('compares scoring steps but not scoring seconds (methods that score examples first)', () => {
    const scored = (steps: number, seconds: number): TrialRecord => {
      const r = record(0);
      return { ...r, outcome: { ...r.outcome, scoring: { steps, seconds } } };
    };
    expect(firstDifference(resultOf(scored(640, 7.1)), resultOf(scored(640, 9.3)))).toBeNull();
    expect(firstDifference(resultOf(scored(640, 7.1)), resultOf(scored(320, 7.1)))).toBe(
      'outcome.scoringSteps (640 vs 320)',
    );
  });
});
