import { ReprobenchError } from '../../harness/errors.js';

/**
 * The training-set share of each epoch in Cyclical Curriculum Learning (Kesgin & Amasyali,
 * catalogue #69), as the authors' `get_cycle_sizes(sp, ep, alfa, T)` computes it
 * (github.com/CyclicalCurriculum/Cyclical-Curriculum, ChangeDatasize.py): start at `start`; while
 * rising, divide by the multiplier (capped at `end`); once at `end`, multiply by it (floored at
 * `start`); at `start`, rise again. With (0.25, 1, 0.5): 0.25, 0.5, 1, 0.5, 0.25, 0.5, 1, ...
 * The authors stop once the shares sum to the vanilla epochs; here the step budget stops training.
 */
export class CycleSizes {
  private readonly sizes: number[];

  constructor(
    private readonly start: number,
    private readonly end: number,
    private readonly multiplier: number,
  ) {
    if (!(start > 0 && start <= end && end <= 1) || !(multiplier > 0 && multiplier < 1)) {
      throw new ReprobenchError(
        'E_BAD_CONFIG',
        `cyclical curriculum needs 0 < cycleStart ≤ cycleEnd ≤ 1 and 0 < cycleMultiplier < 1, got ${start}, ${end}, ${multiplier}`,
        'set hparams cycleStart (e.g. 0.25), cycleEnd (e.g. 1) and cycleMultiplier (e.g. 0.5)',
      );
    }
    this.sizes = [start];
  }

  /** The share of the training set used in epoch `epoch` (0-based). */
  at(epoch: number): number {
    const S = this.sizes;
    while (S.length <= epoch) {
      const t = S.length - 1;
      const n = S[t]!;
      // The authors compare S[t−1] < S[t]; at t = 0 Python's S[-1] is S[0], so "not rising".
      const rising = t > 0 && S[t - 1]! < n;
      S.push(
        n === this.start || (rising && n !== this.end)
          ? Math.min(n * (1 / this.multiplier), this.end)
          : Math.max(n * this.multiplier, this.start),
      );
    }
    return S[epoch]!;
  }
}
