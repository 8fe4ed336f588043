import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT, tempDir } from '../helpers/cli.js';

const PROJECT = join(ROOT, 'test', 'fixtures', 'predictor-project');

interface Summary {
  workloads: Array<{
    workload: string;
    predictor?: {
      method: string;
      baseline: string;
      repeats: number[];
      methodErrors: number[];
      baselineErrors: number[];
      perCurve: Array<{ arm: string }>;
      earlyStopping?: Array<{ repeat: number; speedup: number; regret: number }>;
    };
  }>;
  judgement: { comparisons: Array<{ effectName: string; n: { method: number; baseline: number }; paired: boolean }> };
}

/**
 * Runs a predictor claim of the fixture project on 2 seeds; both claims share the same 8 trials
 * through one run directory, which the second claim takes over deliberately with --force.
 */
function run(claim: string, out: string, force = false): Summary {
  const r = cli(['run', claim, '--seeds', '2', '--out', out, '--workers', '2', ...(force ? ['--force'] : [])], {
    cwd: PROJECT,
    timeoutMs: 240_000,
  });
  expect(r.code, r.stderr + r.stdout).toBe(0);
  expect(r.stdout).toMatch(/error ratio/);
  return JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as Summary;
}

describe('predictor claims end to end', () => {
  it("train the arms, compute both predictors' errors per seed and hand them to the statistics engine", () => {
    const out = tempDir();
    for (const [claim, heldOut] of [
      ['law-transfer', ['linear-decay', 'wsd']],
      ['final-extrapolation', ['adamw', 'cosine-decay', 'linear-decay', 'wsd']],
    ] as const) {
      const s = run(claim, out, claim === 'final-extrapolation');
      const p = s.workloads[0]!.predictor!;
      expect(p.repeats).toEqual([0, 1]);
      for (const e of [...p.methodErrors, ...p.baselineErrors]) expect(Number.isFinite(e) && e >= 0).toBe(true);
      expect(new Set(p.perCurve.map((c) => c.arm))).toEqual(new Set(heldOut));
      const c = s.judgement.comparisons[0]!;
      expect([c.effectName, c.paired, c.n]).toEqual(['error ratio', true, { method: 2, baseline: 2 }]);
      expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain(p.method);
      // Extrapolation claims also report predictive early stopping per seed (a secondary number).
      if (claim === 'final-extrapolation')
        for (const e of p.earlyStopping!) expect(e.speedup).toBeGreaterThanOrEqual(1);
      else expect(p.earlyStopping).toBeUndefined();
    }
  }, 300_000);
});
