import type { ComparisonAnalysis } from './claim-effects.js';
import type { TestType } from './claim-input.js';

/**
 * The outcome of one comparison (docs/stats.md § Rules): each label names one outcome only.
 * - `reproduced`: beyond the margin in the claimed direction and not short of M (superiority),
 *   above −δ (non-inferiority), or inside ±δ (equivalence claims);
 * - `smaller than claimed`: beyond the margin but wholly short of M;
 * - `no meaningful effect`: inside ±δ (superiority claims);
 * - `contradicted`: beyond −δ the other way (or, for equivalence, significantly beyond ±δ);
 * - `inconclusive`: anything else.
 */
export type ComparisonLabel =
  'reproduced' | 'smaller than claimed' | 'no meaningful effect' | 'contradicted' | 'inconclusive';

/**
 * The claim's label over its comparisons: a comparison label shared by all of them, or
 * `partly reproduced` (some reproduced, none contradicted) / `mixed` (some reproduced, some
 * contradicted). It never hides a contradicted comparison.
 */
export type ClaimLabel = ComparisonLabel | 'partly reproduced' | 'mixed';

/** Every claim label, in the order reports list them. */
export const CLAIM_LABELS: readonly ClaimLabel[] = [
  'reproduced',
  'smaller than claimed',
  'partly reproduced',
  'mixed',
  'contradicted',
  'no meaningful effect',
  'inconclusive',
];

/** What a card claims of method vs baseline (docs/stats.md § Rules). */
export type ClaimDirection = 'method-better' | 'non-inferior' | 'equivalent';

/** Options of claimVerdict. */
export interface ClaimVerdictOptions {
  /** Family-wise level (Holm over the claim's comparisons). @default 0.05 */
  alpha?: number;
  /** Seed of the bootstrap CIs; comparison i uses seed + i. Store it with the verdict. */
  seed: number;
  /** Bootstrap resamples per CI. @default 2000 */
  resamples?: number;
  /** Power a decisive follow-up should have when sizing `repeatsNeeded`. @default 0.8 */
  power?: number;
}

/** One statement about the effect relative to a threshold: its one-sided p-value, raw and Holm-adjusted. */
export interface MarginTest {
  /** The threshold on the effect's scale. */
  threshold: number;
  pValue: number;
  adjustedPValue: number;
}

/**
 * The margin-aware tests behind a label, on the effect's scale: `plus` is +δ (the margin's bound
 * on the better side), `minus` is −δ (the bound on the worse side). Absent for equivalence claims,
 * which are decided by TOST on the raw difference.
 */
export interface MarginTests {
  plus: number;
  minus: number;
  /** The effect is better than +δ. */
  beyondPlus: MarginTest;
  /** The effect is worse than −δ (against the claim). */
  beyondMinus: MarginTest;
  /** The effect is better than −δ (non-inferiority). */
  aboveMinus: MarginTest;
  /** The effect lies inside ±δ (TOST: the larger of the two one-sided p-values). */
  inside: MarginTest;
  /** The effect is short of the claimed magnitude M; null without an M. */
  shortOfM: MarginTest | null;
}

/** The verdict of one comparison with the numbers behind it. */
export interface ComparisonVerdict extends Omit<ComparisonAnalysis, 'pilot' | 'test' | 'intervals'> {
  workload: string;
  methodId: string;
  /** The baseline's id; null for phenomenon claims. */
  baselineId: string | null;
  testType: TestType;
  direction: ClaimDirection;
  verdict: ComparisonLabel;
  /** Set on a comparison of the card's `validityChecks`: it gates the claim's label instead of counting in it. */
  validityCheck?: true;
  /** "claimed 2× · measured 1.27× [1.16, 1.39]": the paper's claim next to the estimate and its CI. */
  headline: string;
  /** One line a person can read: the verdict and the numbers that decided it. */
  explanation: string;
  /**
   * The test of "no difference" (log-rank, paired t, signed-rank, …): shown for information;
   * the label comes from `margins`.
   */
  test: ComparisonAnalysis['test'] & {
    /** Holm-adjusted p of the claimed direction over the claim's family. */
    adjustedPValue: number;
    /** Holm-adjusted p of the opposite direction. */
    adjustedPValueOpposite: number;
  };
  /** The margin-aware tests that decided the label; null for equivalence claims. */
  margins: MarginTests | null;
  /** Whether the (1 − 2α) CI lies inside the equivalence bounds (TOST at α, unadjusted). */
  equivalent: boolean;
  /** inconclusive only: repeats per arm that a decisive answer would need (power analysis on this run as a pilot); else null. */
  repeatsNeeded: number | null;
  alpha: number;
}

/**
 * The parts of a claim explanation's lead besides its label and tally, so that a caller counting
 * fewer comparisons (a card's validity checks, harness/analysis/judge.ts) can restate it in the
 * engine's own words: `${label}: ${tally} of ${n} ${tested}${tail}` (claimExplanation).
 */
export interface ExplanationLead {
  /** What the comparisons are and how they were tested: "comparison(s) (superiority, margin-aware tests, Holm at α = 0.05)". */
  tested: string;
  /** What follows the tally: how many repeats would decide the open comparisons, or ''. */
  tail: string;
}

/** The verdict of a claim over all its comparisons. */
export interface ClaimVerdict {
  overall: ClaimLabel;
  explanation: string;
  /** The explanation's lead in parts; null where no test ran. */
  lead: ExplanationLead | null;
  comparisons: ComparisonVerdict[];
  alpha: number;
  seed: number;
  /** For an inconclusive overall verdict: the largest repeatsNeeded among inconclusive comparisons. */
  repeatsNeeded: number | null;
}
