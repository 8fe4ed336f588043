import type { ClaimSummary } from '../../harness/analysis/summary.js';
import { preregistrationStatus, type PreregistrationStatus } from '../../harness/core/preregistration.js';
import { isReprobenchError } from '../../harness/errors.js';
import type { ClaimReferences } from '../../harness/store/reference.js';

/**
 * The judged card against the card its reference recorded at the claim's first run: the reference
 * of the summary's numerics class where there is one, else one that recorded its card (a run on
 * blas then compares with the wasm reference, not with an older one made before cards were recorded).
 */
export function preregistrationOf(summary: ClaimSummary, loaded: ClaimReferences): PreregistrationStatus {
  if (loaded.refs === null) {
    const why = isReprobenchError(loaded.error) ? loaded.error.code : 'error';
    return {
      kind: 'unknown',
      text: `card not compared: the reference could not be read (${why})`,
      short: 'card not compared',
    };
  }
  const refs = loaded.refs;
  if (refs.length === 0) return preregistrationStatus(summary.card ?? null, null);
  const ref =
    refs.find((r) => r.numericsClass === summary.numericsClass) ?? refs.find((r) => r.card !== undefined) ?? refs[0]!;
  return preregistrationStatus(summary.card ?? null, ref.card);
}
