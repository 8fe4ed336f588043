import { readdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TrialRecord } from '../../../harness/core/trial.js';
import { readTrials } from '../../../harness/store/trial-store.js';
import { cli, ROOT, TEST_CACHE, tempDir } from '../../helpers/cli.js';
import { scratchProject } from '../../helpers/project.js';
import { alive } from '../../helpers/process.js';
import { requireSystem } from '../../helpers/system-deps.js';

const PROJECT = scratchProject('external-project');

function trialFiles(dir: string): Array<{ text: string; record: TrialRecord }> {
  const d = join(dir, 'trials');
  return readdirSync(d)
    .filter((f) => f.endsWith('.json'))
    .map((f) => {
      const text = readFileSync(join(d, f), 'utf8');
      return { text, record: JSON.parse(text) as TrialRecord };
    });
}

/** `todo <id> <label>` lines of a dry run, as label → id. */
function planned(stdout: string): Map<string, string> {
  return new Map([...stdout.matchAll(/todo ([0-9a-f]{16}) (.+)$/gm)].map((m) => [m[2]!, m[1]!]));
}

describe('external trainers in a claim run (reprobench run)', () => {
  it('lists external methods with their command, next to the built-ins', () => {
    const r = cli(['list', 'methods', '--json'], { cwd: PROJECT });
    expect(r.code, r.stderr).toBe(0);
    const methods = JSON.parse(r.stdout) as Array<{ id: string; kind: string; command?: string[] }>;
    expect(methods.find((m) => m.id === 'stub-python')).toMatchObject({
      kind: 'command',
      command: ['python3', 'trainers/stub_trainer.py', 'good'],
    });
    expect(methods.find((m) => m.id === 'nadamw')).toMatchObject({ kind: 'tfjs' });
    expect(cli(['list', 'methods'], { cwd: PROJECT }).stdout).toMatch(
      /^stub-node +v1 +stub-node +\(external: node trainers\/stub-trainer\.mjs good\)$/m,
    );
  });

  it('runs built-in and external methods side by side; every misbehaving trainer becomes a stored failed/timeout trial', () => {
    requireSystem('python3');
    const out = tempDir();
    const pids = tempDir();
    const r = cli(['run', 'external-mixed', '--out', out, '--workers', '2', '--trial-timeout', '8'], {
      cwd: PROJECT,
      env: { STUB_PID_DIR: pids },
      timeoutMs: 110_000,
    });
    // Arms whose every trial failed leave no outcome to judge: the run ends with a coded error after its report.
    expect(r.code, r.stderr + r.stdout).toBe(2);
    expect(r.stderr).toMatch(
      /^error E_NO_USABLE_TRIAL: stub-malformed on teacher-student has no usable trial: .* protocol error at stdout line 1/m,
    );
    expect(readdirSync(out)).toContain('report.html');
    const all = trialFiles(out);
    expect(all).toHaveLength(14);
    // Stored trials validate against the schema (the report step read them too).
    expect(readTrials(out).size).toBe(14);
    const by = (m: string) => all.filter((t) => t.record.config.method.id === m).map((t) => t.record);

    for (const t of [...by('stub-node'), ...by('stub-python')]) {
      expect(t.status, t.outcome.reason).toBe('reached');
      expect(t.outcome.stepsToTarget).toBeGreaterThanOrEqual(60);
      expect(t.config.method.command?.argv[1]).toMatch(/^trainers\/stub[-_]trainer\.(mjs|py)$/);
      expect(t.provenance.external?.scriptHash).toMatch(/^[0-9a-f]{64}$/);
      expect(t.log?.stderr).toMatch(/stub trainer good running from \.\/trainers\/stub[-_]trainer/);
    }
    expect(by('stub-node')[0]!.provenance.external).toMatchObject({
      protocol: 2,
      command: ['node', 'trainers/stub-trainer.mjs', 'good'],
      interpreter: { command: 'node', version: process.version },
    });
    expect(by('stub-python')[0]!.provenance.external?.interpreter.version).toMatch(/^Python 3\./);
    expect(by('stub-python')[0]!.provenance.external?.framework).toMatch(/^stub-python 3\./);
    // Paired with the built-in method: the same seeds per repeat.
    expect(
      by('stub-node')
        .map((t) => t.seeds.init)
        .sort(),
    ).toEqual(
      by('nadamw')
        .map((t) => t.seeds.init)
        .sort(),
    );

    for (const t of by('stub-malformed'))
      expect([t.status, t.outcome.reason]).toEqual([
        'failed',
        'protocol error at stdout line 1: not a JSON object (Unexpected token \'h\', "this is not JSON" is not valid JSON)',
      ]);
    for (const t of by('stub-crash')) {
      expect(t.status).toBe('failed');
      expect(t.error?.detail).toContain('RuntimeError: boom');
    }
    for (const t of by('stub-silent'))
      expect([t.status, t.outcome.reason]).toEqual([
        'timeout',
        'no output from the trainer for 1 s (watchdog; last step 0)',
      ]);
    for (const t of by('stub-slow')) {
      expect(t.status).toBe('timeout');
      expect(t.outcome.reason).toMatch(/^stopped after the trial timeout of 8 s at step \d+$/);
      expect(t.curve.length).toBeGreaterThan(0);
    }
    for (const t of by('nadamw')) expect(['reached', 'censored']).toContain(t.status);

    // No absolute path in any stored trial: checkout, home, data export (DESIGN § Provenance).
    for (const { text } of all) {
      expect(text).not.toContain(ROOT);
      expect(text).not.toContain(homedir());
      expect(text).not.toContain(TEST_CACHE);
    }
    // Judged where there are outcomes; the broken trainers are listed, not dropped.
    expect(r.stdout).toMatch(
      /stub-node vs nadamw on teacher-student: claimed .+ · measured .+ → (REPRODUCED|SMALLER THAN CLAIMED|NO MEANINGFUL EFFECT|CONTRADICTED|INCONCLUSIVE)\n/,
    );
    expect(r.stdout).toMatch(
      /stub-malformed vs nadamw on teacher-student: NOT JUDGED \(stub-malformed has 0 usable outcomes \(2 failed or timed out\)\)/,
    );
    expect(r.stdout).toMatch(/stub-slow +— +0\/0 .*\(2 failed\/timeout: #0 timeout, #1 timeout\)/);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toMatch(
      /External trainers[^]*<strong>stub-python<\/strong>: <code>python3 trainers\/stub_trainer\.py good<\/code>/,
    );
    // No trainer outlives its trial, however it ended (the Node stubs record their pids: 5 methods × 2 seeds).
    const started = readdirSync(pids);
    expect(started.length).toBe(10);
    for (const f of started) expect(alive(Number(readFileSync(join(pids, f), 'utf8'))), f).toBe(false);
  }, 120_000);

  it('never reuses a trial whose script changed: new ids, and a trial planned before the edit fails instead of running the new script', () => {
    const before = planned(cli(['run', 'external-edit', '--dry-run'], { cwd: PROJECT }).stdout);
    const out = tempDir();
    // The first trial edits the script while the run goes on (one worker: it runs first).
    const r = cli(['run', 'external-edit', '--out', out, '--workers', '1'], {
      cwd: PROJECT,
      env: { STUB_EDIT_SELF: '1' },
    });
    expect(r.code, r.stderr + r.stdout).toBe(0);
    const records = trialFiles(out)
      .map((t) => t.record)
      .filter((t) => t.config.method.id === 'stub-self-edit');
    const first = records.find((t) => t.config.repeat.index === 0)!;
    const second = records.find((t) => t.config.repeat.index === 1)!;
    expect(first.status).toBe('reached');
    expect(second.status).toBe('failed');
    expect(second.outcome.reason).toBe(
      'method stub-self-edit: changed since the trial was planned: trainers/stub-trainer.mjs; run the same command again to plan fresh trials',
    );

    const after = planned(cli(['run', 'external-edit', '--out', out, '--dry-run'], { cwd: PROJECT }).stdout);
    const label = (i: number, m = 'stub-self-edit') => `${m} · teacher-student · eval#${i}`;
    expect(after.get(label(0))).toBeDefined();
    expect(after.get(label(0))).not.toBe(before.get(label(0)));
    expect(after.get(label(1))).not.toBe(before.get(label(1)));
    // The built-in baseline's trials are untouched by the edit: done, so not planned again.
    expect(after.has(label(0, 'nadamw'))).toBe(false);
    expect(before.get(label(0, 'nadamw'))).toBeDefined();
  }, 120_000);
});
