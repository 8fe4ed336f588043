import type { ClaimSummary } from '../../harness/analysis/summary.js';
import { compareWithReference, type CheckComparison } from '../../harness/check/compare.js';
import type { TrialRecord } from '../../harness/core/trial.js';
import { isReprobenchError } from '../../harness/errors.js';
import type { ClaimReferences } from '../../harness/store/reference.js';
import { summarizeCurves, type CurveSummary } from './curves.js';

export interface ReferenceSection {
  numericsClass: string;
  createdAt: string;
  repeats: number;
  /** Present when the reference could be read. */
  comparison: CheckComparison | null;
  /** Why it could not (tampered, other schema version), shown instead of the comparison. */
  error: string | null;
  /** Median curves of the reference per `${workload}|${method}`, for the overlay. */
  curves: Record<string, CurveSummary>;
}

/** The stored reference closest to this run (same numerics class if any) compared with its trials. */
export function referenceSection(
  summary: ClaimSummary,
  trials: TrialRecord[],
  loaded: ClaimReferences,
): ReferenceSection | null {
  if (loaded.refs === null) {
    const e = loaded.error;
    return {
      numericsClass: '?',
      createdAt: '',
      repeats: 0,
      comparison: null,
      error: isReprobenchError(e) ? `${e.code}: ${e.message}` : String(e),
      curves: {},
    };
  }
  const refs = loaded.refs;
  if (refs.length === 0) return null;
  const ref = refs.find((r) => r.numericsClass === summary.numericsClass) ?? refs[0]!;
  const curves: Record<string, CurveSummary> = {};
  for (const t of ref.trials) {
    const key = `${t.workload}|${t.method}`;
    if (curves[key]) continue;
    const metric = t.config.target.metric;
    curves[key] = summarizeCurves(
      ref.trials.filter((x) => x.workload === t.workload && x.method === t.method),
      metric,
    );
  }
  const comparable = trials.filter((t) => t.status !== 'failed' && t.status !== 'timeout');
  return {
    numericsClass: ref.numericsClass,
    createdAt: ref.createdAt,
    repeats: ref.repeats,
    comparison: compareWithReference(
      // A predictor claim's arms are compared on their final metric; the predictors' errors need
      // each method's schedule (the registries), which `check` has and a report does not.
      {
        id: summary.claim.id,
        margin: summary.claim.margin,
        ...(summary.claim.testType === 'predictor' ? { testType: 'predictor' as const } : {}),
      },
      ref,
      comparable,
      summary.numericsClass,
    ),
    error: null,
    curves,
  };
}
