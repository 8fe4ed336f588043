import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, cliAsync, ROOT, tempDir } from '../helpers/cli.js';

const PROJECT = join(ROOT, 'examples', 'my-project');
const ARGS = ['run', 'constant-vs-cosine', '--seeds', '4', '--workers', '1'];

const files = (dir: string) =>
  existsSync(join(dir, 'trials'))
    ? readdirSync(join(dir, 'trials')).filter((f) => f.endsWith('.json') && !f.startsWith('.tmp-'))
    : [];

describe('a run killed with SIGKILL and started again', () => {
  it('completes with every trial exactly once, and keeps what finished before the kill', async () => {
    const out = tempDir();
    // The reference: the same plan, run without interruption.
    const ref = tempDir();
    expect(cli([...ARGS, '--out', ref], { cwd: PROJECT }).code).toBe(0);
    const planned = files(ref).sort();
    expect(planned.length).toBe(2 * 2 * 4 + 2 * 2 * 2 * 1); // eval: 2 workloads × 2 methods × 4 seeds; tuning: 2 × 2 × 2 points × 1 seed

    const child = cliAsync([...ARGS, '--out', out], { cwd: PROJECT });
    await new Promise<void>((resolve, reject) => {
      const poll = setInterval(() => {
        if (files(out).length >= 5) {
          clearInterval(poll);
          child.kill('SIGKILL');
          resolve();
        }
      }, 20);
      child.on('exit', () => {
        clearInterval(poll);
        reject(new Error('the run finished before it could be killed'));
      });
    });
    await new Promise((r) => child.on('exit', r));
    // Let an orphaned worker finish the trial it was on (it exits once its parent is gone).
    await new Promise((r) => setTimeout(r, 3000));
    const survived = new Map(files(out).map((f) => [f, readFileSync(join(out, 'trials', f), 'utf8')]));
    expect(survived.size).toBeGreaterThanOrEqual(5);
    expect(survived.size).toBeLessThan(planned.length);

    const again = cli([...ARGS, '--out', out], { cwd: PROJECT });
    expect(again.code, again.stderr).toBe(0);
    const after = files(out).sort();
    expect(after).toEqual(planned);
    for (const [f, text] of survived) expect(readFileSync(join(out, 'trials', f), 'utf8')).toBe(text);
    // Same trials, same results as the uninterrupted run (curves are deterministic on wasm).
    for (const f of after) {
      const a = JSON.parse(readFileSync(join(out, 'trials', f), 'utf8'));
      const b = JSON.parse(readFileSync(join(ref, 'trials', f), 'utf8'));
      expect(a.curve.map((p: { metrics: unknown }) => p.metrics)).toEqual(
        b.curve.map((p: { metrics: unknown }) => p.metrics),
      );
    }
  }, 180_000);
});
