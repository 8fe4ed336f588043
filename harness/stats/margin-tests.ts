import { ReprobenchError } from '../errors.js';

/**
 * A family of two-sided confidence intervals of one effect, one per level: what a comparison's CI
 * method can say at any confidence. The verdict rules read p-values off it, so a decision and the
 * interval shown next to it can never disagree.
 */
export interface IntervalFamily {
  /** The two-sided CI at `confidence` ∈ (0, 1). */
  ciAt(confidence: number): [number, number];
  /** The smallest p-value the method can resolve (1/B for a bootstrap with B resamples; 0 for closed forms). */
  minP: number;
}

/** Which side of a threshold a one-sided statement puts the effect on. */
export type Side = 'above' | 'below';

const LOWEST = 1e-15;

/**
 * One-sided p-value of "the effect lies `side` `threshold`", obtained by inverting the interval
 * family: the smallest a for which the (1 − 2a) two-sided CI lies wholly on that side, i.e. the
 * level at which the CI's end just touches the threshold. p < α exactly when the (1 − 2α) CI
 * clears it. Above 0.5 the complementary statement decides: p = 1 − p(opposite side).
 * An infinite threshold on the far side is always cleared (p = 0); on the near side, never (p = 1).
 */
export function oneSidedP(family: IntervalFamily, threshold: number, side: Side): number {
  if (Number.isNaN(threshold))
    throw new ReprobenchError(
      'E_STATS_INPUT',
      'a margin threshold is NaN',
      'pass finite margins or ±Infinity for an unbounded side',
    );
  if (threshold === -Infinity) return side === 'above' ? 0 : 1;
  if (threshold === Infinity) return side === 'below' ? 0 : 1;
  const clears = (a: number): boolean => {
    const [lo, hi] = family.ciAt(1 - 2 * a);
    return side === 'above' ? lo > threshold : hi < threshold;
  };
  if (!clears(0.5 - 1e-12)) {
    // The point estimate itself is not on that side: p ≥ 0.5, read from the other statement.
    const other = side === 'above' ? 'below' : 'above';
    const opposite = family.ciAt(1 - 2 * (0.5 - 1e-12));
    const strictlyOther = other === 'above' ? opposite[0] > threshold : opposite[1] < threshold;
    return strictlyOther ? 1 - oneSidedP(family, threshold, other) : 0.5;
  }
  if (clears(LOWEST)) return Math.max(LOWEST, family.minP);
  // Bisection on log a: clears(a) is monotone (wider CIs at smaller a).
  let lo = Math.log(LOWEST);
  let hi = Math.log(0.5 - 1e-12);
  for (let i = 0; i < 80; i++) {
    const mid = (lo + hi) / 2;
    if (clears(Math.exp(mid))) hi = mid;
    else lo = mid;
  }
  return Math.max(Math.exp(hi), family.minP);
}
