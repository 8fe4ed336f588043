import type { ComparisonVerdict } from './verdict-types.js';

// Typographic minus, as in the rest of the report text.
const num = (x: number): string =>
  Number.isFinite(x) ? Number(x.toPrecision(3)).toString().replace('-', '−') : x > 0 ? '∞' : '−∞';
const signed = (x: number): string => (x > 0 ? `+${num(x)}` : num(x));

/**
 * "claimed 2× · measured 1.27× [1.16, 1.39]": what the paper claims next to what was measured,
 * the line reports lead a comparison with, before any statistics (docs/stats.md § Rules).
 */
export function claimedVsMeasured(
  v: Pick<
    ComparisonVerdict,
    'effectName' | 'estimate' | 'ci' | 'claimedMagnitude' | 'direction' | 'higherIsBetter' | 'equivalenceBounds'
  >,
): string {
  const ratio = v.effectName === 'speedup' || v.effectName === 'error ratio';
  const show = (x: number): string => (ratio ? `${num(x)}×` : v.effectName === 'difference' ? signed(x) : num(x));
  const what = v.effectName === 'error ratio' ? 'error ' : '';
  const measured = `measured ${what}${show(v.estimate)} [${show(v.ci[0])}, ${show(v.ci[1])}]`;
  const [lo, hi] = v.equivalenceBounds;
  let claimed: string;
  if (v.direction === 'equivalent') claimed = `claimed equal within [${show(lo)}, ${show(hi)}]`;
  else if (v.direction === 'non-inferior') {
    const minus = v.higherIsBetter ? lo : hi;
    claimed = ratio
      ? `claimed ${what}${v.higherIsBetter ? 'at least' : 'at most'} ${show(minus)}`
      : `claimed no worse than ${show(minus)}`;
  } else if (v.claimedMagnitude !== null) claimed = `claimed ${what}${show(v.claimedMagnitude)}`;
  else if (v.effectName === 'statistic')
    claimed = `claimed ${v.higherIsBetter ? 'above' : 'below'} ${num(v.higherIsBetter ? hi : lo)} (no size given)`;
  else claimed = `claimed ${v.effectName === 'speedup' ? 'faster' : 'better'} (no size given)`;
  // A difference in a loss reads the other way round: say so once.
  const lower =
    v.effectName === 'difference' && !v.higherIsBetter && v.direction !== 'equivalent' ? ' (lower is better)' : '';
  return `${claimed} · ${measured}${lower}`;
}
