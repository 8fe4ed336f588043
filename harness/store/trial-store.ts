import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ReprobenchError } from '../errors.js';
import { TRIAL_SCHEMA_VERSION, TrialRecordSchema, type TrialRecord, type TrialStatus } from '../core/trial.js';
import { writeJsonAtomic } from './atomic.js';

/** Statuses that are results: a rerun reuses them. `failed` and `timeout` are retried. */
export const FINISHED_STATUSES: readonly TrialStatus[] = ['reached', 'censored', 'diverged'];

export function isFinished(t: TrialRecord): boolean {
  return FINISHED_STATUSES.includes(t.status);
}

export function trialsDir(runDir: string): string {
  return join(runDir, 'trials');
}

export function trialPath(runDir: string, id: string): string {
  return join(trialsDir(runDir), `${id}.json`);
}

export function writeTrial(runDir: string, record: TrialRecord): void {
  writeJsonAtomic(trialPath(runDir, record.id), record);
}

/**
 * Parses and validates one stored trial.
 * @throws ReprobenchError E_CORRUPT_RESULT (unparsable, invalid, or named for another id),
 *   E_SCHEMA_VERSION (written by an incompatible reprobench)
 */
export function parseTrialFile(path: string, text: string, shownAs = path): TrialRecord {
  const corrupt = (why: string) =>
    new ReprobenchError(
      'E_CORRUPT_RESULT',
      `trial file ${shownAs} is corrupt: ${why}`,
      `move it out of the run directory (nothing else is affected) and run the same command again to recompute that trial`,
    );
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw corrupt(`not valid JSON (${(e as Error).message})`);
  }
  const version = (raw as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version === 'number' && version !== TRIAL_SCHEMA_VERSION) {
    throw new ReprobenchError(
      'E_SCHEMA_VERSION',
      `trial file ${shownAs} has schema version ${version}; this reprobench reads version ${TRIAL_SCHEMA_VERSION}`,
      version > TRIAL_SCHEMA_VERSION
        ? 'upgrade reprobench to read it'
        : 'move the old run directory aside and rerun the claim to regenerate its trials',
    );
  }
  const parsed = TrialRecordSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw corrupt(`${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  const expected = path.replace(/^.*[\\/]/, '').replace(/\.json$/, '');
  if (parsed.data.id !== expected) throw corrupt(`it holds trial ${parsed.data.id}, not ${expected}`);
  return parsed.data;
}

/** Every stored trial of a run directory, validated; temp files of interrupted writes are ignored. */
export function readTrials(runDir: string): Map<string, TrialRecord> {
  const dir = trialsDir(runDir);
  const out = new Map<string, TrialRecord>();
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.json') || name.startsWith('.tmp-')) continue;
    const path = join(dir, name);
    const rec = parseTrialFile(path, readFileSync(path, 'utf8'), relative(process.cwd(), path) || path);
    out.set(rec.id, rec);
  }
  return out;
}
