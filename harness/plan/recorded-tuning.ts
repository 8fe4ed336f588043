import { relative } from 'node:path';
import type { ClaimDefinition, Preset } from '../core/claim.js';
import { armsOf, workloadsFor } from './plan.js';
import { findReferences, readReference, type ReferenceFile } from '../store/reference.js';
import { chosenPoints, choiceKey, type TuningResult } from '../tuning/result.js';

/** A tuning result a committed reference recorded, and where it came from. */
export interface RecordedTuning {
  result: TuningResult;
  /** The reference file, relative to the working directory. */
  file: string;
}

/**
 * The quick preset's tuning: the points the claim's committed standard-preset reference chose
 * (the card's current version; wasm class first), reused instead of tuning again. A quick trial is
 * then the standard run's own trial (same points, same seeds), the quick run costs its evaluation
 * only, and the standard preset still tunes from scratch. Null when there is no such reference,
 * or it lacks a choice for one of the quick preset's (workload, arm) pairs: then the quick preset tunes.
 * @throws ReprobenchError from readReference when a reference file is damaged
 */
export function recordedTuning(claim: ClaimDefinition, preset: Preset, cwd = process.cwd()): RecordedTuning | null {
  if (preset !== 'quick' || !claim.tuning) return null;
  const needed = workloadsFor(claim, preset).flatMap((w) => armsOf(claim).map((a) => choiceKey(w, a.method)));
  const usable = findReferences(cwd, claim.id)
    .map((file) => ({ file, ref: readReference(file) }))
    .filter(
      (x): x is { file: string; ref: ReferenceFile & { tuning: NonNullable<ReferenceFile['tuning']> } } =>
        x.ref.claim.version === claim.version &&
        x.ref.preset === 'standard' &&
        x.ref.tuning !== null &&
        needed.every((k) => k in chosenPoints(x.ref.tuning)),
    )
    .sort((a, b) => Number(b.ref.numericsClass.startsWith('wasm')) - Number(a.ref.numericsClass.startsWith('wasm')));
  const pick = usable[0];
  if (!pick) return null;
  const file = relative(cwd, pick.file) || pick.file;
  const keep = new Set(needed);
  const t = pick.ref.tuning;
  return {
    file,
    result: {
      kind: t.kind,
      description: `${t.description}; chosen by the standard run of ${pick.ref.createdAt.slice(0, 10)} (${file}) and reused by the quick preset, not re-run`,
      rows: t.rows.filter((r) => keep.has(choiceKey(r.workload, r.method))),
      choices: t.choices.filter((c) => keep.has(choiceKey(c.workload, c.method))),
    },
  };
}
