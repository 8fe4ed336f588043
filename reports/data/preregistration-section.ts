import type { ClaimSummary } from '../../harness/analysis/summary.js';
import { preregistrationStatus, type PreregistrationStatus } from '../../harness/core/preregistration.js';
import { isReprobenchError } from '../../harness/errors.js';
import { findReferences, readReference } from '../../harness/store/reference.js';

/**
 * The judged card against the card its reference recorded at the claim's first run: the reference
 * of the summary's numerics class where there is one, else one that recorded its card (a run on
 * blas then compares with the wasm reference, not with an older one made before cards were recorded).
 */
export function preregistrationOf(summary: ClaimSummary, cwd: string): PreregistrationStatus {
  const files = findReferences(cwd, summary.claim.id);
  if (files.length === 0) return preregistrationStatus(summary.card ?? null, null);
  try {
    const refs = files.map(readReference);
    const ref = refs.find((r) => r.numericsClass === summary.numericsClass) ?? refs.find((r) => r.card !== undefined) ?? refs[0]!;
    return preregistrationStatus(summary.card ?? null, ref.card);
  } catch (e) {
    const why = isReprobenchError(e) ? e.code : 'error';
    return { kind: 'unknown', text: `card not compared: the reference could not be read (${why})`, short: 'card not compared' };
  }
}
