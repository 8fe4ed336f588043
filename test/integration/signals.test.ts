import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alive } from '../helpers/process.js';
import { cli, cliAsync, tempDir } from '../helpers/cli.js';
import { scratchProject } from '../helpers/project.js';

// Four trials of several seconds each (every step waits 10 ms), on two workers.
const PROJECT = scratchProject('slow-project');
const ARGS = ['run', 'slow', '--workers', '2'];

const trialFiles = (dir: string) =>
  existsSync(join(dir, 'trials'))
    ? readdirSync(join(dir, 'trials'))
        .filter((f) => f.endsWith('.json') && !f.startsWith('.tmp-'))
        .sort()
    : [];

/** The worker processes of `pid`: its children (Linux /proc). */
function childrenOf(pid: number): number[] {
  const out: number[] = [];
  const tasks = join('/proc', String(pid), 'task');
  if (!existsSync(tasks)) return out;
  for (const t of readdirSync(tasks)) {
    try {
      out.push(
        ...readFileSync(join(tasks, t, 'children'), 'utf8')
          .trim()
          .split(/\s+/)
          .filter(Boolean)
          .map(Number),
      );
    } catch {
      // The task ended meanwhile.
    }
  }
  return out;
}

const until = async (what: string, ok: () => boolean, ms = 90_000) => {
  const t0 = Date.now();
  while (!ok()) {
    if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

/** Starts the run, waits until both workers train (and `finished` trials are stored), then signals the main process alone. */
async function interrupt(out: string, signal: NodeJS.Signals, finished: number) {
  const child = cliAsync([...ARGS, '--out', out], { cwd: PROJECT });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  const count = (re: RegExp) => (stdout.match(re) ?? []).length;
  await until(
    'two trials in progress',
    () => count(/\] start /g) - count(/\] done /g) >= 2 && count(/\] done /g) >= finished,
  );
  const workers = childrenOf(child.pid!);
  expect(workers.length).toBeGreaterThanOrEqual(2);
  const before = new Map(trialFiles(out).map((f) => [f, readFileSync(join(out, 'trials', f), 'utf8')]));
  process.kill(child.pid!, signal);
  const code = await exited;
  await new Promise((r) => setTimeout(r, 5000));
  return { code, stdout, stderr, workers, before };
}

describe('a stop signal to the main process alone', () => {
  it('SIGTERM: kills the workers (none alive 5 s later), says what finished and how to resume, exits 143; the rerun resumes exactly', async () => {
    const out = tempDir();
    const r = await interrupt(out, 'SIGTERM', 1);
    expect(r.code).toBe(143);
    expect(r.workers.filter(alive)).toEqual([]);
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toMatch(
      /^interrupted by SIGTERM: [1-3] trials? finished in this run; .* holds [1-3] finished trials?, all kept$/,
    );
    const resume = lines.find((l) => l.startsWith('  reprobench '))!.trim();
    expect(resume).toBe(`reprobench ${[...ARGS, '--out', out].join(' ')}`);
    // Nothing but finished trials is on disk: the killed trials are not recorded as failures.
    const kept = trialFiles(out);
    expect(kept.length).toBeGreaterThanOrEqual(1);
    expect(kept.length).toBeLessThan(4);
    for (const f of kept)
      expect(JSON.parse(readFileSync(join(out, 'trials', f), 'utf8')).status).toMatch(/^(reached|censored|diverged)$/);

    // The printed command, run again: the stored trials are reused as they are, the rest run once.
    const again = cli(resume.split(' ').slice(1), { cwd: PROJECT, timeoutMs: 110_000 });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain(`evaluation: ${4 - kept.length} trials to run, ${kept.length} already done`);
    expect(again.stdout).toContain(`trials: ${4 - kept.length} run now, ${kept.length} reused`);
    expect(trialFiles(out)).toHaveLength(4);
    for (const [f, text] of r.before) expect(readFileSync(join(out, 'trials', f), 'utf8')).toBe(text);
  }, 180_000);

  it('SIGINT: the same, with exit code 130 (nothing finished yet)', async () => {
    const out = tempDir();
    const r = await interrupt(out, 'SIGINT', 0);
    expect(r.code).toBe(130);
    expect(r.workers.filter(alive)).toEqual([]);
    expect(r.stderr).toMatch(
      /^interrupted by SIGINT: 0 trials finished in this run; .* holds 0 finished trials, all kept$/m,
    );
    expect(r.stderr).toContain(`  reprobench ${[...ARGS, '--out', out].join(' ')}`);
    expect(
      trialFiles(out).every((f) => JSON.parse(readFileSync(join(out, 'trials', f), 'utf8')).status !== 'failed'),
    ).toBe(true);
  }, 120_000);

  it('SIGKILL (which no handler sees): the workers notice their parent is gone and stop within 5 s', async () => {
    const out = tempDir();
    const r = await interrupt(out, 'SIGKILL', 0);
    expect(r.code).toBeNull();
    expect(r.workers.filter(alive)).toEqual([]);
  }, 120_000);
});
