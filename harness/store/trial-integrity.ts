import { createHash } from 'node:crypto';
import { z } from 'zod';
import {
  canonicalJson,
  LEGACY_TRIAL_SCHEMA_VERSION,
  TRIAL_SCHEMA_VERSION,
  TrialRecordSchema,
  type TrialConfig,
  type TrialRecord,
} from '../core/trial.js';

/**
 * What a trial file holds on disk: the record and, since schema version 2, the SHA-256 of the
 * canonical JSON of everything else in the file (as reference files have), so a hand edit or
 * damage is found on read. Version 1 files predate the hash; they are read as they are (see
 * {@link readTrialFile}): rewriting them with a hash would certify content nobody can vouch for.
 */
export const TrialFileSchema = TrialRecordSchema.extend({
  schemaVersion: z.literal(TRIAL_SCHEMA_VERSION),
  /** SHA-256 of the canonical JSON of every other field of the file. */
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
});
export const LegacyTrialFileSchema = TrialRecordSchema.extend({
  schemaVersion: z.literal(LEGACY_TRIAL_SCHEMA_VERSION),
});

/** The hash over a trial file's fields other than `contentHash`, as they read back from JSON. */
export function trialContentHash(fields: unknown): string {
  const { contentHash: _ignored, ...rest } = fields as Record<string, unknown>;
  return createHash('sha256').update(canonicalJson(rest)).digest('hex');
}

/** The file form of a record: current schema version, and its content hash last. */
export function trialFileOf(record: TrialRecord): TrialRecord & { contentHash: string } {
  // Hashed as it reads back (NaN → null, -0 → 0), so the reader's hash is the writer's.
  const plain = JSON.parse(JSON.stringify({ ...record, schemaVersion: TRIAL_SCHEMA_VERSION })) as TrialRecord;
  return { ...plain, contentHash: trialContentHash(plain) };
}

interface OutcomeParts {
  config: Pick<TrialConfig, 'budget'>;
  status: TrialRecord['status'];
  outcome: Pick<TrialRecord['outcome'], 'stepsToTarget' | 'stepsRun'>;
  curve: Array<{ step: number }>;
}

/**
 * Why an outcome cannot have come from a trial of this configuration, or null. The schema already
 * refuses negative and fractional step counts; these are the rules that relate fields: nothing runs
 * beyond the step budget, the target is met within the steps run, and only a `reached` trial (one
 * that met the target, even if it diverged later) has steps to target.
 */
export function impossibleOutcome(t: OutcomeParts): string | null {
  const budget = t.config.budget.steps;
  const { stepsToTarget, stepsRun } = t.outcome;
  if (stepsRun > budget) return `outcome.stepsRun ${stepsRun} is beyond the budget of ${budget} steps`;
  if (stepsToTarget !== null && stepsToTarget > stepsRun) {
    return `outcome.stepsToTarget ${stepsToTarget} is beyond the ${stepsRun} steps the trial ran`;
  }
  if ((t.status === 'reached') !== (stepsToTarget !== null)) {
    return t.status === 'reached'
      ? 'a reached trial has no outcome.stepsToTarget'
      : `a ${t.status} trial has outcome.stepsToTarget ${stepsToTarget}`;
  }
  const beyond = t.curve.find((p) => p.step > budget);
  if (beyond) return `an eval at step ${beyond.step} is beyond the budget of ${budget} steps`;
  return null;
}
