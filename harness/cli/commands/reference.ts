import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Argv } from 'yargs';
import { loadRegistries } from '../../builtins.js';
import { assertCardCommitted, cardPath, cardSource, type CardSource } from '../../check/card-source.js';
import { printLine } from '../terminal-text.js';
import { buildReference, describeReferenceChanges } from '../../check/reference-build.js';
import { cardHash, preregisteredFields, type ReferenceCard } from '../../core/preregistration.js';
import { PACKAGE_ROOT } from '../../package-root.js';
import { lineReporter, ttyReporter } from '../../scheduler/progress.js';
import { runClaim } from '../../scheduler/run-claim.js';
import { readReference, referencePath, writeReference, type ReferenceFile } from '../../store/reference.js';
import { isReprobenchError } from '../../errors.js';
import { portableBackend, trainingOptions } from '../options.js';
import { formatSummary } from '../summary-text.js';
import { writeSummaryJson } from '../../../reports/summary.js';
import { writeReport } from '../../../reports/render-report.js';

export function referenceCommand(y: Argv) {
  return y.command(
    'reference',
    'manage stored reference results (reference-results/<claim>/<numerics-class>.json)',
    (r) =>
      r
        .command(
          'update <claim>',
          'run a claim and write (or refresh) its reference results for this numerics class, printing what changed; ' +
            'the card is recorded and must be committed first (pre-registration)',
          (c) =>
            portableBackend(
              trainingOptions(
                c
                  .positional('claim', { type: 'string', demandOption: true, describe: 'claim id' })
                  .option('preset', {
                    choices: ['quick', 'standard'] as const,
                    default: 'standard' as const,
                    describe: 'repeats to store (check reruns a prefix of them)',
                  })
                  .option('out', {
                    type: 'string',
                    describe: 'run directory (default: runs/<claim>; finished trials there are reused)',
                  }),
              ),
            ).example('$0 reference update adan', 'the standard preset, then commit reference-results/adan/'),
          async (argv) => {
            const log = printLine;
            const claimId = argv.claim;
            const cwd = process.cwd();
            // Pre-registration: refuse before any training when the card is not committed.
            const card = cardOf(claimId, (await loadRegistries(cwd)).claims.originOf(claimId), cwd);
            assertCardCommitted(claimId, card);
            const res = await runClaim({
              claim: claimId,
              preset: argv.preset,
              backend: argv.backend,
              workers: argv.workers,
              runDir: resolve(argv.out ?? join('runs', claimId)),
              cacheDir: resolve(argv['cache-dir']),
              cwd,
              trialTimeoutSec: argv['trial-timeout'],
              dryRun: false,
              command: ['reprobench', ...process.argv.slice(2)].join(' '),
              reporter: process.stdout.isTTY ? ttyReporter(argv.workers) : lineReporter(log),
              log,
            });
            const s = res.session;
            if (res.summary) {
              log('');
              log(formatSummary(res.summary));
              writeSummaryJson(res.session.pool.runDir, res.summary);
              writeReport(res.session.pool.runDir, cwd);
              log('');
            }
            const bad = res.records.filter((t) => t.status === 'failed' || t.status === 'timeout');
            if (bad.length) {
              log(
                `not written: ${bad.length} trials failed or timed out (first: ${bad[0]!.outcome.reason}); fix that and rerun`,
              );
              process.exitCode = 1;
              return;
            }
            const cardNow = cardOf(claimId, s.registries.claims.originOf(claimId), cwd);
            if (cardNow.commit !== card.commit) {
              log(
                `not written: the card's file (${cardNow.file}) was committed again during the run; ` +
                  'rerun to record the card that runs (finished trials are reused)',
              );
              process.exitCode = 1;
              return;
            }
            assertCardCommitted(claimId, cardNow);
            // Shipped claims keep their references in the package; users' claims in their project.
            const dir = join(
              s.registries.claims.originOf(claimId) === 'built-in' ? PACKAGE_ROOT : cwd,
              'reference-results',
            );
            const path = referencePath(dir, claimId, s.backend.numericsClass);
            let before: ReferenceFile | null = null;
            if (existsSync(path)) {
              try {
                before = readReference(path);
              } catch (e) {
                // Refreshing is how an outdated or damaged reference gets fixed: say so, then replace it.
                log(
                  `the previous reference could not be read and is replaced (${isReprobenchError(e) ? e.code : 'error'}: ${(e as Error).message})`,
                );
              }
            }
            const fields = preregisteredFields(s.claim);
            const run = {
              hash: cardHash(fields),
              commit: cardNow.commit,
              fields,
              recordedAt: new Date().toISOString(),
            };
            const recorded: ReferenceCard = { file: cardNow.file, run, firstRun: before?.card?.firstRun ?? run };
            const next = buildReference({
              claim: s.claim,
              backend: s.backend,
              host: s.host,
              preset: argv.preset,
              repeats: res.repeats,
              sweep: res.sweep,
              records: res.records,
              command: `reprobench reference update ${claimId} --preset ${argv.preset}`,
              card: recorded,
            });
            for (const line of describeReferenceChanges(before, next)) log(line);
            writeReference(path, next);
            log(`wrote ${relative(cwd, path)}`);
          },
        )
        .demandCommand(1, 'name a reference subcommand: update'),
  );
}

/** The card's file and git state; a shipped card is shown relative to the package. */
function cardOf(claimId: string, origin: string | undefined, cwd: string): CardSource {
  return cardSource(cardPath(claimId, origin, cwd), origin === 'built-in' ? PACKAGE_ROOT : cwd);
}
