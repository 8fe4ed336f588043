import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
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
 * Creates a seeded xoroshiro128+ source (pure-rand). Equal seeds give equal streams on every
 * platform, which is what makes a bootstrap CI reproducible from its stored seed.
 * @throws ReprobenchError `E_STATS_INPUT` if `seed` is not a 32-bit integer.
 */
export function createRng(seed: number): RandomSource {
  requireInteger(seed, 'seed', -0x80000000, 0xffffffff);
  const gen = xoroshiro128plus(seed | 0);
  let spare: number | undefined;
  return {
    seed,
    int: (n) => uniformInt(gen, 0, n - 1),
    float: () => uniformFloat64(gen),
    normal: () => {
      // Marsaglia's polar method keeps both draws; the spare halves the generator calls.
      if (spare !== undefined) {
        const s = spare;
        spare = undefined;
        return s;
      }
      for (;;) {
        const u = 2 * uniformFloat64(gen) - 1;
        const v = 2 * uniformFloat64(gen) - 1;
        const s = u * u + v * v;
        if (s > 0 && s < 1) {
          const f = Math.sqrt((-2 * Math.log(s)) / s);
          spare = v * f;
          return u * f;
        }
      }
    },
  };
}
