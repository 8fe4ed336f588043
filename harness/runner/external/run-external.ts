import { spawn } from 'node:child_process';
import { StringDecoder } from 'node:string_decoder';
import type { CommandMethodDefinition } from '../../core/method.js';
import type { CurvePoint, Outcome, TrialConfig, TrialStatus } from '../../core/trial.js';
import type { TrialProgress } from '../train-loop.js';
import { CappedLog } from './capped-log.js';
import { CoarseCrossing } from './crossing.js';
import { evalCadence, parseTrainerLine, type TrainerInput } from './protocol.js';
import { resolutionOf } from '../resolution.js';
import { meetsTarget } from '../../scoring/time-to-result.js';

export interface ExternalRunInputs {
  config: TrialConfig;
  method: CommandMethodDefinition;
  /** The document written to the trainer's stdin. */
  input: TrainerInput;
  /** Directory the command runs in (resolved). */
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Trial timeout: the trainer is stopped and the trial stored as `timeout`. */
  timeoutMs?: number;
  /** Rewrites text before it is stored (absolute paths out). @default identity */
  scrub?: (text: string) => string;
  onProgress?: (p: TrialProgress) => void;
  /** Called with the trainer's pid (its process group id) once it runs, so a supervisor can kill it. */
  onSpawn?: (pid: number) => void;
  /** How long a stopped trainer gets between SIGTERM and SIGKILL. @default 3000 */
  killGraceMs?: number;
}

export interface ExternalRunResult {
  status: TrialStatus;
  outcome: Outcome;
  curve: CurvePoint[];
  error?: { message: string; detail?: string };
  log: { stderr: string; bytes: number; truncated: boolean };
  /** What the trainer's `start` line said about it. */
  framework: string | null;
}

/** @default 300 */
export const DEFAULT_WATCHDOG_SECONDS = 300;
const DETAIL_STDERR_CHARS = 2000;

const now = () => performance.now() / 1000;
const fmt = (v: number): string => Number(v.toPrecision(4)).toString();

/**
 * Runs one external trainer (docs/protocol.md) and judges it by the rules of built-in trials
 * (harness/runner/train-loop.ts): the target is checked at each eval, a non-finite loss or metric
 * is divergence, the step and seconds budgets end the trial. Anything the protocol does not
 * allow — a malformed or incomplete line, steps that do not increase, a missing or off-cadence
 * eval, output after the final line, an exit before the budget without a reason, a non-zero
 * exit — makes the trial `failed` with the reason in words; a trainer silent for longer than
 * its watchdog, or running past the trial timeout, is stopped and stored as `timeout`.
 * Never rejects: every way a trainer can go wrong is a result.
 */
export function runExternal(inp: ExternalRunInputs): Promise<ExternalRunResult> {
  const { config, method } = inp;
  const { budget, target } = config;
  const evalEvery = evalCadence(config);
  const scrub = inp.scrub ?? ((s: string) => s);
  const watchdogMs = (method.watchdogSeconds ?? DEFAULT_WATCHDOG_SECONDS) * 1000;
  const graceMs = inp.killGraceMs ?? 3000;
  const isEvalStep = (s: number) => s % evalEvery === 0 || s === budget.steps;
  const nextEvalAfter = (s: number) => Math.min((Math.floor(s / evalEvery) + 1) * evalEvery, budget.steps);
  // Steps to target by the in-process rule: the first fine eval meeting the target counts once a coarse eval confirms it.
  const coarse = new CoarseCrossing(config.evalEvery, budget.steps);

  return new Promise((resolveRun) => {
    const t0 = now();
    const log = new CappedLog();
    const curve: CurvePoint[] = [];
    let lineNo = 0;
    let started = false;
    let framework: string | null = null;
    let reportedInit: number | null = null;
    let initSeconds: number | null = null;
    let lastStep = 0;
    let lastExamples = 0;
    let lastTrain = 0;
    let evalSeconds = 0;
    let lastEvalStep = 0;
    let reachedAt: CurvePoint | undefined;
    let reachedReason = '';
    let best: number | null = null;
    let finalStep: number | null = null;
    let timeUp = false;
    let decided: { status: TrialStatus; reason: string; detail?: string } | null = null;
    let exited = false;
    let finished = false;
    const timers: NodeJS.Timeout[] = [];
    let watchdog: NodeJS.Timeout | undefined;

    const argv = method.command;
    const child = spawn(argv[0]!, argv.slice(1), {
      cwd: inp.cwd,
      env: inp.env,
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: true,
    });

    const killGroup = (signal: NodeJS.Signals) => {
      if (exited || child.pid === undefined) return;
      try {
        process.kill(-child.pid, signal);
      } catch {
        try {
          child.kill(signal);
        } catch {
          // Already gone.
        }
      }
    };

    const detailWith = (extra?: string): string | undefined => {
      const tail = log.lastChars(DETAIL_STDERR_CHARS).trim();
      const parts = [extra, tail ? `stderr (last ${DETAIL_STDERR_CHARS} characters):\n${tail}` : undefined].filter(
        (p): p is string => Boolean(p),
      );
      return parts.length ? scrub(parts.join('\n')) : undefined;
    };

    const finish = () => {
      if (finished) return;
      finished = true;
      for (const t of timers) clearTimeout(t);
      clearTimeout(watchdog);
      if (!decided)
        decided = { status: 'failed', reason: 'the trainer ended in an unexpected way', detail: detailWith() };
      const { status, reason } = decided;
      const ok = status === 'reached' || status === 'censored' || status === 'diverged';
      const last = curve[curve.length - 1];
      const outcome: Outcome = {
        stepsToTarget: status === 'reached' ? reachedAt!.step : null,
        examplesToTarget: status === 'reached' ? reachedAt!.examples : null,
        secondsToTarget: status === 'reached' ? reachedAt!.trainSeconds : null,
        stepsRun: lastStep,
        trainSeconds: lastTrain,
        evalSeconds,
        initSeconds: initSeconds ?? reportedInit ?? 0,
        finalMetrics: last?.metrics ?? {},
        bestTargetMetric: best,
        resolutionSteps: resolutionOf(curve, reachedAt?.step ?? null),
        reason: scrub(reason),
      };
      const stored = scrub(log.text());
      resolveRun({
        status,
        outcome,
        curve,
        ...(ok
          ? {}
          : {
              error: decided.detail ? { message: outcome.reason, detail: decided.detail } : { message: outcome.reason },
            }),
        log: { stderr: stored, bytes: log.bytes, truncated: log.truncated },
        framework,
      });
    };

    /** Settles the trial's status; a trainer still running is stopped (its later output is ignored). */
    const conclude = (status: TrialStatus, reason: string, detail?: string) => {
      if (decided) return;
      decided = detail === undefined ? { status, reason } : { status, reason, detail };
      clearTimeout(watchdog);
      if (exited) return;
      killGroup('SIGTERM');
      timers.push(setTimeout(() => killGroup('SIGKILL'), graceMs));
      // A trainer whose descendants keep its pipes open must not hold the trial forever.
      timers.push(setTimeout(finish, graceMs + 5000));
    };

    const fail = (why: string, line?: string) =>
      conclude(
        'failed',
        line === undefined ? why : `protocol error at stdout line ${lineNo}: ${why}`,
        detailWith(line === undefined ? undefined : `line ${lineNo}: ${line.slice(0, 500)}`),
      );

    const endByTime = () =>
      conclude(
        reachedAt ? 'reached' : 'censored',
        reachedAt
          ? reachedReason
          : `time budget of ${budget.seconds} s used at step ${lastStep} without reaching the target`,
      );

    const armWatchdog = () => {
      clearTimeout(watchdog);
      if (decided) return;
      watchdog = setTimeout(() => {
        conclude(
          'timeout',
          `no output from the trainer for ${fmt(watchdogMs / 1000)} s (watchdog; last step ${lastStep})`,
          detailWith(),
        );
      }, watchdogMs);
    };

    const onLine = (line: string) => {
      lineNo++;
      if (decided || line.trim() === '') return;
      armWatchdog();
      if (finalStep !== null) return fail('output after the final line', line);
      const parsed = parseTrainerLine(line);
      if (!parsed.ok) return fail(parsed.error, line);
      const m = parsed.message;
      switch (m.type) {
        case 'start': {
          if (started || lastStep > 0) return fail('a start line must come first, and only once', line);
          started = true;
          framework = m.framework ?? null;
          reportedInit = m.initSeconds ?? null;
          return;
        }
        case 'progress': {
          if (m.step <= lastStep) return fail(`steps must increase: step ${m.step} after step ${lastStep}`, line);
          if (m.step > budget.steps) return fail(`step ${m.step} is beyond the budget of ${budget.steps} steps`, line);
          if (m.examples < lastExamples) return fail(`examples went down from ${lastExamples} to ${m.examples}`, line);
          if (m.trainSeconds < lastTrain)
            return fail(`trainSeconds went down from ${lastTrain} to ${m.trainSeconds}`, line);
          if (lastStep > 0 && isEvalStep(lastStep) && lastEvalStep !== lastStep)
            return fail(`no eval at step ${lastStep} (evaluate every ${evalEvery} steps and at the last step)`, line);
          const due = nextEvalAfter(lastStep);
          if (m.step > due)
            return fail(`progress jumped from step ${lastStep} to ${m.step}, past the eval due at step ${due}`, line);
          lastStep = m.step;
          lastExamples = m.examples;
          lastTrain = m.trainSeconds;
          initSeconds ??= reportedInit ?? Math.max(0, now() - t0 - m.trainSeconds);
          if (m.loss != null && !Number.isFinite(m.loss)) {
            return conclude(
              reachedAt ? 'reached' : 'diverged',
              `training loss became ${m.loss} at step ${m.step}` +
                (reachedAt ? ` (after reaching the target at step ${reachedAt.step})` : ''),
            );
          }
          if (m.trainSeconds > budget.seconds) {
            timeUp = true;
            if (!isEvalStep(m.step)) endByTime();
          }
          return;
        }
        case 'eval': {
          if (m.step !== lastStep)
            return fail(
              `eval for step ${m.step}, but the last progress line was for step ${lastStep} (send progress for a step before its eval)`,
              line,
            );
          if (!isEvalStep(m.step))
            return fail(
              `eval at step ${m.step} is off the cadence (every ${evalEvery} steps and at the last step, ${budget.steps})`,
              line,
            );
          if (lastEvalStep === m.step) return fail(`a second eval at step ${m.step}`, line);
          if (!(target.metric in m.metrics))
            return fail(`eval at step ${m.step} lacks the target metric "${target.metric}"`, line);
          const metrics: Record<string, number | null> = {};
          const nonFinite: string[] = [];
          for (const [k, v] of Object.entries(m.metrics)) {
            metrics[k] = v !== null && Number.isFinite(v) ? v : null;
            if (v !== null && !Number.isFinite(v)) nonFinite.push(`${k} ${v}`);
          }
          lastEvalStep = m.step;
          evalSeconds += m.evalSeconds;
          const point: CurvePoint = { step: m.step, examples: lastExamples, trainSeconds: lastTrain, metrics };
          curve.push(point);
          const value = metrics[target.metric];
          if (value != null)
            best =
              best === null ? value : target.direction === 'higher' ? Math.max(best, value) : Math.min(best, value);
          inp.onProgress?.({ step: m.step, totalSteps: budget.steps, metric: value ?? null, trainSeconds: lastTrain });
          if (nonFinite.length) {
            return conclude(
              reachedAt ? 'reached' : 'diverged',
              `${nonFinite.join(', ')} at step ${m.step}` +
                (reachedAt ? ` (after reaching the target at step ${reachedAt.step})` : ''),
            );
          }
          const crossing = reachedAt ? null : coarse.observe(point, meetsTarget(value, target));
          if (crossing) {
            reachedAt = crossing;
            reachedReason =
              `${target.metric} ${fmt(crossing.metrics[target.metric]!)} met the target ${target.value} at step ${crossing.step}` +
              (crossing.step === m.step ? '' : ` (confirmed by the eval at step ${m.step})`);
            if (config.stopAtTarget) return conclude('reached', reachedReason);
          }
          if (timeUp) endByTime();
          return;
        }
        case 'final': {
          if (m.step !== lastStep)
            return fail(
              `the final line says step ${m.step}, but the last progress line was for step ${lastStep}`,
              line,
            );
          if (lastStep > 0 && isEvalStep(lastStep) && lastEvalStep !== lastStep)
            return fail(`final line without the eval at step ${lastStep}`, line);
          if (m.step < budget.steps) {
            return fail(
              `the trainer stopped at step ${m.step} of a budget of ${budget.steps} steps without reaching the target or the time budget`,
            );
          }
          finalStep = m.step;
          return;
        }
      }
    };

    const decoder = new StringDecoder('utf8');
    let pending = '';
    child.stdout.on('data', (chunk: Buffer) => {
      pending += decoder.write(chunk);
      let nl: number;
      while ((nl = pending.indexOf('\n')) >= 0) {
        const line = pending.slice(0, nl).replace(/\r$/, '');
        pending = pending.slice(nl + 1);
        onLine(line);
      }
      if (pending.length > 1 << 20 && !decided) {
        lineNo++;
        fail(`a line longer than ${1 << 20} characters`, pending.slice(0, 200));
        pending = '';
      }
    });
    child.stderr.on('data', (chunk: Buffer) => log.append(chunk));
    child.stdin.on('error', () => {
      // The trainer exited without reading its input; its exit status tells the story.
    });

    child.on('error', (e) => {
      if (child.pid === undefined) {
        exited = true;
        conclude('failed', `could not start the trainer "${argv[0]}": ${e.message}`);
        finish();
      }
    });

    child.on('close', (code, signal) => {
      exited = true;
      pending += decoder.end();
      if (pending.trim()) onLine(pending);
      pending = '';
      if (!decided) {
        const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
        if (finalStep === null)
          conclude('failed', `the trainer ${how} at step ${lastStep} without a final line`, detailWith());
        else if (code !== 0) conclude('failed', `the trainer ${how} after its final line`, detailWith());
        else
          conclude(
            reachedAt ? 'reached' : 'censored',
            reachedAt ? reachedReason : `budget of ${budget.steps} steps used without reaching the target`,
          );
      }
      finish();
    });

    if (child.pid !== undefined) {
      inp.onSpawn?.(child.pid);
      child.stdin.end(JSON.stringify(inp.input) + '\n');
      armWatchdog();
      if (inp.timeoutMs !== undefined) {
        timers.push(
          setTimeout(
            () =>
              conclude(
                'timeout',
                `stopped after the trial timeout of ${Math.round(inp.timeoutMs! / 1000)} s at step ${lastStep}`,
                detailWith(),
              ),
            inp.timeoutMs,
          ),
        );
      }
    }
  });
}
