import { Rng } from '../rng.js';
import { requireInteger } from './validate.js';

/**
 * The one source of randomness in the stats engine. Every randomised result (bootstrap CIs,
 * simulations) takes an explicit seed so a stored report can be recomputed bit for bit.
 */
export interface RandomSource {
  /** The seed this source was created from. */
  readonly seed: number;
  /** A uniform integer in [0, n). */
  int(n: number): number;
  /** A uniform float in [0, 1). */
  float(): number;
  /** A standard normal draw. */
  normal(): number;
}

/**
 * A seeded source over the project's one generator (../rng.ts). Equal seeds give equal streams on every
 * platform, which is what makes a bootstrap CI reproducible from its stored seed.
 * @throws ReprobenchError `E_STATS_INPUT` if `seed` is not a 32-bit integer.
 */
export function createRng(seed: number): RandomSource {
  requireInteger(seed, 'seed', -0x80000000, 0xffffffff);
  const rng = new Rng(seed);
  return { seed, int: (n) => rng.exactInt(n), float: () => rng.uniform(), normal: () => rng.normal() };
}
