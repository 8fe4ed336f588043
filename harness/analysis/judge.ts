import type { ClaimDefinition } from '../core/claim.js';
import type { WorkloadSummary } from './summary.js';

export interface ComparisonJudgement {
  workload: string;
  method: string;
  baseline: string;
  /** Median-steps ratio baseline / method (> 1: the method is faster); null when undefined. */
  speedup: number | null;
  verdict: string;
  explanation: string;
}

export interface ClaimJudgement {
  /** How the verdicts were reached, shown next to them. */
  basis: string;
  verdict: string;
  comparisons: ComparisonJudgement[];
}

/**
 * Interim judgement by medians and success counts, with no statistical test: it is labelled as
 * such everywhere it appears, and is replaced by the statistics engine's verdicts.
 */
export function judgeClaim(claim: ClaimDefinition, workloads: WorkloadSummary[]): ClaimJudgement {
  const comparisons: ComparisonJudgement[] = [];
  for (const w of workloads) {
    for (const m of claim.methods) {
      const ma = w.arms.find((a) => a.method === m.method)!;
      for (const b of claim.baselines) {
        const ba = w.arms.find((a) => a.method === b.method)!;
        const speedup = ma.medianSteps && ba.medianSteps ? ba.medianSteps / ma.medianSteps : ma.medianSteps && !ba.medianSteps ? Infinity : null;
        const claimed = claim.claimedEffect.magnitude;
        const verdict =
          speedup === null ? 'no median' : speedup >= (claimed ?? 1 + claim.margin.value) ? 'faster by medians' : speedup > 1 + claim.margin.value ? 'faster by medians, below the claimed size' : speedup >= 1 - claim.margin.value ? 'similar medians' : 'slower by medians';
        comparisons.push({
          workload: w.workload, method: m.method, baseline: b.method, speedup, verdict,
          explanation: `${m.method} median ${fmt(ma.medianSteps)} steps (${ma.reached}/${ma.n} reached) vs ${b.method} ${fmt(ba.medianSteps)} (${ba.reached}/${ba.n}); ratio ${speedup === null ? '—' : speedup.toFixed(2)}`,
        });
      }
    }
  }
  return { basis: 'simple comparison of medians and success counts (no statistical test)', verdict: comparisons.map((c) => c.verdict).join('; '), comparisons };
}

function fmt(v: number | null): string {
  return v === null ? '∞' : String(v);
}
