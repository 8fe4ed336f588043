import { spawnSync } from 'node:child_process';
import { CLAIM_LABELS } from '../../../harness/stats/index.js';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ClaimSummary } from '../../../harness/analysis/summary.js';
import type { TrialRecord } from '../../../harness/core/trial.js';
import { cli, ROOT, tempDir } from '../../helpers/cli.js';
import { expectTrajectory, fixtures } from '../../helpers/optimizer-steps.js';
import { missingDependency, requireSystem } from '../../helpers/system-deps.js';

/**
 * The framework-parity claim end to end: the built-in tfjs trial and the PyTorch example trainer
 * (examples/pytorch) through the trainer protocol. Needs Debian's python3-torch at /usr/bin/python3,
 * which `npm run test:all` installs; without it this test fails and says so (it is not skipped).
 */
const PYTHON = '/usr/bin/python3';

function requireTorch(): void {
  requireSystem('torch');
  // The probe only finds the modules; importing them is what the test needs.
  const r = spawnSync(PYTHON, ['-c', 'import torch, numpy; print(torch.__version__)'], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (r.status !== 0)
    throw missingDependency('torch', (r.error?.message ?? r.stderr.trim().split('\n').at(-1)) || `status ${r.status}`);
}

describe('framework parity: PyTorch external trainer vs built-in tfjs', () => {
  it("the PyTorch trainer's AdamW and NAdamW steps match the torch.optim / AlgoPerf reference trajectories", () => {
    requireTorch();
    const r = spawnSync(
      PYTHON,
      [
        join(ROOT, 'test', 'fixtures', 'python', 'torch_optimizer_check.py'),
        join(ROOT, 'examples', 'pytorch'),
        join(ROOT, 'test', 'fixtures', 'optimizers.json'),
      ],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(r.status, r.stderr).toBe(0);
    const got = JSON.parse(r.stdout) as Record<'adamw' | 'nadamw', number[][]>;
    expectTrajectory(got.adamw, fixtures.adamw!.thetas);
    expectTrajectory(got.nadamw, fixtures.nadamw!.thetas);
  });

  it('runs the framework-parity claim on the quick preset and reaches a TOST verdict, in the summary and the report', () => {
    requireTorch();
    const out = tempDir();
    const r = cli(
      ['run', 'framework-parity', '--preset', 'quick', '--out', out, '--workers', '2', '--backend', 'wasm'],
      { timeoutMs: 600_000 },
    );
    expect(r.code, r.stderr + r.stdout).toBe(0);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as ClaimSummary;
    const j = summary.judgement;
    expect(CLAIM_LABELS).toContain(j.overall);
    expect(j.basis).toMatch(/equivalence claim: TOST within ±10% of the baseline mean/);
    expect(j.unjudged).toEqual([]);
    const c = j.comparisons[0]!;
    expect([c.methodId, c.baselineId, c.testType]).toEqual(['nadamw-pytorch', 'nadamw', 'time-to-target']);
    expect(c.test.name).toMatch(/^TOST, paired t/);
    expect(c.n).toEqual({ method: 4, baseline: 4 });
    expect(r.stdout).toMatch(
      new RegExp(
        `verdict: (${CLAIM_LABELS.map((l) => l.toUpperCase()).join('|')}) at miniature scale: fashion-mnist-mlp, validation/accuracy ≥ \\S+ within \\d+ steps · faithful`,
      ),
    );
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain(`badge v-${j.overall.replace(/ /g, '-')}`);
    expect(html).toContain('TOST');
    expect(html).toMatch(
      /External trainers[^]*<strong>nadamw-pytorch<\/strong>: <code>\/usr\/bin\/python3 examples\/pytorch\/fashion_mnist_mlp\.py<\/code>[^]*torch 1\./,
    );

    const trials = readdirSync(join(out, 'trials')).map(
      (f) => JSON.parse(readFileSync(join(out, 'trials', f), 'utf8')) as TrialRecord,
    );
    const torch = trials
      .filter((t) => t.config.method.id === 'nadamw-pytorch')
      .sort((a, b) => a.config.repeat.index - b.config.repeat.index);
    const tfjs = trials
      .filter((t) => t.config.method.id === 'nadamw')
      .sort((a, b) => a.config.repeat.index - b.config.repeat.index);
    expect(torch).toHaveLength(4);
    for (const [i, t] of torch.entries()) {
      expect(['reached', 'censored'], t.outcome.reason).toContain(t.status);
      // Both arms know their steps to target to the fine cadence.
      if (t.status === 'reached') expect(t.outcome.resolutionSteps).toBe(5);
      if (tfjs[i]!.status === 'reached') expect(tfjs[i]!.outcome.resolutionSteps).toBe(5);
      expect(t.provenance.external?.framework).toMatch(/^torch 1\.\S+; OpenBLAS Haswell; ATen AVX2$/);
      expect(t.provenance.external?.interpreter.version).toMatch(/^Python 3\./);
      // Paired: the same split, initial weights and batch order (only the method's own stream differs).
      expect({ ...t.seeds, method: null }).toEqual({ ...tfjs[i]!.seeds, method: null });
      // Same data, initial weights, batches and update: the first regular eval agrees to a few examples out of 10,000.
      // (PyTorch evaluates every 5 steps throughout: the fine cadence, which tfjs gets by replay near the target.)
      expect(t.curve.slice(0, 5).map((p) => p.step)).toEqual([5, 10, 15, 20, 25]);
      const a = t.curve.find((p) => p.step === 25)!.metrics['validation/accuracy']!;
      const b = tfjs[i]!.curve.find((p) => p.step === 25)!.metrics['validation/accuracy']!;
      expect(Math.abs(a - b), `repeat ${i} at step 25`).toBeLessThanOrEqual(0.002);
    }
  }, 600_000);
});
