import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';

/**
 * A seeded random source (xoroshiro128+ from pure-rand) with the few draws the harness needs.
 * Seeded from a 128-bit hex seed (see seeds.ts), so every stream is reproducible bit for bit.
 */
export class Rng {
  private readonly gen: JumpableRandomGenerator;
  private spareNormal: number | undefined;

  constructor(seedHex: string) {
    if (!/^[0-9a-f]{32}$/.test(seedHex)) throw new Error(`Rng seed must be 32 hex digits, got "${seedHex}"`);
    const state = [0, 8, 16, 24].map((i) => parseInt(seedHex.slice(i, i + 8), 16) | 0);
    // xoroshiro's all-zero state is a fixed point: every draw would be 0 and normal() would never return.
    if (state.every((w) => w === 0)) throw new Error('Rng seed must not be all zeros (a fixed point of xoroshiro128+)');
    this.gen = xoroshiro128plusFromState(state);
  }

  /** Uniform in [0, 1), 53 random bits. */
  uniform(): number {
    return uniformFloat64(this.gen);
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.uniform() * n);
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
