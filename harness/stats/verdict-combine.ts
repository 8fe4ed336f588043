import { CLAIM_LABELS, type ClaimLabel, type ComparisonLabel, type ExplanationLead } from './verdict-types.js';

/**
 * The claim's label from its comparisons' labels (docs/stats.md § Rules). `leftOut` counts
 * comparisons that could not be judged (no outcomes): they keep a claim from being fully reproduced.
 */
export function combineLabels(labels: readonly ComparisonLabel[], leftOut = 0): ClaimLabel {
  const count = (l: ComparisonLabel): number => labels.filter((x) => x === l).length;
  const n = labels.length;
  const positive = count('reproduced') + count('smaller than claimed');
  const contradicted = count('contradicted');
  if (n === 0) return 'inconclusive';
  if (contradicted > 0) return positive > 0 ? 'mixed' : 'contradicted';
  if (positive === n && leftOut === 0) return count('reproduced') === n ? 'reproduced' : 'smaller than claimed';
  if (positive > 0) return 'partly reproduced';
  if (count('no meaningful effect') === n && leftOut === 0) return 'no meaningful effect';
  return 'inconclusive';
}

/** "1 reproduced, 3 contradicted": the comparisons behind a claim label, in the labels' order. */
export function tallyLabels(labels: readonly ComparisonLabel[]): string {
  return CLAIM_LABELS.map((l) => [l, labels.filter((x) => x === l).length] as const)
    .filter(([, k]) => k > 0)
    .map(([l, k]) => `${k} ${l}`)
    .join(', ');
}

/** A claim explanation's lead: "mixed: 1 reproduced, 1 contradicted of 2 comparison(s) (…)". */
export function claimExplanation(
  overall: ClaimLabel,
  labels: readonly ComparisonLabel[],
  lead: ExplanationLead,
): string {
  return `${overall}: ${tallyLabels(labels)} of ${labels.length} ${lead.tested}${lead.tail}`;
}
