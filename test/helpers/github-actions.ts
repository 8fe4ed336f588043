import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, TEST_CACHE } from './cli.js';

/** The parts of a GitHub Actions workflow the emulator reads. */
export interface Workflow {
  env?: Record<string, string | number>;
  jobs: Record<
    string,
    {
      needs?: string | string[];
      strategy?: { matrix?: Record<string, unknown[]> };
      env?: Record<string, string>;
      steps: Step[];
    }
  >;
}
export interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, string | number | boolean>;
}

export interface EmulatorOptions {
  inputs: Record<string, string>;
  /** Makes a fresh job workspace: what `actions/checkout` would leave. */
  checkout: () => string;
  /** Where artifacts are kept between jobs. */
  artifacts: string;
  log?: (line: string) => void;
}

/**
 * Runs a workflow's jobs on this machine, in `needs` order, each matrix entry in a fresh
 * workspace: `run:` steps in bash (`npx reprobench` is this checkout's built CLI), upload- and
 * download-artifact emulated with folders. Setup steps (checkout, setup-node, cache, `npm ci`)
 * are no-ops here. Anything else fails, so a workflow the emulator cannot follow fails the test.
 * Returns the workspaces of each job.
 */
export function runWorkflow(wf: Workflow, o: EmulatorOptions): Record<string, string[]> {
  const done: Record<string, string[]> = {};
  const pending = Object.keys(wf.jobs);
  while (pending.length) {
    const i = pending.findIndex((name) => [wf.jobs[name]!.needs ?? []].flat().every((n) => n in done));
    if (i < 0) throw new Error(`workflow jobs with unmet needs: ${pending.join(', ')}`);
    const [name] = pending.splice(i, 1) as [string];
    const job = wf.jobs[name]!;
    const matrix = job.strategy?.matrix ?? {};
    const keys = Object.keys(matrix);
    if (keys.length > 1) throw new Error('the emulator handles one matrix dimension');
    const values = keys.length ? matrix[keys[0]!]! : [undefined];
    done[name] = values.map((v) => runJob(wf, name, keys.length ? { [keys[0]!]: v } : {}, o));
  }
  return done;
}

function expr(
  text: string,
  ctx: {
    matrix: Record<string, unknown>;
    env: Record<string, string>;
    inputs: Record<string, string>;
    workspace: string;
  },
): string {
  return text.replace(/\$\{\{\s*(.+?)\s*\}\}/g, (_, e: string) => {
    const [scope, key] = e.split('.') as [string, string | undefined];
    if (e.startsWith('hashFiles(')) return 'hash';
    if (scope === 'matrix' && key && key in ctx.matrix) return String(ctx.matrix[key]);
    if (scope === 'env' && key && key in ctx.env) return ctx.env[key]!;
    if (scope === 'inputs' && key && key in ctx.inputs) return ctx.inputs[key]!;
    if (e === 'github.workspace') return ctx.workspace;
    throw new Error(`the emulator cannot evaluate \${{ ${e} }}`);
  });
}

const visible = (src: string) => !src.split('/').pop()!.startsWith('.');

function runJob(wf: Workflow, name: string, matrix: Record<string, unknown>, o: EmulatorOptions): string {
  const workspace = o.checkout();
  const ctx = { matrix, env: {} as Record<string, string>, inputs: o.inputs, workspace };
  for (const [k, v] of Object.entries({ ...wf.env, ...wf.jobs[name]!.env })) ctx.env[k] = expr(String(v), ctx);
  for (const step of wf.jobs[name]!.steps) {
    const w = Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, expr(String(v), ctx)]));
    const action = step.uses?.split('@')[0];
    if (action && ['actions/checkout', 'actions/setup-node', 'actions/cache'].includes(action)) continue;
    if (step.run?.trim() === 'npm ci') continue;
    if (step.run) {
      const script = expr(step.run, ctx).replace(/\bnpx reprobench\b/g, `node ${CLI}`);
      o.log?.(`[${name} ${JSON.stringify(matrix)}] ${script}`);
      const r = spawnSync('bash', ['-e', '-c', script], {
        cwd: workspace,
        env: { ...process.env, REPROBENCH_CACHE: TEST_CACHE, ...ctx.env },
        encoding: 'utf8',
        timeout: 300_000,
      });
      if (r.status !== 0)
        throw new Error(
          `step "${step.name ?? step.run}" of job ${name} ${JSON.stringify(matrix)} exited ${r.status}:\n${r.stdout}\n${r.stderr}`,
        );
      continue;
    }
    if (action === 'actions/upload-artifact') {
      const dest = join(o.artifacts, w.name!);
      if (existsSync(dest)) throw new Error(`artifact ${w.name} uploaded twice`);
      // upload-artifact v4 leaves hidden files out unless include-hidden-files is set.
      cpSync(join(workspace, w.path!), dest, { recursive: true, filter: visible });
      continue;
    }
    if (action === 'actions/download-artifact') {
      const pattern = new RegExp(`^${w.pattern!.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
      const names = readdirSync(o.artifacts).filter((n) => pattern.test(n));
      if (names.length === 0) throw new Error(`no artifact matches ${w.pattern}`);
      for (const n of names) {
        const dest = w['merge-multiple'] === 'true' ? join(workspace, w.path!) : join(workspace, w.path!, n);
        mkdirSync(dest, { recursive: true });
        cpSync(join(o.artifacts, n), dest, { recursive: true });
      }
      continue;
    }
    throw new Error(`the emulator does not know step ${JSON.stringify(step)}`);
  }
  return workspace;
}

/** A fresh folder under `base`. */
export const freshDir = (base: string, prefix: string): string => {
  mkdirSync(base, { recursive: true });
  return mkdtempSync(join(base, prefix));
};
