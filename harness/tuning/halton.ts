import { createHash } from 'node:crypto';
import { ReprobenchError } from '../errors.js';

/**
 * Quasirandom points for hyperparameter search (DESIGN § Vocabulary: study; AlgoPerf external
 * tuning draws its trials from a Halton sequence).
 *
 * reprobench uses the plain, unscrambled Halton sequence: coordinate k of point i is the radical
 * inverse of i in the k-th prime (2, 3, 5, 7, 11, ...). That is exactly
 * `scipy.stats.qmc.Halton(d, scramble=False)`, so anyone can recompute a study's points without
 * reprobench (test/unit/harness/tuning/halton.test.ts checks it against SciPy).
 *
 * Randomisation is a seeded start offset (a "skip"), not a digit permutation or a shift:
 * - index 0 is the all-zero point, the lower corner of every range; a start of at least 1
 *   never wastes a trial there;
 * - any run of consecutive indices keeps the stratification that makes Halton points
 *   low-discrepancy (in a coordinate with base b, any b^m consecutive indices put exactly one
 *   point in each of the b^m equal cells, because the first m digits of the radical inverse
 *   are i mod b^m), so different studies get different but equally well-spread points;
 * - an offset is reproducible elsewhere with one call (SciPy: `fast_forward(start)`), while
 *   scrambling ties the points to one library's random-number generator.
 * AlgoPerf's own `algoperf/halton.py` (mlcommons/algorithmic-efficiency c34af17f) instead uses
 * the largest primes below 1000, random digit permutations, a random shift and a skip of 100;
 * its points are not reproduced here. The known weakness of the unscrambled sequence — visible
 * correlation between high-base coordinates over the first few dozen points — matters from
 * about 6 dimensions up; AlgoPerf search spaces have 3–7.
 */

/** The first `count` primes, in order (the bases of the first `count` coordinates). */
export function firstPrimes(count: number): number[] {
  const primes: number[] = [];
  for (let n = 2; primes.length < count; n++) {
    if (primes.every((p) => p * p > n || n % p !== 0)) primes.push(n);
  }
  return primes;
}

/**
 * Van der Corput radical inverse: the base-`base` digits of `index` mirrored behind the point.
 * Accumulated digit by digit with a running 1/base^k, the order SciPy uses, so the values agree
 * to the last bit or two.
 */
export function radicalInverse(index: number, base: number): number {
  if (!Number.isSafeInteger(index) || index < 0)
    throw new RangeError(`Halton index must be a non-negative safe integer, got ${index}`);
  let value = 0;
  let scale = 1 / base;
  for (let q = index; q > 0; q = Math.floor(q / base)) {
    value += (q % base) * scale;
    scale /= base;
  }
  return value;
}

/** Point `index` of the `dims`-dimensional unscrambled Halton sequence, in [0, 1)^dims. */
export function haltonPoint(index: number, dims: number): number[] {
  return firstPrimes(dims).map((b) => radicalInverse(index, b));
}

/**
 * `count` consecutive points starting at index `start` (0 = the all-zero point; SciPy's
 * `Halton(dims, scramble=False)` after `fast_forward(start)` then `random(count)`).
 */
export function haltonSequence(count: number, dims: number, start = 0): number[][] {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a non-negative integer, got ${count}`);
  if (!Number.isInteger(dims) || dims < 1) throw new RangeError(`dims must be a positive integer, got ${dims}`);
  const bases = firstPrimes(dims);
  return Array.from({ length: count }, (_, i) => bases.map((b) => radicalInverse(start + i, b)));
}

/** Start offsets are drawn from [1, 2^24]: never the zero point, and far below 2^53. */
export const MAX_HALTON_START = 2 ** 24;

/**
 * The start index for a seed: 1 + (first 32 bits of SHA-256("reprobench-halton-v1\0" + seed))
 * mod 2^24. A study's seed (e.g. claim, workload, method and study index) fixes its points.
 * @throws ReprobenchError E_BAD_CONFIG for an empty seed (it would silently share points)
 */
export function haltonStart(seed: string): number {
  if (!seed)
    throw new ReprobenchError(
      'E_BAD_CONFIG',
      'a Halton seed must be a non-empty string',
      'derive it from what identifies the study, e.g. `${claim}/${workload}/${method}/study-${k}`',
    );
  const digest = createHash('sha256').update(`reprobench-halton-v1\0${seed}`).digest();
  return 1 + (digest.readUInt32BE(0) % MAX_HALTON_START);
}
