import cliProgress from 'cli-progress';
import type { TrialRecord } from '../core/trial.js';
import type { TrialProgress } from '../runner/train-loop.js';
import type { PoolEvents } from './pool.js';
import { printLine, terminalText } from '../cli/terminal-text.js';

export interface ProgressReporter extends PoolEvents {
  /** A phase begins: `total` trials to run now, `skipped` reused from the store. */
  phase(name: string, total: number, skipped: number): void;
  stop(): void;
}

export function describeOutcome(r: TrialRecord): string {
  const o = r.outcome;
  switch (r.status) {
    case 'reached':
      return `reached at step ${o.stepsToTarget} (${o.secondsToTarget!.toFixed(1)} s train)`;
    case 'censored':
      return `censored at ${o.stepsRun} steps (best ${o.bestTargetMetric?.toFixed(4) ?? '—'})`;
    case 'diverged':
      return `diverged: ${o.reason}`;
    default:
      return `${r.status}: ${o.reason}`;
  }
}

const metricText = (p: TrialProgress) => (p.metric === null ? '—' : p.metric.toFixed(4));

/** One bar per worker (trial, step, latest eval metric, ETA) and an overall count, for a TTY. */
export function ttyReporter(workers: number, stream: NodeJS.WriteStream = process.stdout): ProgressReporter {
  const multi = new cliProgress.MultiBar(
    {
      stream,
      clearOnComplete: false,
      hideCursor: true,
      format: ' {label} |{bar}| {value}/{total} {unit} | {metric} | ETA {eta_formatted}',
      barsize: 24,
      etaBuffer: 50,
      autopadding: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let overall: cliProgress.SingleBar | undefined;
  const bars: cliProgress.SingleBar[] = [];
  const barFor = (w: number) =>
    (bars[w] ??= multi.create(1, 0, { label: `w${w + 1} idle`.padEnd(46), metric: '', unit: 'steps' }));
  return {
    phase(name, total, skipped) {
      overall?.stop();
      multi.log(terminalText(`${name}: ${total} trials to run, ${skipped} already done`) + '\n');
      overall = multi.create(Math.max(total, 1), 0, {
        label: name.padEnd(46).slice(0, 46),
        metric: `${skipped} reused`,
        unit: 'trials',
      });
      for (let w = 0; w < workers; w++) barFor(w);
    },
    started(w, trial) {
      const label = terminalText(`w${w + 1} ${trial.label}`)
        .padEnd(46)
        .slice(0, 46);
      barFor(w).start(trial.config.budget.steps, 0, { label, metric: '—', unit: 'steps' });
    },
    progress(w, _trial, p) {
      barFor(w).update(p.step, { metric: metricText(p) });
    },
    finished(w, trial, rec) {
      overall?.increment();
      multi.log(terminalText(`${trial.label}: ${describeOutcome(rec)}`) + '\n');
      barFor(w).update(rec.outcome.stepsRun, { metric: rec.status });
    },
    stop() {
      multi.stop();
    },
  };
}

/** Plain lines for logs and CI: phase, each start and finish, and progress at most every 30 s per worker. */
export function lineReporter(write: (line: string) => void = printLine): ProgressReporter {
  const lastLine = new Map<number, number>();
  let done = 0;
  let total = 0;
  return {
    phase(name, t, skipped) {
      done = 0;
      total = t;
      write(`${name}: ${t} trials to run, ${skipped} already done`);
    },
    started(w, trial) {
      lastLine.set(w, Date.now());
      write(`[w${w + 1}] start ${trial.label}`);
    },
    progress(w, trial, p) {
      if (Date.now() - (lastLine.get(w) ?? 0) < 30_000) return;
      lastLine.set(w, Date.now());
      write(`[w${w + 1}] ${trial.label}: step ${p.step}/${p.totalSteps}, ${metricText(p)}`);
    },
    finished(w, trial, rec) {
      done++;
      write(`[w${w + 1}] done ${trial.label}: ${describeOutcome(rec)} [${done}/${total}]`);
    },
    stop() {},
  };
}
