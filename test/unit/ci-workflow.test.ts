import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  if?: string;
  name?: string;
}

describe('GitHub Actions workflow for `reprobench check`', () => {
  const wf = parse(readFileSync(join(ROOT, '.github', 'workflows', 'reprobench-check.yml'), 'utf8'));
  const steps: Step[] = wf.jobs.check.steps;

  it('runs on pull requests', () => {
    expect(Object.keys(wf.on)).toContain('pull_request');
  });

  it('restores the npm and dataset caches before installing', () => {
    const node = steps.findIndex((s) => s.uses?.startsWith('actions/setup-node@'));
    expect(steps[node]!.with).toMatchObject({ cache: 'npm', 'node-version': 20 });
    const data = steps.findIndex((s) => s.uses?.startsWith('actions/cache@'));
    expect(steps[data]!.with!.path).toBe('${{ env.REPROBENCH_CACHE }}');
    expect(wf.jobs.check.env.REPROBENCH_CACHE).toBeDefined();
    const install = steps.findIndex((s) => s.run === 'npm ci');
    expect(install).toBeGreaterThan(Math.max(node, data));
  });

  it('checks every claim on the pinned wasm backend with CI reports, after installing', () => {
    const i = steps.findIndex((s) => s.run?.includes('reprobench check'));
    expect(i).toBeGreaterThan(steps.findIndex((s) => s.run === 'npm ci'));
    const run = steps[i]!.run!;
    expect(run).toMatch(/npx reprobench check all/);
    expect(run).toContain('--backend wasm');
    expect(run).toContain('--junit reprobench-check.xml');
    expect(run).toContain('--markdown reprobench-check.md');
  });

  it('publishes the reports even when the check fails', () => {
    const upload = steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'));
    expect(upload?.if).toBe('always()');
    const comment = steps.find((s) => s.uses?.includes('sticky-pull-request-comment'));
    expect(comment?.with?.path).toBe('reprobench-check.md');
  });
});
