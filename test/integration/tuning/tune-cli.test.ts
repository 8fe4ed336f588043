import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../../helpers/cli.js';

describe('reprobench tune', () => {
  it("runs external tuning: studies × Halton trials, each study's fastest, the median over studies", () => {
    const r = cli([
      'tune',
      'teacher-student',
      'adan',
      '--studies',
      '2',
      '--trials',
      '3',
      '--recheck-top',
      '0',
      '--out',
      tempDir(),
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.studiesResult).toHaveLength(2);
    for (const s of out.studiesResult) {
      expect(s.trials).toHaveLength(3);
      const reached = s.trials.filter((t: { steps: number | null }) => t.steps !== null);
      const winners = s.trials.filter((t: { winner: boolean }) => t.winner);
      if (reached.length) expect(winners[0].steps).toBe(Math.min(...reached.map((t: { steps: number }) => t.steps)));
    }
    const best = out.studiesResult.map((s: { trials: Array<{ steps: number | null }> }) =>
      Math.min(...s.trials.map((t) => t.steps ?? Infinity)),
    );
    const median = (best[0] + best[1]) / 2;
    expect(out.medianSteps).toBe(Number.isFinite(median) ? median : null);
  });

  it("re-checks each study's best points on more seeds and keeps the best median", () => {
    const r = cli([
      'tune',
      'teacher-student',
      'adan',
      '--studies',
      '2',
      '--trials',
      '3',
      '--recheck-top',
      '1',
      '--recheck-seeds',
      '3',
      '--out',
      tempDir(),
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.recheck).toEqual({ top: 1, seeds: 3 });
    type T = { steps: number | null; recheckSteps: Array<number | null>; winner: boolean };
    const med = (xs: Array<number | null>) => {
      const s = xs.map((x) => x ?? Infinity).sort((a, b) => a - b);
      return s[1]!;
    };
    const studyValues = out.studiesResult.map((s: { trials: T[] }) => {
      const rechecked = s.trials.filter((t) => t.recheckSteps.length > 0);
      // The fastest first-seed trial (when one reached the target) is the one re-run, on 2 more seeds.
      const reached = s.trials.filter((t) => t.steps !== null);
      expect(rechecked).toHaveLength(reached.length ? 1 : 0);
      if (!rechecked.length) return Infinity;
      expect(rechecked[0]!.steps).toBe(Math.min(...reached.map((t) => t.steps!)));
      expect(rechecked[0]!.recheckSteps).toHaveLength(2);
      const v = med([rechecked[0]!.steps, ...rechecked[0]!.recheckSteps]);
      expect(rechecked[0]!.winner).toBe(Number.isFinite(v));
      return v;
    });
    const median = (studyValues[0] + studyValues[1]) / 2;
    expect(out.medianSteps).toBe(Number.isFinite(median) ? median : null);
  });

  it('runs self-tuning: the defaults with the budget multiplied', () => {
    const r = cli([
      'tune',
      'teacher-student',
      'nadamw',
      '--ruleset',
      'self',
      '--studies',
      '3',
      '--budget-multiplier',
      '1.5',
      '--out',
      tempDir(),
      '--json',
    ]);
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
