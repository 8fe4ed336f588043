import { xoroshiro128plus, xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';

/**
 * The project's one random source: xoroshiro128+ from pure-rand, with the few draws the harness
 * and the stats engine need. Trials seed it with 128 bits of hex state (see runner/seeds.ts); the
 * stats engine with a 32-bit integer it stores beside each randomised result (stats/rng.ts).
 * Every stream is reproducible bit for bit (test/unit/harness/rng-streams.test.ts pins them).
 */
export class Rng {
  private readonly gen: JumpableRandomGenerator;
  private spareNormal: number | undefined;

  /** `seed`: 32 hex digits (the generator's state), or an integer (pure-rand's seeding, low 32 bits). */
  constructor(seed: string | number) {
    if (typeof seed === 'number') {
      this.gen = xoroshiro128plus(seed | 0);
      return;
    }
    if (!/^[0-9a-f]{32}$/.test(seed)) throw new Error(`Rng seed must be 32 hex digits, got "${seed}"`);
    const state = [0, 8, 16, 24].map((i) => parseInt(seed.slice(i, i + 8), 16) | 0);
    // xoroshiro's all-zero state is a fixed point: every draw would be 0 and normal() would never return.
    if (state.every((w) => w === 0)) throw new Error('Rng seed must not be all zeros (a fixed point of xoroshiro128+)');
    this.gen = xoroshiro128plusFromState(state);
  }

  /** Uniform in [0, 1), 53 random bits. */
  uniform(): number {
    return uniformFloat64(this.gen);
  }

  /**
   * Integer in [0, n) from one scaled uniform draw: off uniform by at most n/2^53. Every trial's
   * shuffles and selections are drawn this way, so it stays for trial results to stay the same.
   */
  int(n: number): number {
    return Math.floor(this.uniform() * n);
  }

  /** Exactly uniform integer in [0, n) (pure-rand's rejection sampling): the stats engine's draw. */
  exactInt(n: number): number {
    return uniformInt(this.gen, 0, n - 1);
  }

  /** Standard normal (Marsaglia polar method; caches the second value). */
  normal(): number {
    if (this.spareNormal !== undefined) {
      const s = this.spareNormal;
      this.spareNormal = undefined;
      return s;
    }
    let u: number, v: number, s: number;
    do {
      u = 2 * this.uniform() - 1;
      v = 2 * this.uniform() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    this.spareNormal = v * f;
    return u * f;
  }

  /** A uniformly random permutation of 0..n-1 (Fisher–Yates). */
  permutation(n: number): Int32Array {
    const p = new Int32Array(n);
    for (let i = 0; i < n; i++) p[i] = i;
    for (let i = n - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const t = p[i]!;
      p[i] = p[j]!;
      p[j] = t;
    }
    return p;
  }
}
