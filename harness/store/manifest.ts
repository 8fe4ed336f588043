import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ReprobenchError } from '../errors.js';
import { writeJsonAtomic } from './atomic.js';

export const MANIFEST_SCHEMA_VERSION = 1;

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
  tuningTrials: z.array(z.string()),
  evalTrials: z.array(z.string()),
  /** The tuned point per `workload/method`. */
  chosen: z.record(z.string(), z.record(z.string(), z.union([z.number(), z.string(), z.boolean()]))),
});
export type Manifest = z.infer<typeof ManifestSchema>;

export function manifestPath(runDir: string): string {
  return join(runDir, 'manifest.json');
}

/** @throws ReprobenchError E_CORRUPT_RESULT when the manifest exists but does not validate */
export function readManifest(runDir: string): Manifest | null {
  const p = manifestPath(runDir);
  if (!existsSync(p)) return null;
  try {
    return ManifestSchema.parse(JSON.parse(readFileSync(p, 'utf8')));
  } catch (e) {
    throw new ReprobenchError('E_CORRUPT_RESULT', `run manifest ${p} is corrupt: ${(e as Error).message.split('\n')[0]}`, 'delete manifest.json (the trial files are kept) and rerun the command: it is rebuilt from the trials');
  }
}

export function writeManifest(runDir: string, m: Manifest): void {
  writeJsonAtomic(manifestPath(runDir), m);
}
