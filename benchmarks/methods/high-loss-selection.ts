import * as tf from '@tensorflow/tfjs';
import { ReprobenchError } from '../../harness/errors.js';
import type { Batch, BatchSource } from '../../harness/runner/batch-source.js';

/** High-loss selection's settings (the method hparams selectPool and selectFraction). */
export interface HighLossSpec {
  /** Candidate batches forwarded per selection round. */
  pool: number;
  /** δ: the share of the pool, highest loss first, that is trained on. */
  fraction: number;
}

/**
 * High-loss mini-batch selection ("Can we learn better with hard samples?", catalogue #92):
 * forward a pool of mini-batches with the current weights, keep the ⌈δ·pool⌉ with the highest
 * loss and train on them one step each, then draw the next pool. The forward passes happen inside
 * `next()`, so they count as training time (AlgoPerf: data selection is part of the submission).
 * A NaN loss sorts first, so a diverging model still trains on it and the loop reports it.
 */
export class HighLossBatches implements BatchSource {
  private queue: Batch[] = [];
  /** Candidate batches forwarded so far (for the examples-processed accounting). */
  scored = 0;

  constructor(
    private readonly stream: { next(): Batch },
    private readonly lossOf: (b: Batch) => Promise<number>,
    private readonly spec: HighLossSpec,
  ) {
    if (!(Number.isInteger(spec.pool) && spec.pool >= 1) || !(spec.fraction > 0 && spec.fraction <= 1)) {
      throw new ReprobenchError(
        'E_BAD_CONFIG',
        `batch selection needs an integer pool ≥ 1 and a fraction in (0, 1], got pool ${spec.pool}, fraction ${spec.fraction}`,
        'set the method hparams selectPool (e.g. 4) and selectFraction (e.g. 0.5)',
      );
    }
  }

  /** How many of a pool are trained on. */
  get keep(): number {
    return Math.max(1, Math.ceil(this.spec.fraction * this.spec.pool - 1e-9));
  }

  async next(): Promise<Batch> {
    if (this.queue.length === 0) {
      const pool = Array.from({ length: this.spec.pool }, () => this.stream.next());
      const losses: number[] = [];
      for (const b of pool) {
        const l = await this.lossOf(b);
        losses.push(Number.isNaN(l) ? Infinity : l);
      }
      this.scored += pool.length;
      // Highest loss first; ties keep draw order (Array.prototype.sort is stable).
      const order = pool.map((_, i) => i).sort((a, b) => losses[b]! - losses[a]!);
      this.queue = order.slice(0, this.keep).map((i) => pool[i]!);
      for (const i of order.slice(this.keep)) tf.dispose([pool[i]!.x, pool[i]!.y]);
    }
    return this.queue.shift()!;
  }

  dispose(): void {
    for (const b of this.queue) tf.dispose([b.x, b.y]);
    this.queue = [];
  }
}
