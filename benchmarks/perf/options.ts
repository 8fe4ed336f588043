import type { Argv } from 'yargs';
import { BACKEND_CHOICES, type BackendName } from '../../harness/backends/select.js';
import { defaultCacheDir } from '../../harness/store/cache-dir.js';
import type { Registries } from '../../harness/core/registries.js';
import { ReprobenchError } from '../../harness/errors.js';
import { ALL_MODEL_NAMES, LARGE_MODEL_NAMES, MODEL_NAMES, type ModelName } from './models.js';
import { defaultBackends, SECTIONS, type BenchOptions, type Section } from './run.js';

/** The options of `reprobench bench` and `npm run bench`, shared by both entry points. */
export function benchOptions<T>(y: Argv<T>) {
  return y
    .option('json', {
      type: 'boolean',
      default: false,
      describe: 'print the report as JSON (results: [{name, backend, msPerStep}], ratios, micro, overhead, scaling)',
    })
    .option('quick', {
      type: 'boolean',
      default: false,
      describe:
        'about a minute: 2 short rounds, short micro-benchmarks, small overhead and scaling runs, no cpu backend unless --backends names it',
    })
    .option('only', {
      type: 'string',
      describe: `sections to run, comma-separated (${SECTIONS.join(', ')}); default all`,
    })
    .option('backends', {
      type: 'string',
      describe: `tfjs backends, comma-separated (default every one: ${defaultBackends().join(', ')}; unavailable ones are skipped with the reason)`,
    })
    .option('models', {
      type: 'string',
      describe: `models, comma-separated (${MODEL_NAMES.join(', ')}; GPU-sized: ${LARGE_MODEL_NAMES.join(', ')}); default the first three`,
    })
    .option('rounds', { type: 'number', describe: 'rounds of the step benchmark (default 5, --quick 2)' })
    .option('pytorch', {
      type: 'boolean',
      default: true,
      describe: 'measure PyTorch in the same run where /usr/bin/python3 has torch (--no-pytorch to skip)',
    })
    .option('stock', {
      type: 'boolean',
      default: true,
      describe:
        'also measure tfjs\'s wasm as shipped, without the project\'s kernels (row wasm-stock, the "before"; --no-stock to skip)',
    })
    .option('slow', { type: 'boolean', default: false, describe: "include the cpu backend's CNN (about 20 s a step)" })
    .option('cache-dir', {
      type: 'string',
      default: defaultCacheDir(),
      defaultDescription: '$REPROBENCH_CACHE or ~/.cache/reprobench',
      describe: 'dataset cache (Fashion-MNIST, for the overhead and scaling runs)',
    });
}

function list<T extends string>(raw: string | undefined, allowed: readonly T[], all: T[], flag: string): T[] {
  if (raw === undefined) return all;
  const items = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const i of items) {
    if (!allowed.includes(i as T))
      throw new ReprobenchError('E_BAD_OPTION', `${flag}: unknown value "${i}"`, `choose from ${allowed.join(', ')}`);
  }
  return items as T[];
}

/** yargs' parsed options → BenchOptions. @throws ReprobenchError E_BAD_OPTION for unknown list items */
export function toBenchOptions(
  argv: Record<string, unknown>,
  log: (l: string) => void,
  loadRegistries: () => Promise<Registries>,
): BenchOptions {
  const quick = Boolean(argv.quick);
  const rounds = (argv.rounds as number | undefined) ?? (quick ? 2 : 5);
  if (!Number.isInteger(rounds) || rounds < 1)
    throw new ReprobenchError(
      'E_BAD_OPTION',
      `--rounds must be a positive integer, got ${String(argv.rounds)}`,
      'for example --rounds 3',
    );
  const backendChoices = BACKEND_CHOICES.filter((b): b is BackendName => b !== 'auto');
  return {
    quick,
    sections: list<Section>(argv.only as string | undefined, SECTIONS, [...SECTIONS], '--only'),
    // --quick leaves out pure-JS cpu (100× slower, and not a backend anyone trains on) unless named.
    backends: list<BackendName>(
      argv.backends as string | undefined,
      backendChoices,
      defaultBackends().filter((b) => !quick || b !== 'cpu'),
      '--backends',
    ),
    models: list<ModelName>(argv.models as string | undefined, ALL_MODEL_NAMES, [...MODEL_NAMES], '--models'),
    rounds,
    pytorch: argv.pytorch !== false,
    stock: argv.stock !== false,
    slow: Boolean(argv.slow),
    cacheDir: argv['cache-dir'] as string,
    loadRegistries,
    command: ['reprobench bench', ...process.argv.slice(2)].join(' '),
    log,
  };
}
