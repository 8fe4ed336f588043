import { existsSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deriveSeed } from '../../../harness/runner/seeds.js';
import { Rng } from '../../../harness/rng.js';
import { loadFashionMnist, readFashionMnistPackage } from '../../../workloads/fashion-mnist/data.js';
import { TEST_CACHE, tempDir } from '../../helpers/cli.js';

const ctx = (cacheDir: string) => ({
  cacheDir,
  splitSeed: new Rng(deriveSeed('split', ['fashion-mnist-mlp', 1, 'default'])),
  variant: 'default',
});

describe('fashion-mnist data', () => {
  it('reads 70,000 valid images, dropping the empty rows of the class-0 file', () => {
    const { images, labels } = readFashionMnistPackage();
    expect(labels.length).toBe(70_000);
    expect(images.length).toBe(70_000 * 784);
    const perClass = new Array(10).fill(0);
    for (const l of labels) perClass[l]++;
    expect(perClass).toEqual(new Array(10).fill(7000));
  });

  it('makes the seeded 60k/10k split, caches a binary copy and reads it back identically', async () => {
    const cache = tempDir();
    const a = await loadFashionMnist(ctx(cache));
    const file = join(cache, 'fashion-mnist', 'v1', 'images-labels.u8');
    expect(existsSync(file)).toBe(true);
    expect(statSync(file).size).toBe(70_000 * 785);
    expect(a.train.n).toBe(60_000);
    expect(a.valid.n).toBe(10_000);
    expect(a.xScale).toBeCloseTo(1 / 255, 12);
    const b = await loadFashionMnist(ctx(cache)); // from the cache
    expect(Buffer.from(b.valid.x).equals(Buffer.from(a.valid.x))).toBe(true); // not toEqual: minutes over 7.8 MB
    expect(Array.from(b.train.y.subarray(0, 1000))).toEqual(Array.from(a.train.y.subarray(0, 1000)));
    // Every class is present in validation in roughly its share.
    const counts = new Array(10).fill(0);
    for (const y of a.valid.y) counts[y]++;
    for (const c of counts) expect(c).toBeGreaterThan(850);
    rmSync(cache, { recursive: true, force: true });
  });

  it.each([
    ['train-10k', 10_000],
    ['bn-2k', 2_000],
  ])(
    'the %s variant trains on the first %i rows of its own seeded split and keeps 10,000 validation rows',
    async (variant, rows) => {
      // The shared test cache: a fresh one would parse the package's 150 MB of JSON again.
      const seed = (v: string) => new Rng(deriveSeed('split', ['fashion-mnist-mlp', 1, v]));
      const small = await loadFashionMnist({ cacheDir: TEST_CACHE, splitSeed: seed(variant), variant });
      const sameSplit = await loadFashionMnist({ cacheDir: TEST_CACHE, splitSeed: seed(variant), variant: 'default' });
      expect(small.train.n).toBe(rows);
      expect(small.valid.n).toBe(10_000);
      // Buffer.equals: a deep toEqual over 7.8 million bytes takes minutes.
      expect(Buffer.from(small.train.x).equals(Buffer.from(sameSplit.train.x.subarray(0, rows * 784)))).toBe(true);
      expect(Buffer.from(small.valid.x).equals(Buffer.from(sameSplit.valid.x))).toBe(true);
      expect(Buffer.from(small.train.x).equals(Buffer.from(sameSplit.train.x.subarray(784, (rows + 1) * 784)))).toBe(
        false,
      );
    },
  );
});
