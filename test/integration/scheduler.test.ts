import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TrialRecord } from '../../harness/core/trial.js';
import { cli, ROOT, tempDir } from '../helpers/cli.js';

const PROJECT = join(ROOT, 'test', 'fixtures', 'faulty-project');

function trials(dir: string): TrialRecord[] {
  return readdirSync(join(dir, 'trials')).map(
    (f) => JSON.parse(readFileSync(join(dir, 'trials', f), 'utf8')) as TrialRecord,
  );
}

describe('scheduler: crashing, throwing and hung trials', () => {
  it('records failed and timeout trials, finishes the run, and exits non-zero because arms have no usable trial', () => {
    const out = tempDir();
    const r = cli(['run', 'faulty', '--out', out, '--workers', '2', '--trial-timeout', '4'], {
      cwd: PROJECT,
      timeoutMs: 110_000,
    });
    // Summary and report are written first (nothing lost), then the run fails with the first failure's reason.
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(
      /^error E_NO_USABLE_TRIAL: crashes on teacher-student has no usable trial: all 2 trials have no result/m,
    );
    expect(r.stderr).toMatch(
      /\(failed or timed out\); the first, [0-9a-f]{16}, failed: worker exited during the trial \(code 3/,
    );
    expect(r.stderr).toContain('hint: the summary and report above list these trials as missing');
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(join(out, 'report.html'))).toBe(true);
    expect(existsSync(join(out, 'summary.json'))).toBe(true);
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
    cli(['run', 'faulty', '--out', out, '--workers', '2', '--trial-timeout', '4'], {
      cwd: PROJECT,
      timeoutMs: 110_000,
    });
    const before = new Map(trials(out).map((t) => [t.id, t]));
    const again = cli(['run', 'faulty', '--out', out, '--workers', '2', '--trial-timeout', '4'], {
      cwd: PROJECT,
      timeoutMs: 110_000,
    });
    expect(again.code).toBe(2);
    expect(again.stdout).toMatch(/evaluation: 6 trials to run, 2 already done/);
    for (const t of trials(out)) {
      if (t.config.method.id === 'nadamw') expect(t).toEqual(before.get(t.id));
      else expect(t.startedAt).not.toBe(before.get(t.id)!.startedAt);
    }
  }, 240_000);

  it('stops after tuning when every tuning trial of an arm failed: no point is chosen from them, no evaluation runs', () => {
    const out = tempDir();
    const r = cli(['run', 'faulty-tuned', '--out', out, '--workers', '2'], { cwd: PROJECT, timeoutMs: 110_000 });
    expect(r.code, r.stdout).toBe(2);
    expect(r.stderr).toMatch(
      /^error E_NO_USABLE_TRIAL: tuning of throws on teacher-student: all 2 trials have no result .*/m,
    );
    expect(r.stderr).toContain('failed: deliberate failure at step 3');
    const stored = trials(out);
    expect(stored).toHaveLength(4);
    expect(stored.every((t) => t.config.repeat.purpose === 'tune')).toBe(true);
    expect(r.stdout).not.toContain('evaluation:');
  }, 120_000);
});
