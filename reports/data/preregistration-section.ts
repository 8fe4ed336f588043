import type { ClaimSummary } from '../../harness/analysis/summary.js';
import { preregistrationStatus, type PreregistrationStatus } from '../../harness/core/preregistration.js';
import { isReprobenchError } from '../../harness/errors.js';
import { findReferences, readReference } from '../../harness/store/reference.js';

/**
 * The judged card against the card its reference recorded at the claim's first run: the reference
 * of the summary's numerics class where there is one, else the first (as the report's comparison).
 */
export function preregistrationOf(summary: ClaimSummary, cwd: string): PreregistrationStatus {
  const files = findReferences(cwd, summary.claim.id);
  if (files.length === 0) return preregistrationStatus(summary.card ?? null, null);
  try {
    const refs = files.map(readReference);
    const ref = refs.find((r) => r.numericsClass === summary.numericsClass) ?? refs[0]!;
    return preregistrationStatus(summary.card ?? null, ref.card);
  } catch (e) {
    const why = isReprobenchError(e) ? e.code : 'error';
    return { kind: 'unknown', text: `card not compared: the reference could not be read (${why})`, short: 'card not compared' };
  }
}
