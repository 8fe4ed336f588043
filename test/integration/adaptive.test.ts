import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT, tempDir } from '../helpers/cli.js';

const PROJECT = join(ROOT, 'examples', 'my-project');

describe('run --adaptive', () => {
  it('adds seeds in batches, stops when every comparison is decided or at the cap, and resumes by replaying looks', () => {
    const out = tempDir();
    const args = ['run', 'constant-vs-cosine', '--adaptive', '--seeds', '8', '--batch', '2', '--out', out];
    const r = cli(args, { cwd: PROJECT, timeoutMs: 170_000 });
    expect(r.code, r.stderr).toBe(0);
    const adaptive = JSON.parse(readFileSync(join(out, 'adaptive.json'), 'utf8'));
    expect(adaptive.plan.looks.map((l: { seedsPerArm: number }) => l.seedsPerArm)).toEqual([2, 4, 6, 8]);
    expect(adaptive.comparisons).toHaveLength(2);
    const n = adaptive.seedsPerArm;
    expect([2, 4, 6, 8]).toContain(n);
    for (const c of adaptive.comparisons) {
      const last = c.looks.at(-1);
      expect(last.stop || n === 8).toBe(true);
      expect(['claimed direction', 'opposite direction', 'equivalent', 'undecided']).toContain(last.decision);
      // Looks happen at every batch until this comparison stopped.
      expect(c.looks.map((d: { seedsPerArm: number }) => d.seedsPerArm)).toEqual([2, 4, 6, 8].slice(0, c.looks.length));
    }
    // Unless it stopped early, some comparison was still open at every earlier look.
    if (n < 8)
      expect(adaptive.comparisons.every((c: { looks: Array<{ stop: boolean }> }) => c.looks.at(-1)!.stop)).toBe(true);
    const evalTrials = readdirSync(join(out, 'trials')).length - 8; // minus the 8 tuning trials
    expect(evalTrials).toBe(2 * 2 * n);
    expect(r.stdout).toMatch(
      new RegExp(
        `adaptive seeding \\(group-sequential, obrien-fleming, one-sided α 0\\.025 per comparison\\): stopped at ${n} seeds per arm of at most 8`,
      ),
    );
    expect(r.stdout).toContain('claim verdict on the same seeds');

    const again = cli(args, { cwd: PROJECT, timeoutMs: 170_000 });
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/trials: 0 run now/);
    expect(JSON.parse(readFileSync(join(out, 'adaptive.json'), 'utf8')).comparisons).toEqual(adaptive.comparisons);
  }, 360_000);
});
