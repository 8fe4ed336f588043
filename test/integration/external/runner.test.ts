import { readFileSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CommandMethodDefinition } from '../../../harness/core/method.js';
import type { TrialConfig } from '../../../harness/core/trial.js';
import { trainerInput, PROTOCOL_VERSION } from '../../../harness/runner/external/protocol.js';
import { commandEnv } from '../../../harness/runner/external/command-env.js';
import { runExternal, type ExternalRunInputs } from '../../../harness/runner/external/run-external.js';
import { trialSeeds } from '../../../harness/runner/seeds.js';
import { scrubPaths } from '../../../harness/store/provenance.js';
import { ROOT, tempDir } from '../../helpers/cli.js';
import { alive } from '../../helpers/process.js';
import { requireSystem } from '../../helpers/system-deps.js';

/** The stub trainers: Node and Python scripts that speak the protocol (or break it on purpose). */
const TRAINERS = join(ROOT, 'test', 'fixtures', 'external-project', 'trainers');
const STUBS = {
  node: (mode: string, ...rest: string[]) => ['node', join(TRAINERS, 'stub-trainer.mjs'), mode, ...rest],
  python: (mode: string) => {
    requireSystem('python3');
    return ['python3', join(TRAINERS, 'stub_trainer.py'), mode];
  },
} as const;

const config: TrialConfig = {
  workload: { id: 'stub-workload', version: 1, variant: 'default' },
  method: { id: 'stub', version: 1, hparams: { learningRate: 0.01 } },
  repeat: { purpose: 'eval', index: 0 },
  backend: 'wasm',
  numericsClass: 'wasm-tfjs4.22.0-k1',
  batchSize: 32,
  budget: { steps: 100, seconds: 60 },
  evalEvery: 10,
  stepHint: 100,
  target: { metric: 'validation/accuracy', value: 0.8, direction: 'higher' },
  stopAtTarget: true,
};
const seeds = trialSeeds(config.workload, config.method.id, config.repeat);
/** Where the stub's made-up curve meets the target (see stub-trainer.mjs). */
const REACH = 10 * (3 + (parseInt(seeds.init.slice(0, 2), 16) % 4));

function run(
  command: string[],
  opts: {
    cfg?: Partial<TrialConfig>;
    watchdogSeconds?: number;
    timeoutMs?: number;
    onSpawn?: (pid: number) => void;
  } = {},
) {
  const cfg = { ...config, ...opts.cfg };
  const method: CommandMethodDefinition = {
    kind: 'command',
    id: 'stub',
    version: 1,
    title: 'stub',
    description: 'stub',
    command,
    hparams: cfg.method.hparams,
    ...(opts.watchdogSeconds !== undefined ? { watchdogSeconds: opts.watchdogSeconds } : {}),
  };
  const inputs: ExternalRunInputs = {
    config: cfg,
    method,
    input: trainerInput(
      '0123456789abcdef',
      cfg,
      seeds,
      {},
      { dir: '/nonexistent/data', header: '/nonexistent/data/header.json' },
    ),
    cwd: TRAINERS,
    env: commandEnv({}),
    scrub: scrubPaths,
    killGraceMs: 500,
    ...(opts.timeoutMs !== undefined ? { timeoutMs: opts.timeoutMs } : {}),
    ...(opts.onSpawn ? { onSpawn: opts.onSpawn } : {}),
  };
  return runExternal(inputs);
}

describe.each(Object.keys(STUBS) as Array<keyof typeof STUBS>)('external trainer protocol with the %s stub', (lang) => {
  const cmd = STUBS[lang];

  it('turns a well-behaved trainer into a reached trial with its curve, timings and framework', async () => {
    const r = await run(cmd('good'));
    expect(r.status, r.outcome.reason).toBe('reached');
    expect(r.outcome.stepsToTarget).toBe(REACH);
    expect(r.outcome.examplesToTarget).toBe(REACH * 32);
    expect(r.outcome.secondsToTarget).toBeCloseTo(REACH * 0.001, 9);
    expect(r.outcome.reason).toBe(`validation/accuracy 0.808 met the target 0.8 at step ${REACH}`);
    expect(r.curve.map((p) => p.step)).toEqual(Array.from({ length: REACH / 10 }, (_, i) => 10 * (i + 1)));
    expect(r.curve.at(-1)!.metrics['validation/accuracy']).toBeCloseTo(0.808, 12);
    expect(r.outcome.evalSeconds).toBeCloseTo(0.002 * (REACH / 10), 9);
    expect(r.outcome.initSeconds).toBe(0.01);
    expect(r.framework).toMatch(/^stub-(node|python) /);
    expect(r.error).toBeUndefined();
    expect(r.log.stderr).toContain('stub trainer good running from');
    expect(r.log.stderr).not.toContain(ROOT);
  });

  it('censors a trainer that uses its budget without reaching the target', async () => {
    const r = await run(cmd('censored'));
    expect(r.status).toBe('censored');
    expect(r.outcome).toMatchObject({
      stepsToTarget: null,
      stepsRun: 100,
      bestTargetMetric: 0.4,
      reason: 'budget of 100 steps used without reaching the target',
    });
    expect(r.curve).toHaveLength(10);
  });

  it.each([
    ['malformed', /^protocol error at stdout line 1: not a JSON object/],
    ['unknown-type', /^protocol error at stdout line 1: unknown message type "hello"/],
    ['missing-field', /^protocol error at stdout line 1: progress message: trainSeconds: /],
    ['nonmonotonic', /^protocol error at stdout line 2: steps must increase: step 1 after step 1/],
    ['skip-eval', /^protocol error at stdout line 2: no eval at step 10 \(evaluate every 10 steps/],
    ['off-cadence', /^protocol error at stdout line 2: eval at step 1 is off the cadence/],
    [
      'no-target-metric',
      /^protocol error at stdout line 2: eval at step 10 lacks the target metric "validation\/accuracy"/,
    ],
    ['start-late', /^protocol error at stdout line 2: a start line must come first/],
    ['exit-early', /^the trainer exited with code 0 at step 10 without a final line$/],
    [
      'final-early',
      /^the trainer stopped at step 10 of a budget of 100 steps without reaching the target or the time budget$/,
    ],
  ])('fails the trial on %s, with the reason in words', async (mode, reason) => {
    const r = await run(cmd(mode));
    expect(r.status).toBe('failed');
    expect(r.outcome.reason).toMatch(reason);
    expect(r.error?.message).toBe(r.outcome.reason);
    expect(r.outcome.stepsToTarget).toBeNull();
  });

  it('fails a crashing trainer and keeps its traceback, without absolute paths', async () => {
    const r = await run(cmd('crash'));
    expect(r.status).toBe('failed');
    expect(r.outcome.reason).toMatch(/^the trainer exited with code (1|3) at step 10 without a final line$/);
    expect(r.error?.detail).toMatch(/RuntimeError: boom/);
    expect(r.log.stderr).toMatch(/RuntimeError: boom/);
    for (const text of [r.error!.detail!, r.log.stderr]) {
      expect(text).not.toContain(ROOT);
      expect(text).not.toContain(homedir());
    }
    expect(r.curve.map((p) => p.step)).toEqual([10]);
  });

  it('marks a NaN training loss as diverged (bare NaN token, as Python json writes it)', async () => {
    const r = await run(cmd('nan-loss'));
    expect(r.status).toBe('diverged');
    expect(r.outcome.reason).toBe('training loss became NaN at step 2');
    expect(r.outcome.stepsRun).toBe(2);
  });

  it('marks an infinite metric as diverged and stores it as null', async () => {
    const r = await run(cmd('nan-metric'));
    expect(r.status).toBe('diverged');
    expect(r.outcome.reason).toBe('validation/accuracy Infinity at step 10');
    expect(r.curve[0]!.metrics['validation/accuracy']).toBeNull();
  });

  it("ends the trial at the time budget on the trainer's own clock", async () => {
    const r = await run(cmd('time-budget'));
    expect(r.status).toBe('censored');
    expect(r.outcome.reason).toBe('time budget of 60 s used at step 1 without reaching the target');
  });

  it('stops a silent trainer with the no-output watchdog and records a timeout', async () => {
    const t0 = Date.now();
    const r = await run(cmd('silent'), { watchdogSeconds: 1 });
    expect(r.status).toBe('timeout');
    expect(r.outcome.reason).toBe('no output from the trainer for 1 s (watchdog; last step 0)');
    expect(Date.now() - t0).toBeLessThan(10_000);
  });
});

describe('external trainer supervision (Node stub)', () => {
  it('passes the documented input document on stdin', async () => {
    const file = join(tempDir(), 'input.json');
    const r = await run(STUBS.node('echo-input', file));
    expect(r.status).toBe('reached');
    const input = JSON.parse(readFileSync(file, 'utf8'));
    expect(input).toEqual({
      protocol: PROTOCOL_VERSION,
      trial: { id: '0123456789abcdef', repeat: { purpose: 'eval', index: 0 } },
      workload: { id: 'stub-workload', version: 1, variant: 'default', options: {} },
      method: { id: 'stub', version: 1 },
      hparams: { learningRate: 0.01 },
      seeds,
      batchSize: 32,
      budget: { steps: 100, seconds: 60 },
      evalEvery: 10,
      stepHint: 100,
      target: config.target,
      stopAtTarget: true,
      stopEvery: 10,
      data: { dir: '/nonexistent/data', header: '/nonexistent/data/header.json' },
    });
    expect(Object.values(input.seeds as Record<string, string>).every((s) => /^[0-9a-f]{32}$/.test(s))).toBe(true);
  });

  it('stops a trainer that trains on past the target, keeping the time to target', async () => {
    const r = await run(STUBS.node('run-on'));
    expect(r.status).toBe('reached');
    expect(r.outcome.stepsToTarget).toBe(REACH);
    expect(r.curve.at(-1)!.step).toBe(REACH);
  });

  it('trains to the budget without stopAtTarget, then reports reached', async () => {
    const r = await run(STUBS.node('good'), { cfg: { stopAtTarget: false } });
    expect(r.status).toBe('reached');
    expect(r.outcome.stepsToTarget).toBe(REACH);
    expect(r.outcome.stepsRun).toBe(100);
    expect(r.curve).toHaveLength(10);
  });

  it.each([
    ['after-final', /^protocol error at stdout line \d+: output after the final line/],
    ['nonzero-after-final', /^the trainer exited with code 4 after its final line$/],
  ])('fails the trial on %s', async (mode, reason) => {
    const r = await run(STUBS.node(mode));
    expect(r.status).toBe('failed');
    expect(r.outcome.reason).toMatch(reason);
  });

  it('fails a program that cannot be started', async () => {
    const r = await run(['reprobench-no-such-program-7f3a']);
    expect(r.status).toBe('failed');
    expect(r.outcome.reason).toMatch(/^could not start the trainer "reprobench-no-such-program-7f3a": .*ENOENT/);
  });

  it('stops a trainer at the trial timeout and keeps the curve so far', async () => {
    const r = await run(STUBS.node('slow'), { timeoutMs: 1500 });
    expect(r.status).toBe('timeout');
    expect(r.outcome.reason).toMatch(/^stopped after the trial timeout of 2 s at step \d+$/);
    expect(r.outcome.stepsRun).toBeGreaterThan(10);
    expect(r.curve.length).toBeGreaterThan(0);
  });

  it('kills a trainer that ignores SIGTERM, and its process is gone afterwards', async () => {
    let pid = 0;
    const r = await run(STUBS.node('stubborn'), { watchdogSeconds: 1, onSpawn: (p) => (pid = p) });
    expect(r.status).toBe('timeout');
    expect(pid).toBeGreaterThan(0);
    expect(alive(pid)).toBe(false);
  });

  it('caps the stored stderr, keeping its start and its end', async () => {
    const r = await run(STUBS.node('stderr-flood'));
    expect(r.status).toBe('reached');
    expect(r.log.truncated).toBe(true);
    expect(r.log.bytes).toBeGreaterThan(100_000);
    expect(r.log.stderr.length).toBeLessThan(17_000);
    expect(r.log.stderr).toMatch(/characters of the trainer's stderr left out/);
    expect(r.log.stderr).toContain('the end of the log');
  });

  it('never leaves a trainer running once the trial is settled', async () => {
    const file = join(tempDir(), 'pid');
    const r = await run(STUBS.node('pid-file', file), { watchdogSeconds: 1 });
    expect(r.status).toBe('timeout');
    const pid = Number(readFileSync(file, 'utf8'));
    expect(alive(pid)).toBe(false);
    rmSync(file);
  });
});
