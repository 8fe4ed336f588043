import { join, resolve } from 'node:path';
import type { Argv } from 'yargs';
import { printText, terminalJson } from '../terminal-text.js';
import { checkSeeds } from '../../core/limits.js';
import {
  BACKEND_CHOICES,
  initBackend,
  namedBackend,
  type BackendInfo,
  type BackendRequest,
} from '../../backends/select.js';
import type { ClaimDefinition } from '../../core/claim.js';
import type { Registries } from '../../core/registries.js';
import { claimProbeModels } from '../../runner/probe-models.js';
import { loadRegistries } from '../../builtins.js';
import { formatDuration } from '../../plan/estimate.js';
import { listPlan, type PlanListing } from '../../plan/plan-listing.js';
import { resolveRun } from '../../plan/resolve-run.js';
import { readTrials } from '../../store/trial-store.js';
import { defaultCacheDir } from '../../store/cache-dir.js';
import { nonEmptyPath, shardCount } from '../options.js';

/**
 * Explicit backends are only named (a login node need not load tfjs-node-gpu to plan for a GPU
 * node); `auto` is resolved here, by the same probe of the claim's workloads a run makes (cached,
 * so plan and run agree on this machine).
 */
export async function planningBackend(
  request: BackendRequest,
  registries: Registries,
  claim: ClaimDefinition,
  cacheDir = defaultCacheDir(),
): Promise<BackendInfo> {
  return request === 'auto'
    ? initBackend('auto', { probe: () => claimProbeModels(registries, claim, cacheDir), cacheDir })
    : namedBackend(request);
}

export function planCommand(y: Argv) {
  return y.command(
    'plan <claim>',
    'list the trials a run of the claim plans, with their ids, phase, estimated cost and (with --shards) shard',
    (c) =>
      c
        .positional('claim', {
          type: 'string',
          demandOption: true,
          describe: 'claim id (see `reprobench list claims`)',
        })
        .option('preset', {
          choices: ['quick', 'standard'] as const,
          default: 'quick' as const,
          describe: 'how many repeats',
        })
        .option('seeds', { type: 'number', describe: 'repeats per method and workload, overriding the preset' })
        .option('backend', {
          choices: BACKEND_CHOICES,
          default: 'auto' as const,
          describe: 'the backend the trials will run on (part of every trial id)',
        })
        .option('out', {
          type: 'string',
          describe: 'run directory whose finished trials count as done (default: runs/<claim>)',
        })
        .option('shards', {
          type: 'number',
          describe: 'also assign each trial to one of this many shards, as `run --shard k/<shards>` would',
        })
        .option('json', { type: 'boolean', default: false, describe: 'print the plan as JSON' })
        .check((argv) => {
          nonEmptyPath(argv['out'], '--out');
          checkSeeds(argv.seeds, '--seeds');
          shardCount(argv.shards, '--shards');
          return true;
        })
        .example('$0 plan adan --shards 8 --json', 'trial ids, phases, costs and shard numbers for an 8-way split'),
    async (argv) => {
      const cwd = process.cwd();
      const registries = await loadRegistries(cwd);
      const claim = registries.claims.get(argv.claim);
      const backend = await planningBackend(argv.backend, registries, claim);
      const stored = readTrials(resolve(argv.out ?? join('runs', claim.id)));
      const listing = listPlan(
        { registries, claim, backend, ...resolveRun(claim, argv.preset, argv.seeds) },
        stored,
        argv.shards ?? null,
      );
      if (argv.json) process.stdout.write(terminalJson(listing) + '\n');
      else printText(planText(listing));
    },
  );
}

export function planText(p: PlanListing): string {
  const lines = [
    `plan for claim ${p.claim.id} v${p.claim.version} (${p.preset}, ${p.repeats} repeats, ${p.numericsClass}):`,
  ];
  lines.push(`  tuning: ${p.phases.tuning.trials} trials, ${p.phases.tuning.done} done`);
  const rc = p.phases.recheck;
  if (rc) {
    lines.push(
      rc.planned
        ? `  tuning re-check: ${rc.trials} trials, ${rc.done} done`
        : `  tuning re-check: up to ${rc.trials} trials (ids known once the first tuning phase is complete)`,
    );
  }
  lines.push(
    `  evaluation: ${p.phases.evaluation.trials} trials, ${p.phases.evaluation.done} done${p.phases.evaluation.planned ? '' : ' (ids known once tuning is complete)'}`,
  );
  const most = rc && !rc.planned ? '; the re-check at its most' : '';
  lines.push(
    `  estimated: ${formatDuration(p.estimatedSeconds)} of trial time (from the workloads' step-time hints${most})`,
  );
  for (const s of p.shardTotals ?? []) {
    const part = (x: { trials: number; estimatedSeconds: number } | null, name: string, later: string) =>
      x ? `${x.trials} ${name} (${formatDuration(x.estimatedSeconds)})` : later;
    const parts = [
      part(s.tuning, 'tuning', ''),
      ...(rc ? [part(s.recheck, 're-check', 're-check after tuning')] : []),
      part(s.evaluation, 'evaluation', 'evaluation after tuning'),
    ];
    lines.push(`  shard ${s.shard}/${p.shards}: ${parts.join(', ')}`);
  }
  for (const t of p.trials)
    lines.push(
      `    ${t.id ?? '(after tuning)'.padEnd(16)} ${t.phase.padEnd(10)} ${t.done ? 'done' : 'todo'} ${t.shard ? `shard ${t.shard} ` : ''}${t.label}`,
    );
  return lines.join('\n') + '\n';
}
