import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { z } from 'zod';
import { ReprobenchError } from '../errors.js';
import { writeJsonAtomic } from './atomic.js';

export const SHARD_FILE_SCHEMA_VERSION = 1;

/**
 * `shards/<phase>-<i>-of-<n>.json`: what one `run --shard` did in a run directory. Shards never
 * write `manifest.json` (they may share a directory, and the manifest belongs to the whole run);
 * `merge` reads the run's settings from these files and `slurm` reads how far each shard got.
 */
export const ShardFileSchema = z.object({
  schemaVersion: z.literal(SHARD_FILE_SCHEMA_VERSION),
  claim: z.object({ id: z.string(), version: z.number().int() }),
  preset: z.enum(['quick', 'standard']),
  repeats: z.number().int().positive(),
  backend: z.string(),
  numericsClass: z.string(),
  configFile: z.string().nullable(),
  phase: z.enum(['tuning', 'recheck', 'evaluation']),
  shard: z.object({ index: z.number().int().positive(), count: z.number().int().positive() }),
  /** The shard's trials, in plan order. */
  trials: z.array(z.string()),
  /** Of those, the ones without a finished result (failed, timed out, or not run yet). */
  unfinished: z.array(z.string()),
  status: z.enum(['running', 'complete', 'incomplete']),
  command: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ShardFile = z.infer<typeof ShardFileSchema>;

export function shardFileName(phase: ShardFile['phase'], index: number, count: number): string {
  return `${phase}-${index}-of-${count}.json`;
}

export function writeShardFile(runDir: string, f: ShardFile): void {
  writeJsonAtomic(join(runDir, 'shards', shardFileName(f.phase, f.shard.index, f.shard.count)), f);
}

/** @throws ReprobenchError E_CORRUPT_RESULT when a shard file does not validate */
export function readShardFiles(runDir: string): ShardFile[] {
  const dir = join(runDir, 'shards');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => n.endsWith('.json') && !n.startsWith('.tmp-'))
    .sort()
    .map((n) => {
      const p = join(dir, n);
      const parsed = (() => {
        try {
          return ShardFileSchema.safeParse(JSON.parse(readFileSync(p, 'utf8')));
        } catch (e) {
          return { success: false as const, error: { issues: [{ path: [], message: (e as Error).message }] } };
        }
      })();
      if (!parsed.success) {
        const i = parsed.error.issues[0]!;
        throw new ReprobenchError(
          'E_CORRUPT_RESULT',
          `shard file ${relative(process.cwd(), p) || p} is corrupt: ${i.path.join('.') || '(root)'}: ${i.message}`,
          'delete it (the trial files are what counts) and rerun that shard',
        );
      }
      return parsed.data;
    });
}
