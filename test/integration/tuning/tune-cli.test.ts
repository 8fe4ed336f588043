import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../../helpers/cli.js';

describe('reprobench tune', () => {
  it('runs external tuning: studies × Halton trials, each study\'s fastest, the median over studies', () => {
    const r = cli(['tune', 'teacher-student', 'adan', '--studies', '2', '--trials', '3', '--out', tempDir(), '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.studiesResult).toHaveLength(2);
    for (const s of out.studiesResult) {
      expect(s.trials).toHaveLength(3);
      const reached = s.trials.filter((t: { steps: number | null }) => t.steps !== null);
      const winners = s.trials.filter((t: { winner: boolean }) => t.winner);
      if (reached.length) expect(winners[0].steps).toBe(Math.min(...reached.map((t: { steps: number }) => t.steps)));
    }
    const best = out.studiesResult.map((s: { trials: Array<{ steps: number | null }> }) => Math.min(...s.trials.map((t) => t.steps ?? Infinity)));
    const median = (best[0] + best[1]) / 2;
    expect(out.medianSteps).toBe(Number.isFinite(median) ? median : null);
  });

  it('runs self-tuning: the defaults with the budget multiplied', () => {
    const r = cli(['tune', 'teacher-student', 'nadamw', '--ruleset', 'self', '--studies', '3', '--budget-multiplier', '1.5', '--out', tempDir(), '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.budgetSteps).toBe(900);
    expect(out.studiesResult.map((s: { trials: unknown[] }) => s.trials.length)).toEqual([1, 1, 1]);
    expect(out.chosen).toEqual({});
  });

  it('refuses a method without a search space for external tuning', () => {
    const r = cli(['tune', 'teacher-student', 'no-such-method']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/E_UNKNOWN_ID: unknown method "no-such-method"/);
  });
});
