import { relative } from 'node:path';
import { lineReporter, ttyReporter } from '../../scheduler/progress.js';
import { runShard } from '../../scheduler/run-shard.js';
import { parseShard, shardText } from '../../plan/shard.js';

export interface ShardArgs {
  preset: 'quick' | 'standard';
  seeds?: number | undefined;
  backend: Parameters<typeof runShard>[0]['backend'];
  workers: number;
  'cache-dir': string;
  'trial-timeout': number;
  shard: string;
  phase?: 'tuning' | 'recheck' | 'evaluation' | 'all' | undefined;
}

/** `run <claim> --shard i/n`: this machine's share of a phase; `merge` joins the shards later. */
export async function runShardFromCli(
  argv: ShardArgs,
  claim: string,
  runDir: string,
  cacheDir: string,
  log: (l: string) => void,
): Promise<void> {
  const tty = Boolean(process.stdout.isTTY);
  const shard = parseShard(argv.shard);
  const res = await runShard({
    claim,
    preset: argv.preset,
    ...(argv.seeds !== undefined ? { seeds: argv.seeds } : {}),
    backend: argv.backend,
    workers: argv.workers,
    runDir,
    cacheDir,
    cwd: process.cwd(),
    trialTimeoutSec: argv['trial-timeout'],
    shard,
    phase: argv.phase ?? 'all',
    command: ['reprobench', ...process.argv.slice(2)].join(' '),
    reporter: tty ? ttyReporter(argv.workers) : lineReporter(log),
    log,
  });
  for (const p of res.phases) {
    log(
      `${p.phase}, shard ${shardText(shard)}: ${p.share.length} of ${p.planned} trials, ${p.ran} run now, ${p.share.length - p.ran} reused${p.unfinished.length ? `, ${p.unfinished.length} FAILED or timed out` : ''}`,
    );
  }
  const unfinished = res.phases.flatMap((p) => p.unfinished);
  if (unfinished.length) {
    log(
      `shard ${shardText(shard)} is not complete: run the same command again to retry ${unfinished.length} trial${unfinished.length === 1 ? '' : 's'} (finished ones are kept)`,
    );
    process.exitCode = 1;
  } else {
    log(
      `shard ${shardText(shard)} complete in ${relative(process.cwd(), runDir) || '.'}; when every shard is, \`reprobench merge <run-dirs...> --out DIR\` writes the summary and report`,
    );
  }
}
