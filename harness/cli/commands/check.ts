import { writeFileSync } from 'node:fs';
import type { Argv } from 'yargs';
import { terminalJson, terminalText } from '../terminal-text.js';
import { loadRegistries } from '../../builtins.js';
import { checkClaim, checkRun } from '../../check/run-check.js';
import { ReprobenchError } from '../../errors.js';
import { toJunit, toMarkdown, type CheckedClaim } from '../../check/formats.js';
import { lineReporter, ttyReporter } from '../../scheduler/progress.js';
import { findReferences } from '../../store/reference.js';
import { nonEmptyPath, portableBackend, trainingOptions } from '../options.js';
import { validityNote } from '../summary-text.js';
import { resolve } from 'node:path';

export function checkCommand(y: Argv) {
  return y.command(
    'check <claim>',
    'rerun a claim (or `all`) and compare with its stored reference results; exits 1 on a difference (see --help)',
    (c) =>
      portableBackend(
        trainingOptions(
          c
            .positional('claim', {
              type: 'string',
              demandOption: true,
              describe: 'claim id, or `all` for every claim with reference results',
            })
            .option('preset', {
              choices: ['quick', 'standard'] as const,
              default: 'quick' as const,
              describe: 'which of the reference seeds to rerun (quick: the first few)',
            })
            .option('strict', {
              type: 'boolean',
              default: false,
              describe: 'across numerics classes, also fail on inconclusive',
            })
            .option('junit', { type: 'string', describe: 'write JUnit XML to this file' })
            .option('markdown', {
              type: 'string',
              describe: 'write a Markdown summary (for a pull-request comment) to this file',
            })
            .option('json', {
              type: 'boolean',
              default: false,
              describe: 'print the comparison as JSON on stdout (progress goes to stderr)',
            })
            .option('out', {
              type: 'string',
              describe: 'run directory for the recomputed trials (default: a fresh temp dir)',
            })
            .option('run', {
              type: 'string',
              describe:
                'compare the trials of this finished run (e.g. merged from shards that recomputed them) instead of recomputing here',
            }),
        ),
      )
        .check((argv) => {
          nonEmptyPath(argv['out'], '--out');
          nonEmptyPath(argv['run'], '--run');
          nonEmptyPath(argv['junit'], '--junit');
          nonEmptyPath(argv['markdown'], '--markdown');
          if (argv.run !== undefined && argv.claim === 'all')
            throw new ReprobenchError(
              'E_BAD_OPTION',
              '--run checks one claim',
              'name the claim the run directory holds',
            );
          return true;
        })
        .epilogue(
          'Exit codes: 0 pass; 1 a difference: on the same numerics class any changed result or configuration (update the reference ' +
            'deliberately with `reprobench reference update`), across classes a regressed verdict (inconclusive too with --strict); ' +
            '2 usage or configuration errors.',
        )
        .example('$0 check adan --preset quick', 'rerun the first seeds of the adan claim and compare bit for bit')
        .example('$0 check all --junit check.xml --markdown check.md', 'every claim with a reference, with CI reports')
        .example('$0 check adan --run runs/adan-merged', 'compare a merged sharded run with the reference'),
    async (argv) => {
      const out = argv.json ? process.stderr : process.stdout;
      const log = (l: string) => out.write(terminalText(l) + '\n');
      const cwd = process.cwd();
      const registries = await loadRegistries(cwd);
      const claims =
        argv.claim === 'all'
          ? registries.claims.ids().filter((id) => findReferences(cwd, id).length > 0)
          : [registries.claims.get(argv.claim).id];
      const results: CheckedClaim[] = [];
      for (const claim of claims) {
        const tty = Boolean(out.isTTY) && !argv.json;
        if (argv.run !== undefined) {
          results.push(
            await checkRun({ claim, preset: argv.preset, strict: argv.strict, cwd, runDir: resolve(argv.run), log }),
          );
          continue;
        }
        results.push(
          await checkClaim({
            claim,
            preset: argv.preset,
            strict: argv.strict,
            backend: argv.backend,
            workers: argv.workers,
            cacheDir: resolve(argv['cache-dir']),
            cwd,
            trialTimeoutSec: argv['trial-timeout'],
            ...(argv.out ? { runDir: resolve(argv.out, claim) } : {}),
            reporter: tty ? ttyReporter(argv.workers, out) : lineReporter(log),
            log,
          }),
        );
      }
      for (const { comparison: c, outcome, claimVerdict: v } of results) {
        log('');
        log(
          `check ${c.claim}: ${outcome.code ? 'FAILED' : 'passed'} (reference ${c.referenceClass}, now ${c.currentClass}${c.sameClass ? ', same numerics class' : ''})`,
        );
        log(`  the reference's claim verdict: ${v.label.toUpperCase()} ${v.scope} · ${v.fidelity}`);
        for (const x of v.comparisons) log(`    ${x.comparison}: ${x.headline} → ${x.label}${validityNote(x)}`);
        for (const g of c.groups)
          log(
            `  ${g.method} on ${g.workload}: ${g.quantity && g.quantity !== 'steps to target' ? g.quantity : 'steps'} ${g.steps.verdict}, wall time ${g.seconds.verdict}`,
          );
        for (const f of outcome.failures) log(`  FAIL ${f}`);
        for (const w of outcome.warnings) log(`  warning: ${w}`);
      }
      if (argv.junit) writeFileSync(argv.junit, toJunit(results));
      if (argv.markdown) writeFileSync(argv.markdown, toMarkdown(results) + '\n');
      const code = results.some((r) => r.outcome.code) ? 1 : 0;
      if (argv.json) process.stdout.write(terminalJson({ exitCode: code, claims: results }) + '\n');
      if (claims.length === 0) log('no claim has reference results: nothing to check');
      process.exitCode = code;
    },
  );
}
