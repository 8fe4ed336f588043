/**
 * Average ranks (1-based, ties get the mean of the ranks they span), as `scipy.stats.rankdata`.
 * Also returns the sizes of the tie groups, which the rank tests' variance corrections need.
 */
export function rankAverage(xs: readonly number[]): { ranks: number[]; ties: number[] } {
  const order = xs.map((_, i) => i).sort((i, j) => (xs[i] as number) - (xs[j] as number));
  const ranks = new Array<number>(xs.length);
  const ties: number[] = [];
  let i = 0;
  while (i < order.length) {
    let j = i;
    while (j + 1 < order.length && xs[order[j + 1] as number] === xs[order[i] as number]) j++;
    const r = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) ranks[order[k] as number] = r;
    ties.push(j - i + 1);
    i = j + 1;
  }
  return { ranks, ties };
}
