/* eslint-disable @typescript-eslint/no-explicit-any -- it damages trial files as raw JSON, beyond what their types allow */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LEGACY_TRIAL_SCHEMA_VERSION, TRIAL_SCHEMA_VERSION, trialId } from '../../../../harness/core/trial.js';
import { isReprobenchError } from '../../../../harness/errors.js';
import { trialContentHash } from '../../../../harness/store/trial-integrity.js';
import { parseTrialFile, readTrials, trialPath, writeTrial } from '../../../../harness/store/trial-store.js';
import { tempDir } from '../../../helpers/cli.js';
import { trialConfigFor, validTrial } from '../../../helpers/trial-record.js';

/** Writes `edit(file as JSON)` as a trial file and reads the run directory back. */
function readEdited(edit: (file: Record<string, any>) => void, opts: { rehash?: boolean; id?: string } = {}): unknown {
  const dir = tempDir('reprobench-integrity-');
  const rec = validTrial();
  writeTrial(dir, rec);
  const path = trialPath(dir, rec.id);
  const file = JSON.parse(readFileSync(path, 'utf8'));
  edit(file);
  // An edit that also refreshes the hash passes the hash check: what is left must catch it.
  if (opts.rehash) file.contentHash = trialContentHash(file);
  writeFileSync(join(dir, 'trials', `${opts.id ?? rec.id}.json`), JSON.stringify(file, null, 2) + '\n');
  try {
    return readTrials(dir);
  } catch (e) {
    return e;
  }
}

function refused(result: unknown): string {
  expect(isReprobenchError(result), String(result)).toBe(true);
  const e = result as { code: string; message: string };
  expect(e.code).toBe('E_CORRUPT_RESULT');
  // The message names the file, so the user knows which one to move aside.
  expect(e.message).toMatch(/trial file .*trials[\\/][0-9a-f]{16}\.json is corrupt: /);
  return e.message;
}

describe('trial files: id, content hash and outcome are checked on read', () => {
  it('writes schema version 2 with a content hash, and reads it back equal to what was written', () => {
    const dir = tempDir('reprobench-integrity-');
    const rec = validTrial(3);
    writeTrial(dir, rec);
    const file = JSON.parse(readFileSync(trialPath(dir, rec.id), 'utf8'));
    expect(file.schemaVersion).toBe(TRIAL_SCHEMA_VERSION);
    expect(file.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.keys(file).at(-1)).toBe('contentHash');
    expect(readTrials(dir).get(rec.id)).toEqual(rec);
  });

  it('refuses a trial whose id is not the hash of its configuration (the reported case: silently reused before)', () => {
    const msg = refused(readEdited((f) => (f.config.method.hparams.learningRate = 0.02), { rehash: true }));
    const edited = { ...trialConfigFor(0), method: { id: 'adamw', version: 1, hparams: { learningRate: 0.02 } } };
    expect(msg).toContain(`is not the hash of its configuration (${trialId(edited)})`);
  });

  it('refuses an edited body through the content hash', () => {
    expect(refused(readEdited((f) => (f.outcome.stepsToTarget = 50)))).toContain('does not match its content hash');
    expect(refused(readEdited((f) => (f.curve[1].metrics['validation/loss'] = 0.07)))).toContain(
      'does not match its content hash',
    );
    // Removing the hash does not make a version 2 file legacy.
    expect(refused(readEdited((f) => delete f.contentHash))).toMatch(/contentHash/);
  });

  it.each([
    [
      'a negative stepsToTarget (reported: E_STATS_INPUT later, without the file)',
      (f: any) => (f.outcome.stepsToTarget = -5),
      /outcome\.stepsToTarget/,
    ],
    ['a fractional stepsToTarget', (f: any) => (f.outcome.stepsToTarget = 12.5), /outcome\.stepsToTarget/],
    ['a negative stepsRun', (f: any) => (f.outcome.stepsRun = -1), /outcome\.stepsRun/],
    [
      'steps run beyond the budget',
      (f: any) => (f.outcome.stepsRun = 101),
      /stepsRun 101 is beyond the budget of 100 steps/,
    ],
    [
      'steps to target beyond the steps run',
      (f: any) => ((f.outcome.stepsToTarget = 100), (f.outcome.stepsRun = 60)),
      /100 is beyond the 60 steps/,
    ],
    [
      'a reached trial without steps to target',
      (f: any) => (f.outcome.stepsToTarget = null),
      /a reached trial has no outcome\.stepsToTarget/,
    ],
    [
      'a censored trial with steps to target',
      (f: any) => (f.status = 'censored'),
      /a censored trial has outcome\.stepsToTarget 100/,
    ],
    ['an eval beyond the budget', (f: any) => (f.curve[1].step = 150), /eval at step 150 is beyond the budget/],
  ])('refuses an impossible outcome: %s, even with a fresh content hash', (_name, edit, pattern) => {
    expect(refused(readEdited(edit, { rehash: true }))).toMatch(pattern);
  });

  it('still reads version 1 files (written before the hash) and still checks their id and outcome', () => {
    const legacy = readEdited((f) => {
      f.schemaVersion = LEGACY_TRIAL_SCHEMA_VERSION;
      delete f.contentHash;
    }) as Map<string, unknown>;
    expect(legacy).toBeInstanceOf(Map);
    expect((legacy.get(validTrial().id) as { schemaVersion: number }).schemaVersion).toBe(1);
    const badId = readEdited((f) => {
      f.schemaVersion = 1;
      delete f.contentHash;
      f.config.repeat.index = 7;
    });
    expect(refused(badId)).toContain('is not the hash of its configuration');
    const impossible = readEdited((f) => {
      f.schemaVersion = 1;
      delete f.contentHash;
      f.outcome.stepsToTarget = -3;
    });
    expect(refused(impossible)).toMatch(/stepsToTarget/);
  });

  it('refuses a newer schema version with a coded error that says to upgrade', () => {
    const e = readEdited((f) => (f.schemaVersion = TRIAL_SCHEMA_VERSION + 1));
    expect(isReprobenchError(e) && e.code).toBe('E_SCHEMA_VERSION');
    expect((e as { hint: string }).hint).toContain('upgrade reprobench');
  });

  it('parses text directly with the name it was given', () => {
    const rec = validTrial(1);
    const read = () => parseTrialFile(`/x/trials/${rec.id}.json`, '{"schemaVersion": 2', 'runs/a/trials/x.json');
    expect(read).toThrow(/trial file runs\/a\/trials\/x\.json is corrupt: not valid JSON/);
  });
});
