import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TrialRecord } from '../../harness/core/trial.js';
import { cli, ROOT, tempDir } from '../helpers/cli.js';

const PROJECT = join(ROOT, 'test', 'fixtures', 'faulty-project');

function trials(dir: string): TrialRecord[] {
  return readdirSync(join(dir, 'trials')).map((f) => JSON.parse(readFileSync(join(dir, 'trials', f), 'utf8')) as TrialRecord);
}

describe('scheduler: crashing, throwing and hung trials', () => {
  it('records failed and timeout trials and finishes the run', () => {
    const out = tempDir();
    const r = cli(['run', 'faulty', '--out', out, '--workers', '2', '--trial-timeout', '4'], { cwd: PROJECT, timeoutMs: 110_000 });
    expect(r.code, r.stderr).toBe(0);
    const all = trials(out);
    expect(all).toHaveLength(8);
    const by = (m: string) => all.filter((t) => t.config.method.id === m);
    for (const t of by('crashes')) {
      expect(t.status).toBe('failed');
      expect(t.outcome.reason).toMatch(/worker exited during the trial \(code 3/);
    }
    for (const t of by('hangs')) {
      expect(t.status).toBe('timeout');
      expect(t.outcome.reason).toMatch(/trial timeout of 4 s/);
    }
    for (const t of by('throws')) {
      expect(t.status).toBe('failed');
      expect(t.error?.message).toContain('deliberate failure at step 3');
      // The stack is kept for diagnosis, without absolute paths (DESIGN § Provenance).
      expect(t.error?.detail).toMatch(/reprobench\.config\.mjs/);
      expect(t.error?.detail).not.toContain(ROOT);
    }
    for (const t of by('nadamw')) expect(['reached', 'censored']).toContain(t.status);
    // The summary lists the missing trials instead of dropping them silently.
    expect(r.stdout).toMatch(/2 failed\/timeout: #0 timeout, #1 timeout/);
  }, 120_000);

  it('retries failed trials on the next run and reuses finished ones', () => {
    const out = tempDir();
    cli(['run', 'faulty', '--out', out, '--workers', '2', '--trial-timeout', '4'], { cwd: PROJECT, timeoutMs: 110_000 });
    const before = new Map(trials(out).map((t) => [t.id, t]));
    const again = cli(['run', 'faulty', '--out', out, '--workers', '2', '--trial-timeout', '4'], { cwd: PROJECT, timeoutMs: 110_000 });
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/evaluation: 6 trials to run, 2 already done/);
    for (const t of trials(out)) {
      if (t.config.method.id === 'nadamw') expect(t).toEqual(before.get(t.id));
      else expect(t.startedAt).not.toBe(before.get(t.id)!.startedAt);
    }
  }, 240_000);
});
