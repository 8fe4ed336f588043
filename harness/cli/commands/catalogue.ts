import { relative, resolve } from 'node:path';
import type { Argv } from 'yargs';
import { writeCatalogueFromReferences } from '../../../reports/catalogue-from-references.js';
import { fidelityText } from '../../analysis/scope.js';
import { loadRegistries } from '../../builtins.js';

export function catalogueCommand(y: Argv) {
  return y.command(
    'catalogue',
    're-judge every claim from its committed reference under the current verdict rules (nothing is trained) and write the ' +
      "claims' reports and the catalogue page (with every seed paper and its status)",
    (c) =>
      c
        .option('out', {
          type: 'string',
          default: 'docs/catalogue',
          describe: 'folder for catalogue.html, catalogue.json and <claim>/report.html',
        })
        .option('numerics-class', {
          type: 'string',
          describe:
            'judge the references of this numerics class (a prefix: wasm, blas, …); default: wasm where a claim has one, else its first',
        })
        .example('$0 catalogue', 'docs/catalogue/ from reference-results/, wasm references first')
        .example('$0 catalogue --numerics-class blas --out /tmp/cat', 'the blas references instead'),
    async (argv) => {
      const cwd = process.cwd();
      const registries = await loadRegistries(cwd);
      const r = writeCatalogueFromReferences(registries, {
        cwd,
        out: resolve(argv.out),
        ...(argv['numerics-class'] ? { numericsClass: argv['numerics-class'] } : {}),
      });
      const width = Math.max(16, ...r.claims.map((x) => x.id.length));
      for (const { id, numericsClass, summary } of r.claims) {
        const j = summary.judgement;
        process.stdout.write(
          `${id.padEnd(width)} ${j.overall.toUpperCase().padEnd(22)} ${j.scope.text} · ${fidelityText(j.fidelity)}  [${numericsClass}]\n`,
        );
        for (const c of j.comparisons)
          process.stdout.write(
            `${''.padEnd(width)}   ${c.methodId}${c.baselineId ? ` vs ${c.baselineId}` : ''} on ${c.workload}: ${c.headline} → ${c.verdict}${c.validityCheck ? ' (validity check)' : ''}\n`,
          );
      }
      if (r.missing.length)
        process.stdout.write(
          `no reference${argv['numerics-class'] ? ` of class ${argv['numerics-class']}` : ''}: ${r.missing.join(', ')}\n`,
        );
      process.stdout.write(
        `catalogue: ${relative(cwd, r.html)}  (${r.claims.length} claims, ${registries.papers.length} seed papers)\n`,
      );
    },
  );
}
