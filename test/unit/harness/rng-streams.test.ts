import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../harness/rng.js';
import { createRng } from '../../../harness/stats/rng.js';

/**
 * The streams every trial and every randomised statistic is drawn from, pinned by digest. The pins
 * were recorded from the two generators the project had before they became one (runner/rng.ts and
 * stats/rng.ts), so a change to seeding or to any draw fails here before it changes a result.
 */
const digest = (xs: ArrayLike<number>) =>
  createHash('sha256')
    .update(Buffer.from(Float64Array.from(xs).buffer))
    .digest('hex')
    .slice(0, 16);
const N = 2000;

function trialStreams(seed: string): string[] {
  const fresh = () => new Rng(seed);
  const r = fresh();
  const uniform = Array.from({ length: N }, () => r.uniform());
  const ints = ((g) => Array.from({ length: N }, (_, k) => g.int(k + 1)))(fresh());
  const normals = ((g) => Array.from({ length: N }, () => g.normal()))(fresh());
  const perm = fresh().permutation(N);
  const mixed = ((g) =>
    Array.from({ length: N }, (_, k) => (k % 3 === 0 ? g.normal() : k % 3 === 1 ? g.int(7) : g.uniform())))(fresh());
  return [uniform, ints, normals, perm, mixed].map(digest);
}

function statsStreams(seed: number): string[] {
  const floats = ((g) => Array.from({ length: N }, () => g.float()))(createRng(seed));
  const ints = ((g) => Array.from({ length: N }, (_, k) => g.int(k + 1)))(createRng(seed));
  const normals = ((g) => Array.from({ length: N }, () => g.normal()))(createRng(seed));
  const mixedOf = (g: ReturnType<typeof createRng>) =>
    Array.from({ length: N }, (_, k) => (k % 3 === 0 ? g.normal() : k % 3 === 1 ? g.int(7) : g.float()));
  const mixed = mixedOf(createRng(seed));
  return [floats, ints, normals, mixed].map(digest);
}

describe('the one random source', () => {
  it('draws the trial streams (128-bit hex seeds) bit for bit as before', () => {
    expect(trialStreams('0123456789abcdef0123456789abcdef')).toEqual([
      '0e73664cb58bf312',
      '02303bca4ddcfe10',
      '50aafe013230377c',
      '9a75f4e6eed4e045',
      '58c5d9ca648bfe76',
    ]);
    expect(trialStreams('ffffffff00000000deadbeef12345678')).toEqual([
      '179aa57a97202a66',
      'e0e81796e12ec464',
      'a70b2eb88d3501c6',
      'b9b719517232b6cd',
      '4a060ba6415479f2',
    ]);
  });

  it('draws the stats streams (32-bit integer seeds) bit for bit as before', () => {
    expect(statsStreams(0)).toEqual(['045460160f732332', 'cb7382370d626d68', '60bfc624a16ff967', '3d48bc617413d248']);
    expect(statsStreams(7)).toEqual(['a35bcea12d4b52ac', '79b5a25ffb2a125b', '36954fbdad42e738', 'adbf553c03c06abc']);
    expect(statsStreams(-5)).toEqual(['9a9783d75485f263', '38cefe3e15198118', '16851c984ae3f0ab', 'b094374043dfc2a5']);
    expect(statsStreams(0xffffffff)).toEqual([
      '18c92a92b938be28',
      'ecf49dac6aff1dd3',
      'bd2370fef176b765',
      '8e5734566a2358e5',
    ]);
  });

  it('keeps its two integer draws apart: the scaled draw and the exactly uniform one differ on the same state', () => {
    const a = new Rng(11);
    const b = new Rng(11);
    const scaled = Array.from({ length: 200 }, () => a.int(1000));
    const exact = Array.from({ length: 200 }, () => b.exactInt(1000));
    expect(scaled).not.toEqual(exact);
    for (const k of [...scaled, ...exact]) expect(k >= 0 && k < 1000 && Number.isInteger(k)).toBe(true);
  });

  it('refuses a malformed hex seed', () => {
    expect(() => new Rng('xyz')).toThrow(/32 hex digits/);
  });
});
