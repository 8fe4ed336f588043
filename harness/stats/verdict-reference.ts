import { ReprobenchError, isReprobenchError } from '../errors.js';
import { mean, sd, variance } from './descriptives.js';
import { pairedTTest } from './paired-t.js';
import { seedsForTost, seedsForTTest } from './power.js';
import { absoluteMargin, pairedTost, tost } from './tost.js';
import { welchTTest } from './welch.js';
import { requireFinite, requireProbability, requireSameLength } from './validate.js';

/** A reference-comparison verdict (DESIGN § Statistics). */
export type ReferenceVerdictLabel = 'identical' | 'consistent' | 'regressed' | 'improved' | 'inconclusive';

/** Input of {@link referenceVerdict}: this run's per-seed outcomes against the stored reference's. */
export interface ReferenceInput {
  /** This run's per-seed outcomes (steps to target with censored runs at the budget, or a final metric). */
  current: number[];
  /** The stored reference result's per-seed outcomes. */
  reference: number[];
  /** The caller found the runs bit-equal on the same numerics class. @default false */
  identical?: boolean;
  /** Margin δ > 0 for consistency / beyond which a change counts. */
  margin: number;
  /** 'relative': δ is a fraction of the reference mean. */
  marginUnits: 'relative' | 'absolute';
  /** Whether lower outcomes are better (steps, loss) — decides regressed vs improved. */
  lowerIsBetter: boolean;
  /** Repeat i of both is the same seed (paired t and paired TOST). @default false */
  paired?: boolean;
  /** @default 0.05 */
  alpha?: number;
}

/** Result of {@link referenceVerdict}. */
export interface ReferenceVerdict {
  verdict: ReferenceVerdictLabel;
  /** One line with the verdict and the numbers behind it. */
  explanation: string;
  /** mean(current) − mean(reference). */
  difference: number;
  /** Two-sided (1 − α) CI of the difference. */
  ci: [number, number];
  /** The margin in absolute units. */
  margin: number;
  /** Two-sided p of the difference (Welch or paired t). */
  pValue: number;
  /** TOST p-value for equivalence within ±margin. */
  equivalencePValue: number;
  n: { current: number; reference: number };
  /** inconclusive only: seeds per arm a decisive answer would need; else null. */
  repeatsNeeded: number | null;
  alpha: number;
}

const fmt = (x: number): string => Number(x.toPrecision(3)).toString();

/**
 * Compares a run with a stored reference result: `identical` when the caller says the runs are
 * bit-equal; `consistent` when TOST shows the difference inside ±margin; `regressed` / `improved`
 * when the difference is significant (two-sided t at α) and its estimate lies beyond the margin,
 * worse / better; otherwise `inconclusive` with the seeds a decision would need.
 * @throws ReprobenchError `E_STATS_INPUT` on fewer than 2 values per side (unless identical), non-finite values or a bad margin.
 */
export function referenceVerdict(input: ReferenceInput): ReferenceVerdict {
  const alpha = input.alpha ?? 0.05;
  requireProbability(alpha, 'alpha');
  const { current: a, reference: b, paired = false } = input;
  const n = { current: a?.length ?? 0, reference: b?.length ?? 0 };
  if (input.identical) {
    requireFinite(a, 'current');
    requireFinite(b, 'reference');
    const d = mean(a) - mean(b);
    return {
      verdict: 'identical',
      explanation: `identical: bit-equal to the reference on the same numerics class (n ${n.current}/${n.reference})`,
      difference: d,
      ci: [d, d],
      margin: absoluteMargin(input.margin, input.marginUnits, mean(b)),
      pValue: 1,
      equivalencePValue: 0,
      n,
      repeatsNeeded: null,
      alpha,
    };
  }
  requireFinite(a, 'current', 2);
  requireFinite(b, 'reference', 2);
  if (paired) requireSameLength(a, b, 'referenceVerdict');
  if (input.marginUnits !== 'absolute' && input.marginUnits !== 'relative') {
    throw new ReprobenchError(
      'E_STATS_INPUT',
      `unknown marginUnits '${String(input.marginUnits)}'`,
      "use 'relative' or 'absolute'",
    );
  }
  const delta = absoluteMargin(input.margin, input.marginUnits, mean(b));
  const t = (paired ? pairedTTest : welchTTest)(a, b, { confidence: 1 - alpha });
  const eq = (paired ? pairedTost : tost)(a, b, { margin: delta, alpha });
  const d = t.estimate;
  const base = { difference: d, ci: t.ci, margin: delta, pValue: t.pValue, equivalencePValue: eq.pValue, n, alpha };
  const nums = `difference ${fmt(d)} [${fmt(t.ci[0])}, ${fmt(t.ci[1])}], margin ±${fmt(delta)}, p ${fmt(t.pValue)}, TOST p ${fmt(eq.pValue)}, n ${n.current}/${n.reference}`;
  if (eq.equivalent) return { ...base, verdict: 'consistent', explanation: `consistent: ${nums}`, repeatsNeeded: null };
  if (t.pValue < alpha && Math.abs(d) > delta) {
    const worse = input.lowerIsBetter ? d > 0 : d < 0;
    const verdict = worse ? 'regressed' : 'improved';
    return { ...base, verdict, explanation: `${verdict}: ${nums}`, repeatsNeeded: null };
  }
  const design = paired ? 'paired' : 'independent';
  const s = paired ? sd(a.map((x, i) => x - (b[i] as number))) : Math.sqrt((variance(a) + variance(b)) / 2);
  let need: number | null = null;
  for (const f of [
    () => seedsForTTest({ effect: d, sd: s, alpha, sides: 'two-sided', design }),
    () => seedsForTost({ margin: delta, trueDifference: d, sd: s, alpha, design }),
  ]) {
    try {
      const k = f();
      need = need === null ? k : Math.min(need, k);
    } catch (e) {
      // A route that cannot decide (zero effect, or an effect outside the margin) is skipped.
      if (!(isReprobenchError(e) && e.code === 'E_STATS_DEGENERATE')) throw e;
    }
  }
  return {
    ...base,
    verdict: 'inconclusive',
    explanation: `inconclusive: ${nums}${need !== null ? `; about ${need} seeds per arm would decide it` : ''}`,
    repeatsNeeded: need,
  };
}
