import type { ClaimDefinition, TestType } from '../core/claim.js';
import type { Target } from '../core/trial.js';

/** Where a verdict holds: the miniature it was measured on, per workload its target and budget. */
export interface VerdictScope {
  scale: 'miniature';
  workloads: Array<{ workload: string; target: Target | null; budgetSteps: number | null }>;
  /** "at miniature scale: fashion-mnist-mlp, validation/accuracy ≥ 0.87 within 1000 steps". */
  text: string;
}

/** The card's fidelity to the paper, as every verdict prints it. */
export type Fidelity = ClaimDefinition['fidelity'];

const bound = (t: Target): string => `${t.metric} ${t.direction === 'higher' ? '≥' : '≤'} ${t.value}`;

function workloadScope(testType: TestType, outcome: 'final' | 'best', w: VerdictScope['workloads'][number]): string {
  const steps = w.budgetSteps === null ? '' : ` ${w.budgetSteps} steps`;
  if (!w.target) return `${w.workload}${steps ? `,${steps}` : ''}`;
  switch (testType) {
    case 'time-to-target':
      return `${w.workload}, ${bound(w.target)} within${steps}`;
    case 'fixed-budget':
      return `${w.workload}, ${outcome} ${w.target.metric} after${steps}`;
    case 'predictor':
      return `${w.workload}, curves of${steps}`;
    case 'phenomenon':
      return `${w.workload},${steps}`;
  }
}

/** The scope of a claim's verdict, from the workloads it ran (their targets and step budgets). */
export function verdictScope(
  claim: Pick<ClaimDefinition, 'testType' | 'outcome'>,
  workloads: VerdictScope['workloads'],
): VerdictScope {
  const parts = workloads.map((w) => workloadScope(claim.testType, claim.outcome ?? 'final', w));
  return { scale: 'miniature', workloads, text: `at miniature scale: ${parts.join('; ') || 'no workload ran'}` };
}

/** "faithful" or "stand-in: <what differs>". */
export function fidelityText(f: Fidelity): string {
  return f.kind === 'faithful' ? 'faithful' : `stand-in: ${f.differs}`;
}

/** A label as every output prints it: the label, its scope and the card's fidelity. */
export function scopedLabel(label: string, scope: VerdictScope, fidelity: Fidelity): string {
  return `${label} ${scope.text} · ${fidelityText(fidelity)}`;
}
