import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT, tempDir } from '../helpers/cli.js';

const PROJECT = join(ROOT, 'examples', 'my-project');

describe('run --dry-run', () => {
  it('prints the plan, what is done, and an estimate, and runs nothing', () => {
    const out = tempDir();
    const r = cli(['run', 'adan', '--preset', 'standard', '--backend', 'wasm', '--dry-run', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('plan for claim adan (standard, 20 repeats per method and workload');
    expect(r.stdout).toContain(
      'tuning: 72 trials (AlgoPerf external tuning: 2 studies × 6 Halton points per method (the same points for arms with the same search space), ' +
        "each study's 2 fastest re-run on 3 tuning seeds in all, the study's winner by the median over them, median over studies), 0 already done",
    );
    // 3 arms × 2 workloads × 2 studies × 2 points × 2 more seeds, at most: which points depends on the first phase.
    expect(r.stdout).toContain('tuning re-check: up to 48 trials (which points depends on the first tuning phase)');
    expect(r.stdout).toContain(
      'evaluation: 120 trials, 0 already done (their configuration depends on the tuning result)',
    );
    // Nothing ran here yet: the hints' step time over how far the committed reference's trials ran (they stop at the target).
    expect(r.stdout).toMatch(
      /estimated time: \d+ (s|min) on \d+ workers? \(from step-time hints and the reference's steps run\)/,
    );
    expect(existsSync(join(out, 'trials'))).toBe(false);
  });

  it('`run all --dry-run` ends with the estimate for the whole catalogue', () => {
    const r = cli(['run', 'all', '--preset', 'standard', '--backend', 'wasm', '--dry-run', '--out', tempDir()]);
    expect(r.code, r.stderr).toBe(0);
    const claims = r.stdout.match(/^=== claim /gm)?.length ?? 0;
    expect(claims).toBeGreaterThanOrEqual(25);
    expect(r.stdout).toMatch(
      new RegExp(`\\nestimated time for all ${claims} claims: \\d+(\\.\\d)? (s|min|h) on \\d+ workers?\\n?$`),
    );
  });

  it('the quick preset plans no tuning where the committed standard reference already chose the points', () => {
    const r = cli(['run', 'adan', '--backend', 'wasm', '--dry-run', '--out', tempDir()]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('plan for claim adan (quick, 5 repeats per method and workload');
    expect(r.stdout).toContain(
      'tuning: none; the quick preset reuses the points the standard run chose (reference-results/adan/wasm-tfjs4.22.0-k4.json)',
    );
    expect(r.stdout).toContain('evaluation: 15 trials, 0 already done');
  });

  it('counts finished trials and lists only what is left', () => {
    const out = tempDir();
    expect(cli(['run', 'constant-vs-cosine', '--seeds', '2', '--out', out], { cwd: PROJECT }).code).toBe(0);
    const r = cli(['run', 'constant-vs-cosine', '--seeds', '3', '--dry-run', '--out', out], { cwd: PROJECT });
    expect(r.stdout).toContain(
      'tuning: 8 trials (grid over learningRate, 1 tuning seed per point, lowest median steps to target wins), 8 already done',
    );
    expect(r.stdout).toContain('evaluation: 12 trials, 8 already done');
    expect(r.stdout).toMatch(/estimated time: \d+ s on \d+ workers? \(from finished trials\)/);
    expect(r.stdout.match(/^ {4}todo /gm)).toHaveLength(4);
  });
});
