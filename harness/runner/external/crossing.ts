import type { CurvePoint } from '../../core/trial.js';

/**
 * Where an external trainer reached its target, read by the in-process rule (fine-evals.ts): a
 * built-in trial evaluates every `evalEvery` steps and, after the first of those evals that meets
 * the target, replays the interval before it with an eval every `fineEvalEvery` steps. An external
 * trainer cannot be replayed, so it evaluates at the fine cadence throughout; reading its first
 * fine crossing would be another measurement (near a plateau the metric crosses the target and
 * falls back between coarse evals, docs/protocol.md). So the crossing counts only once an eval on
 * the coarse grid (a multiple of `evalEvery`, or the last step) meets the target, and it is the
 * first eval since the previous coarse one that met it — the point the replay would have found.
 */
export class CoarseCrossing {
  private firstInInterval: CurvePoint | null = null;

  constructor(
    private readonly coarseEvery: number,
    private readonly lastStep: number,
  ) {}

  isCoarse(step: number): boolean {
    return step % this.coarseEvery === 0 || step === this.lastStep;
  }

  /** Feeds the next eval in step order; returns the crossing once a coarse eval confirms it. */
  observe(point: CurvePoint, meets: boolean): CurvePoint | null {
    if (meets && !this.firstInInterval) this.firstInInterval = point;
    if (!this.isCoarse(point.step)) return null;
    const crossing = meets ? this.firstInInterval : null;
    this.firstInInterval = null;
    return crossing;
  }
}
