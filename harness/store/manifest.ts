import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { z } from 'zod';
import { ReprobenchError } from '../errors.js';
import { writeJsonAtomic } from './atomic.js';

export const MANIFEST_SCHEMA_VERSION = 1;

/** One job `reprobench slurm` submitted. */
export const SlurmJobSchema = z.object({
  role: z.enum(['tuning', 'recheck', 'evaluation', 'merge']),
  jobId: z.string(),
  /** The array indices submitted (`1-4`, or `2,4` when a rerun resubmits unfinished shards); null for the merge job. */
  array: z.string().nullable(),
  /** The batch script as submitted. */
  script: z.string(),
  /** Where the script was written, relative to the run directory. */
  scriptFile: z.string(),
  /** The exact `sbatch` command line. */
  command: z.string(),
});
export type SlurmJob = z.infer<typeof SlurmJobSchema>;

export const SlurmSubmissionSchema = z.object({
  submittedAt: z.string(),
  arraySize: z.number().int().positive(),
  /** The `reprobench slurm` command line that submitted. */
  command: z.string(),
  jobs: z.array(SlurmJobSchema),
});
export type SlurmSubmission = z.infer<typeof SlurmSubmissionSchema>;

export const MergeRecordSchema = z.object({
  mergedAt: z.string(),
  /** The directories merged (relative to the run directory), with how many trial files each held and its shard files. */
  sources: z.array(
    z.object({ dir: z.string(), trialFiles: z.number().int().nonnegative(), shards: z.array(z.string()) }),
  ),
  /** Trials found in more than one directory with the same result. */
  duplicates: z.number().int().nonnegative(),
});
export type MergeRecord = z.infer<typeof MergeRecordSchema>;

export const ManifestSchema = z.object({
  schemaVersion: z.literal(MANIFEST_SCHEMA_VERSION),
  claim: z.object({ id: z.string(), version: z.number().int() }),
  preset: z.enum(['quick', 'standard']),
  repeats: z.number().int(),
  backend: z.string(),
  numericsClass: z.string(),
  backendReasons: z.array(z.string()),
  configFile: z.string().nullable(),
  /** The command line as typed (arguments only, no paths outside the run). */
  command: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  status: z.enum(['running', 'complete']),
  /** Every tuning trial: the first phase, then the re-check (once planned). */
  tuningTrials: z.array(z.string()),
  evalTrials: z.array(z.string()),
  /** The tuned point per `workload/method`. */
  chosen: z.record(z.string(), z.record(z.string(), z.union([z.number(), z.string(), z.boolean()]))),
  /** Set by `reprobench slurm`: every submission, newest last (optional: older manifests lack it). */
  slurm: z.object({ submissions: z.array(SlurmSubmissionSchema) }).optional(),
  /** Set by `reprobench merge`: where the trials came from. */
  merge: MergeRecordSchema.optional(),
});
export type Manifest = z.infer<typeof ManifestSchema>;

export function manifestPath(runDir: string): string {
  return join(runDir, 'manifest.json');
}

/** @throws ReprobenchError E_CORRUPT_RESULT when the manifest exists but does not validate */
export function readManifest(runDir: string): Manifest | null {
  const p = manifestPath(runDir);
  if (!existsSync(p)) return null;
  const corrupt = (why: string) =>
    new ReprobenchError(
      'E_CORRUPT_RESULT',
      `run manifest ${relative(process.cwd(), p) || p} is corrupt: ${why}`,
      'restore it, or delete it (the trial files are kept) and rerun `reprobench run` with --force, which rebuilds it from the trials',
    );
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(p, 'utf8'));
  } catch (e) {
    throw corrupt((e as Error).message.split('\n')[0]!);
  }
  const parsed = ManifestSchema.safeParse(raw);
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    throw corrupt(`${i.path.join('.') || '(root)'}: ${i.message}`);
  }
  return parsed.data;
}

export function writeManifest(runDir: string, m: Manifest): void {
  writeJsonAtomic(manifestPath(runDir), m);
}
