import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { ClaimDefinition } from './claim.js';
import { canonicalJson } from './trial.js';

/**
 * What a card commits to before its first standard run (docs/claims.md § Pre-registration): what
 * is compared (test type, workloads, arms), what counts (claimed effect, margin, the phenomenon's
 * null region, the predictor spec, the fixed-budget outcome, the validity checks), how hard it is tried (repeats, tuning
 * budget) and how close to the paper it is (fidelity). The tuning record is not: it is written
 * after the first run.
 */
export function preregisteredFields(c: ClaimDefinition): Record<string, unknown> {
  const fields = {
    testType: c.testType,
    claimedEffect: c.claimedEffect,
    margin: c.margin,
    fidelity: c.fidelity,
    repeats: c.repeats,
    tuning: c.tuning,
    workloads: c.workloads,
    methods: c.methods,
    baselines: c.baselines,
    validityChecks: c.validityChecks,
    outcome: c.outcome,
    phenomenon: c.phenomenon,
    predictor: c.predictor,
  };
  // Stored and recomputed the same way: a JSON round trip drops what is undefined.
  return JSON.parse(JSON.stringify(fields)) as Record<string, unknown>;
}

/** SHA-256 of the canonical JSON of the pre-registered fields. */
export function cardHash(fields: Record<string, unknown>): string {
  return createHash('sha256').update(canonicalJson(fields)).digest('hex');
}

/** A card as a reference run saw it. */
export const CardRecordSchema = z.object({
  hash: z.string(),
  /** The last commit of the card's file then; null outside version control. */
  commit: z.string().nullable(),
  fields: z.record(z.string(), z.unknown()),
  recordedAt: z.string(),
});
export type CardRecord = z.infer<typeof CardRecordSchema>;

/** The reference's record of the card: this run's, and the first run's, carried over by every refresh. */
export const ReferenceCardSchema = z.object({
  /** The card's file: relative to its git checkout, or to the project for an unversioned config. */
  file: z.string().nullable(),
  run: CardRecordSchema,
  firstRun: CardRecordSchema,
});
export type ReferenceCard = z.infer<typeof ReferenceCardSchema>;

export interface CardChange {
  /** Dotted path of the field, e.g. `margin.value`. */
  field: string;
  before: unknown;
  after: unknown;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Field by field: nested objects are descended into; arrays and values are compared whole. */
export function cardChanges(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  prefix = '',
): CardChange[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  const out: CardChange[] = [];
  for (const k of keys) {
    const b = before[k];
    const a = after[k];
    if (canonicalJson(b ?? null) === canonicalJson(a ?? null)) continue;
    if (isPlainObject(b) && isPlainObject(a)) out.push(...cardChanges(b, a, `${prefix}${k}.`));
    else out.push({ field: `${prefix}${k}`, before: b ?? null, after: a ?? null });
  }
  return out;
}

const shown = (v: unknown): string => (v === null ? '(none)' : JSON.stringify(v));
export const changeText = (c: CardChange): string => `${c.field}: ${shown(c.before)} → ${shown(c.after)}`;

export type PreregistrationStatus =
  | {
      kind: 'unchanged' | 'changed';
      commit: string | null;
      recordedAt: string;
      changes: CardChange[];
      /** "card changed since its first run (<commit>)", without the changes. */
      head: string;
      text: string;
      short: string;
    }
  | { kind: 'not-recorded' | 'no-reference' | 'unknown'; text: string; short: string };

/** Where the first run's card came from, for a person: the commit (short) or why there is none. */
function origin(first: CardRecord): string {
  return first.commit ? first.commit.slice(0, 10) : `not under version control, hash ${first.hash.slice(0, 10)}`;
}

/**
 * The card as judged now against the card of the claim's first reference run.
 * @param current this run's card (null: its summary predates pre-registration)
 * @param card the reference's record (undefined: the reference predates pre-registration;
 *   null: there is no reference)
 */
export function preregistrationStatus(
  current: { hash: string; fields: Record<string, unknown> } | null,
  card: ReferenceCard | null | undefined,
): PreregistrationStatus {
  if (card === null) {
    const text = 'no reference yet: the card is pre-registered by its first `reprobench reference update`';
    return { kind: 'no-reference', text, short: 'no reference yet' };
  }
  if (card === undefined) {
    const text = 'card not recorded: the reference predates pre-registration';
    return { kind: 'not-recorded', text, short: text };
  }
  if (current === null) {
    const text = 'card not compared: this summary was written before cards were recorded (rerun the claim)';
    return { kind: 'unknown', text, short: 'card not compared' };
  }
  const first = card.firstRun;
  const since = `since its first run (${origin(first)})`;
  if (current.hash === first.hash) {
    const text = `card unchanged ${since}`;
    return {
      kind: 'unchanged',
      commit: first.commit,
      recordedAt: first.recordedAt,
      changes: [],
      head: text,
      text,
      short: text,
    };
  }
  const changes = cardChanges(first.fields, current.fields);
  return {
    kind: 'changed',
    commit: first.commit,
    recordedAt: first.recordedAt,
    changes,
    head: `card changed ${since}`,
    text: `card changed ${since}: ${changes.map(changeText).join('; ')}`,
    short: `card changed ${since}: ${changes.map((c) => c.field).join(', ')}`,
  };
}
