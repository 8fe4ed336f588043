import type { Argv } from 'yargs';
import { printLine, terminalJson } from '../terminal-text.js';
import { loadRegistries } from '../../builtins.js';
import { isCommandMethod } from '../../core/method.js';
import { listPapers } from '../../core/papers.js';
import { paperTable } from '../paper-table.js';

const KINDS = ['workloads', 'methods', 'claims', 'papers'] as const;

export function listCommand(y: Argv) {
  return y.command(
    'list <kind>',
    'list the workloads, methods or claims reprobench knows (built-ins and reprobench.config.*), ' +
      'or the seed papers and what is done with each',
    (c) =>
      c
        .positional('kind', { choices: KINDS, describe: 'what to list', demandOption: true })
        .option('json', {
          type: 'boolean',
          default: false,
          describe: 'print JSON (an array of objects) instead of a table',
        })
        .example('$0 list claims', 'the paper claims that can be run')
        .example('$0 list methods --json', 'methods with their default hyperparameters, as JSON')
        .example(
          '$0 list papers',
          'every seed paper: its status (claim, not-yet-run, out-of-scale, methodology, ' +
            'no-testable-claim) and cards or reason',
        ),
    async (argv) => {
      const r = await loadRegistries();
      const kind = argv.kind;
      if (kind === 'papers') {
        const papers = listPapers(r);
        process.stdout.write(argv.json ? JSON.stringify(papers, null, 2) + '\n' : paperTable(papers));
        return;
      }
      const rows =
        kind === 'workloads'
          ? r.workloads.values().map((w) => ({
              id: w.id,
              version: w.version,
              title: w.title,
              target: w.target,
              budget: w.budget,
              evalEvery: w.evalEvery,
              fineEvalEvery: w.fineEvalEvery,
              batchSize: w.batchSize,
              variants: Object.keys(w.variants ?? {}),
            }))
          : kind === 'methods'
            ? r.methods.values().map((m) => ({
                id: m.id,
                version: m.version,
                title: m.title,
                kind: m.kind ?? 'tfjs',
                ...(isCommandMethod(m) ? { command: m.command } : {}),
                hparams: m.hparams,
                reference: m.reference ?? null,
              }))
            : r.claims.values().map((c) => ({
                id: c.id,
                version: c.version,
                title: c.title,
                paper: c.paper.title,
                testType: c.testType,
                kind: c.claimedEffect.direction,
                fidelity: c.fidelity,
                methods: c.methods.map((a) => a.method),
                baselines: c.baselines.map((a) => a.method),
                workloads: c.workloads,
                repeats: c.repeats,
              }));
      if (argv.json) {
        process.stdout.write(terminalJson(rows) + '\n');
        return;
      }
      for (const row of rows) {
        const extra =
          kind === 'workloads'
            ? `target ${(row as { target: { metric: string; value: number } }).target.metric} ${(row as { target: { value: number } }).target.value}`
            : kind === 'claims'
              ? claimArms(row as { methods: string[]; baselines: string[]; testType: string })
              : (row as { command?: string[] }).command
                ? `external: ${(row as { command: string[] }).command.join(' ')}`
                : '';
        printLine(`${row.id.padEnd(20)} v${row.version}  ${row.title}${extra ? `  (${extra})` : ''}`);
      }
    },
  );
}

/** "a vs b, c"; a phenomenon or predictor claim has no baseline arm, so only its methods. */
function claimArms(c: { methods: string[]; baselines: string[]; testType: string }): string {
  return c.baselines.length
    ? `${c.methods.join(', ')} vs ${c.baselines.join(', ')}`
    : `${c.methods.join(', ')}, ${c.testType === 'predictor' ? 'curves for a predictor' : 'phenomenon'}`;
}
