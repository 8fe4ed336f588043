import { constants } from 'node:os';
import { printError } from '../cli/terminal-text.js';

/**
 * What happens when the main process is asked to stop (Ctrl-C, `kill`, a closed terminal, a
 * cluster's time limit): every running pool kills its workers and their trainers at once (a
 * worker would otherwise train on for minutes), the command says what is finished and how to go
 * on, and the process exits 128 + the signal's number (130 for SIGINT, 143 for SIGTERM), as a
 * shell expects. Finished trials are already on disk (each is written before it is reported).
 */
export const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
export type StopSignal = (typeof STOP_SIGNALS)[number] | 'SIGBREAK';

const pools = new Set<() => void>();
let report: (() => string[]) | null = null;
let stopping: StopSignal | null = null;

/** A pool registers how to kill its workers; the returned function unregisters it. */
export function registerPool(stop: () => void): () => void {
  pools.add(stop);
  return () => pools.delete(stop);
}

/** Lines that say how far the command got (trials finished, where), printed on a stop signal. */
export function setInterruptReport(lines: (() => string[]) | null): void {
  report = lines;
}

/** The signal the process is stopping on, if any (a pool then records no failure for its killed workers). */
export function stoppingSignal(): StopSignal | null {
  return stopping;
}

/** The command line as typed, quoted for a POSIX shell, to run again. */
export function resumeCommand(argv: string[] = process.argv.slice(2)): string {
  const quote = (a: string) => (/^[A-Za-z0-9_/.:=@%+,-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`);
  return ['reprobench', ...argv.map(quote)].join(' ');
}

/** Stops every pool now (idempotent). */
export function stopPools(): void {
  for (const stop of pools) stop();
  pools.clear();
}

function onSignal(signal: StopSignal): void {
  if (stopping) return;
  stopping = signal;
  stopPools();
  const lines = report?.() ?? [];
  printError('');
  printError(`interrupted by ${signal}${lines.length ? `: ${lines[0]}` : ''}`);
  for (const l of lines.slice(1)) printError(l);
  process.exit(128 + (constants.signals[signal] ?? 2));
}

let installed = false;

/** Called once by the CLI: the stop signals end the process as described above. */
export function installStopHandlers(): void {
  if (installed) return;
  installed = true;
  // Windows has no SIGTERM or SIGHUP from a console; Ctrl-Break is its other stop key.
  const signals: StopSignal[] = process.platform === 'win32' ? ['SIGINT', 'SIGBREAK'] : [...STOP_SIGNALS];
  for (const s of signals) process.on(s, () => onSignal(s));
}
