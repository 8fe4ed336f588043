import { join, relative, resolve } from 'node:path';
import type { Argv } from 'yargs';
import { printLine } from '../terminal-text.js';
import { checkSeeds } from '../../core/limits.js';
import { BACKEND_CHOICES } from '../../backends/select.js';
import { loadRegistries } from '../../builtins.js';
import { ReprobenchError } from '../../errors.js';
import { missingText } from '../../scheduler/merge-runs.js';
import { planPhases, type PhaseContext } from '../../plan/phases.js';
import { resolveRun } from '../../plan/resolve-run.js';
import { readTrials } from '../../store/trial-store.js';
import { nonEmptyPath, positive } from '../options.js';
import { planningBackend } from './plan.js';

export function waitCommand(y: Argv) {
  return y.command(
    'wait <claim>',
    'wait until every trial of a phase is finished in a run directory that shards write to (used by the Kubernetes Jobs of `reprobench k8s`)',
    (c) =>
      c
        .positional('claim', { type: 'string', demandOption: true, describe: 'claim id' })
        .option('phase', {
          choices: ['tuning', 'recheck', 'evaluation'] as const,
          demandOption: true,
          describe: 'the phase whose trials must all be finished (recheck: the tuning re-check)',
        })
        .option('out', { type: 'string', describe: 'run directory (default: runs/<claim>)' })
        .option('preset', {
          choices: ['quick', 'standard'] as const,
          default: 'quick' as const,
          describe: 'as given to the shards',
        })
        .option('seeds', { type: 'number', describe: 'as given to the shards' })
        .option('backend', { choices: BACKEND_CHOICES, default: 'auto' as const, describe: 'as given to the shards' })
        .option('timeout', { type: 'number', default: 86_400, describe: 'seconds to wait before failing' })
        .option('interval', { type: 'number', default: 10, describe: 'seconds between looks' })
        .check((argv) => {
          nonEmptyPath(argv['out'], '--out');
          checkSeeds(argv.seeds, '--seeds');
          positive(argv.timeout, '--timeout');
          positive(argv.interval, '--interval');
          return true;
        }),
    async (argv) => {
      const cwd = process.cwd();
      const registries = await loadRegistries(cwd);
      const claim = registries.claims.get(argv.claim);
      const backend = await planningBackend(argv.backend, registries, claim);
      const runDir = resolve(argv.out ?? join('runs', claim.id));
      const ctx: PhaseContext = { registries, claim, backend, ...resolveRun(claim, argv.preset, argv.seeds) };
      const deadline = Date.now() + argv.timeout * 1000;
      let last = '';
      for (;;) {
        const plan = planPhases(ctx, readTrials(runDir));
        const missing = {
          tuning: plan.tuningMissing,
          recheck: plan.recheckMissing,
          evaluation: plan.evaluationMissing,
        }[argv.phase];
        const done = missing?.length === 0;
        if (done) {
          printLine(`${argv.phase} of ${claim.id} is complete in ${relative(cwd, runDir) || '.'}`);
          return;
        }
        const now = missingText(plan);
        if (now !== last) printLine(`waiting: ${now}`);
        last = now;
        if (Date.now() > deadline) {
          throw new ReprobenchError(
            'E_RUN_INCOMPLETE',
            `gave up after ${argv.timeout} s: ${now}`,
            'look at the shards of that phase (`kubectl logs`, failed indexes in `kubectl describe job`); rerun failed shards, then this',
          );
        }
        await new Promise((r) => setTimeout(r, argv.interval * 1000));
      }
    },
  );
}
