import type { CheckComparison } from './compare.js';

export interface CheckOutcome {
  /** 0 pass, 1 a difference that fails the check. */
  code: 0 | 1;
  failures: string[];
  warnings: string[];
}

const seedLabel = (t: { workload: string; method: string; repeat: number }) =>
  `${t.method} on ${t.workload}, seed ${t.repeat}`;

/**
 * Exit rules (issue: reference results and check). On the same numerics class any difference
 * fails: a changed result, a changed configuration, a trial the reference lacks or that did not
 * run. Across classes only a `regressed` verdict on the claim's outcome (steps to target, final metric or statistic) fails (`strict` also fails
 * `inconclusive`); the rest are warnings. An external trainer that reports other numerics than
 * for the reference (another PyTorch build or BLAS kernel) is judged the cross-class way for its
 * method alone. Wall-time verdicts are reported, never fail.
 */
export function checkOutcome(c: CheckComparison, strict: boolean): CheckOutcome {
  const failures: string[] = [];
  const warnings: string[] = [];
  for (const t of c.trials) {
    if (t.result === 'identical' || t.result === 'other-class') continue;
    const line = `${c.claim}: ${seedLabel(t)}: ${t.detail}`;
    if (c.sameClass) failures.push(line);
    else warnings.push(line);
  }
  for (const g of c.groups) {
    const v = g.steps.verdict;
    const line = `${c.claim}: ${g.method} on ${g.workload}, ${g.quantity ?? 'steps to target'} vs reference (${c.referenceClass}): ${g.steps.explanation}`;
    if (g.sameClass) continue;
    if (v === 'regressed') failures.push(line);
    else if (v === 'inconclusive') (strict ? failures : warnings).push(line);
    else if (v !== 'consistent' && v !== 'improved') warnings.push(line);
  }
  return { code: failures.length ? 1 : 0, failures, warnings };
}
