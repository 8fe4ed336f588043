import { relative, resolve } from 'node:path';
import type { Argv } from 'yargs';
import { nonEmptyPath } from '../options.js';
import { printLine } from '../terminal-text.js';
import { loadRegistries } from '../../builtins.js';
import { parseWorkloadRef, resolveVariant } from '../../core/workload.js';
import { workloadData } from '../../runner/data-cache.js';
import { HEADER_FILE, writeExport } from '../../runner/data-export.js';
import { defaultCacheDir } from '../../store/cache-dir.js';

export function dataCommand(y: Argv) {
  return y.command('data', "a workload's data for trainers outside reprobench", (d) =>
    d
      .command(
        'export <workload>',
        'write the seeded train/validation split (raw arrays + header.json with shapes, scale, class names, split seed, SHA-256) for an external trainer',
        (c) =>
          c
            .positional('workload', {
              type: 'string',
              demandOption: true,
              describe: 'workload id, or id:variant (see `reprobench list workloads`)',
            })
            .option('out', {
              type: 'string',
              demandOption: true,
              describe: 'directory to write (created if needed; files there of the same names are replaced)',
            })
            .check((argv) => {
              nonEmptyPath(argv['out'], '--out');
              nonEmptyPath(argv['cache-dir'] as string | undefined, '--cache-dir');
              return true;
            })
            .option('cache-dir', {
              type: 'string',
              default: defaultCacheDir(),
              defaultDescription: '$REPROBENCH_CACHE or ~/.cache/reprobench',
              describe: 'where datasets are cached',
            })
            .example(
              '$0 data export fashion-mnist-mlp --out data/fmnist',
              'the 60k/10k split every fashion-mnist-mlp trial uses',
            ),
        async (argv) => {
          const registries = await loadRegistries();
          const ref = parseWorkloadRef(argv.workload);
          const def = registries.workloads.get(ref.id);
          resolveVariant(def, ref.variant);
          const out = resolve(argv.out);
          const data = await workloadData(def, ref.variant, resolve(argv['cache-dir']));
          const header = writeExport(out, def, ref.variant, data);
          const shown = relative(process.cwd(), out) || '.';
          const log = printLine;
          log(`exported ${def.id} v${def.version} (${ref.variant}) to ${shown}: split seed ${header.splitSeed}`);
          for (const [split, files] of Object.entries(header.files)) {
            for (const f of Object.values(files))
              log(
                `  ${split.padEnd(5)} ${f.path.padEnd(12)} ${f.dtype.padEnd(7)} [${f.shape.join(', ')}]  sha256 ${f.sha256}`,
              );
          }
          log(
            `  header: ${shown}/${HEADER_FILE} (features are float32(x × ${header.scale}); docs/protocol.md describes the layout)`,
          );
        },
      )
      .demandCommand(1, 'name a data subcommand: export'),
  );
}
