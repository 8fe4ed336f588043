import type { Argv } from 'yargs';
import type { Registries } from '../../harness/core/registries.js';
import { formatReport } from './format.js';
import { benchOptions, toBenchOptions } from './options.js';
import { runBench } from './run.js';

/** Runs the engine benchmarks and prints the report (text, or JSON with --json); progress goes to stderr. */
export async function benchHandler(
  argv: Record<string, unknown>,
  loadRegistries: () => Promise<Registries>,
): Promise<void> {
  const log = (l: string) => process.stderr.write(`${l}\n`);
  // Debian's PyTorch and the blas addon load the same libopenblas, which reads these at load time.
  // This machine sets OPENBLAS_CORETYPE=Haswell for every process; DESIGN has the PyTorch peer run
  // without it, and the blas backend must run the same kernels or the ratio measures OpenBLAS's
  // kernel choice (MLP blas 1.64× PyTorch with the pin on blas alone, 1.12× with neither pinned,
  // docs/engine.md): unset for the whole bench, before any backend loads; the report names both.
  delete process.env.OPENBLAS_CORETYPE;
  delete process.env.OPENBLAS_L2_SIZE;
  const report = await runBench(toBenchOptions(argv, log, loadRegistries));
  process.stdout.write(argv.json ? JSON.stringify(report, null, 2) + '\n' : formatReport(report) + '\n');
}

/** Mounts `bench` on a CLI; `loadRegistries` is the composition root's, given by whoever mounts it. */
export function benchCommand(y: Argv, loadRegistries: () => Promise<Registries>) {
  return y.command(
    'bench',
    'engine benchmarks: per-step time of the pinned models on every backend and in PyTorch, kernel and harness micro-benchmarks, harness overhead, worker scaling',
    (c) =>
      benchOptions(c)
        .example('$0 bench --quick', 'about a minute')
        .example('$0 bench --json --only steps', 'step times and PyTorch ratios as JSON'),
    (argv) => benchHandler(argv as unknown as Record<string, unknown>, loadRegistries),
  );
}
