import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { benchmarkClaims } from '../../benchmarks/claims/index.js';
import { cli, tempDir } from '../helpers/cli.js';

describe('run all', () => {
  it('plans every claim in its own run directory (dry run: nothing runs, no catalogue yet)', () => {
    const out = tempDir();
    // The standard preset tunes every claim; quick runs reuse the tuning their committed references chose.
    const r = cli(['run', 'all', '--preset', 'standard', '--backend', 'wasm', '--dry-run', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const n = benchmarkClaims.length;
    expect(r.stdout.match(/^=== claim /gm)).toHaveLength(n);
    benchmarkClaims.forEach((c) => {
      expect(r.stdout).toMatch(new RegExp(`=== claim ${c.id} \\(\\d+/${n}\\) ===`));
      expect(r.stdout).toContain(`plan for claim ${c.id} (standard`);
    });
    expect(r.stdout).toContain(
      "each study's 2 best by final target metric (fixed budget) re-run on 3 tuning seeds in all",
    );
    expect(r.stdout).toMatch(/tuning re-check: up to \d+ trials/);
    expect(existsSync(join(out, 'catalogue.html'))).toBe(false);
  });

  it('the quick preset plans no tuning for a claim whose committed standard reference chose the points', () => {
    const r = cli(['run', 'all', '--backend', 'wasm', '--dry-run', '--out', tempDir()]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('plan for claim adan (quick');
    expect(r.stdout).toContain(
      'tuning: none; the quick preset reuses the points the standard run chose (reference-results/adan/wasm-tfjs4.22.0-k4.json)',
    );
  });

  it('refuses --adaptive, which decides per claim', () => {
    const r = cli(['run', 'all', '--adaptive', '--dry-run', '--out', tempDir()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('E_BAD_OPTION');
  });
});
