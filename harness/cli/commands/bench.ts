import type { Argv } from 'yargs';
import { formatReport } from '../../../benchmarks/perf/format.js';
import { benchOptions, toBenchOptions } from '../../../benchmarks/perf/options.js';
import { runBench } from '../../../benchmarks/perf/run.js';

/** Runs the engine benchmarks and prints the report (text, or JSON with --json); progress goes to stderr. */
export async function benchHandler(argv: Record<string, unknown>): Promise<void> {
  const log = (l: string) => process.stderr.write(`${l}\n`);
  const report = await runBench(toBenchOptions(argv, log));
  process.stdout.write(argv.json ? JSON.stringify(report, null, 2) + '\n' : formatReport(report) + '\n');
}

export function benchCommand(y: Argv) {
  return y.command(
    'bench',
    'engine benchmarks: per-step time of the pinned models on every backend and in PyTorch, kernel and harness micro-benchmarks, harness overhead, worker scaling',
    (c) => benchOptions(c).example('$0 bench --quick', 'about a minute').example('$0 bench --json --only steps', 'step times and PyTorch ratios as JSON'),
    (argv) => benchHandler(argv as unknown as Record<string, unknown>),
  );
}
