import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ReprobenchError } from '../errors.js';
import {
  LEGACY_TRIAL_SCHEMA_VERSION,
  TRIAL_SCHEMA_VERSION,
  trialId,
  type TrialRecord,
  type TrialStatus,
} from '../core/trial.js';
import { writeJsonAtomic } from './atomic.js';
import {
  impossibleOutcome,
  LegacyTrialFileSchema,
  trialContentHash,
  TrialFileSchema,
  trialFileOf,
} from './trial-integrity.js';

/** Statuses that are results: a rerun reuses them. `failed` and `timeout` are retried. */
export const FINISHED_STATUSES: readonly TrialStatus[] = ['reached', 'censored', 'diverged'];

export function isFinished(t: TrialRecord): boolean {
  return FINISHED_STATUSES.includes(t.status);
}

/**
 * Refuses to draw a conclusion from trials none of which has a result: all failed or timed out
 * (a broken method, an unusable dataset cache). Missing trials (not run yet) do not count.
 * @throws ReprobenchError E_NO_USABLE_TRIAL with the first failure's reason
 */
export function requireUsable(records: Array<TrialRecord | undefined>, what: string, hint: string): void {
  const present = records.filter((r): r is TrialRecord => r !== undefined);
  if (present.length === 0 || present.some(isFinished)) return;
  const first = present[0]!;
  throw new ReprobenchError(
    'E_NO_USABLE_TRIAL',
    `${what}: all ${present.length} trial${present.length === 1 ? '' : 's'} ${present.length === 1 ? 'has' : 'have'} no result ` +
      `(failed or timed out); the first, ${first.id}, ${first.status === 'timeout' ? 'timed out' : 'failed'}: ${first.outcome.reason}`,
    hint,
  );
}

export function trialsDir(runDir: string): string {
  return join(runDir, 'trials');
}

export function trialPath(runDir: string, id: string): string {
  return join(trialsDir(runDir), `${id}.json`);
}

/** Writes a trial file of the current schema version, with its content hash. */
export function writeTrial(runDir: string, record: TrialRecord): void {
  writeJsonAtomic(trialPath(runDir, record.id), trialFileOf(record));
}

/**
 * Parses and validates one stored trial: its schema, its name, its id (the hash of its
 * configuration), its content hash (version 2 files; version 1 files predate it) and whether its
 * outcome is possible for its configuration.
 * @throws ReprobenchError E_CORRUPT_RESULT (unparsable, invalid, edited, impossible, or named for
 *   another id), E_SCHEMA_VERSION (written by an incompatible reprobench)
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
  if (typeof version === 'number' && version !== TRIAL_SCHEMA_VERSION && version !== LEGACY_TRIAL_SCHEMA_VERSION) {
    throw new ReprobenchError(
      'E_SCHEMA_VERSION',
      `trial file ${shownAs} has schema version ${version}; this reprobench reads version ${TRIAL_SCHEMA_VERSION}`,
      version > TRIAL_SCHEMA_VERSION
        ? 'upgrade reprobench to read it'
        : 'move the old run directory aside and rerun the claim to regenerate its trials',
    );
  }
  const parsed = (version === LEGACY_TRIAL_SCHEMA_VERSION ? LegacyTrialFileSchema : TrialFileSchema).safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw corrupt(`${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  const { contentHash, ...record } = parsed.data as TrialRecord & { contentHash?: string };
  const expected = path.replace(/^.*[\\/]/, '').replace(/\.json$/, '');
  if (record.id !== expected) throw corrupt(`it holds trial ${record.id}, not ${expected}`);
  const hashed = trialId(record.config);
  if (record.id !== hashed) {
    throw corrupt(`its id ${record.id} is not the hash of its configuration (${hashed}): the configuration was edited`);
  }
  if (contentHash !== undefined && trialContentHash(raw) !== contentHash) {
    throw corrupt('it does not match its content hash: it was edited by hand or damaged');
  }
  const impossible = impossibleOutcome(record);
  if (impossible) throw corrupt(`its outcome is impossible: ${impossible}`);
  return record;
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
