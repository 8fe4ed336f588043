import { ReprobenchError } from '../errors.js';
import type { PlannedTrial } from './plan.js';

/** Shard `index` of `count`, 1-based as `--shard 2/4` writes it (like vitest's and Playwright's `--shard`). */
export interface ShardSpec {
  index: number;
  count: number;
}

/** @throws ReprobenchError E_BAD_OPTION unless `text` is `i/n` with 1 ≤ i ≤ n */
export function parseShard(text: string): ShardSpec {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index < 1 || index > count) {
    throw new ReprobenchError(
      'E_BAD_OPTION',
      `--shard must be i/n with 1 ≤ i ≤ n, got "${text}"`,
      'for example --shard 1/4 … --shard 4/4 (shards count from 1)',
    );
  }
  return { index, count };
}

export const shardText = (s: ShardSpec): string => `${s.index}/${s.count}`;

/**
 * Splits trials into `count` shards of about equal estimated cost: longest first onto the least
 * loaded shard (ties: the lower trial id first, the lower shard first). It depends only on the
 * trials (their ids and planned costs), so every machine and every rerun computes the same
 * partition, and each trial lands in exactly one shard.
 */
export function partition(trials: PlannedTrial[], count: number, cost: (t: PlannedTrial) => number): PlannedTrial[][] {
  // A plan may name one trial twice (two arms with the same configuration): it is one unit of work.
  const unique = [...new Map(trials.map((t) => [t.id, t])).values()];
  const shards: PlannedTrial[][] = Array.from({ length: count }, () => []);
  const load = new Array<number>(count).fill(0);
  const ordered = unique
    .map((t) => ({ t, c: cost(t) }))
    .sort((a, b) => b.c - a.c || (a.t.id < b.t.id ? -1 : a.t.id > b.t.id ? 1 : 0));
  for (const { t, c } of ordered) {
    let k = 0;
    for (let j = 1; j < count; j++) if (load[j]! < load[k]!) k = j;
    shards[k]!.push(t);
    load[k]! += c;
  }
  // Within a shard, keep plan order: runs read better and the pool starts in the same order as `run`.
  const order = new Map(unique.map((t, i) => [t.id, i]));
  for (const s of shards) s.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  return shards;
}

/** The trials of one shard. */
export function shardShare(
  trials: PlannedTrial[],
  shard: ShardSpec,
  cost: (t: PlannedTrial) => number,
): PlannedTrial[] {
  return partition(trials, shard.count, cost)[shard.index - 1]!;
}
