import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { deriveSeed } from '../../../harness/runner/seeds.js';
import { Rng } from '../../../harness/rng.js';
import { ALPHABET, charExamples, loadCharLm, readWords, VOCAB } from '../../../workloads/char-lm/data.js';
import { charLm } from '../../../workloads/char-lm/workload.js';
import { useBackend } from '../../helpers/backend.js';

const ctx = (variant: string) => ({
  cacheDir: '',
  splitSeed: new Rng(deriveSeed('split', ['char-lm', 1, variant])),
  variant,
});

describe('char-lm data', () => {
  it('reads CMU-dict words and first names as lower-case a–z only, deduplicated and sorted', () => {
    const words = readWords('cmudict');
    expect(words.length).toBeGreaterThan(100_000);
    expect(words.every((w) => /^[a-z]+$/.test(w))).toBe(true);
    expect(new Set(words).size).toBe(words.length);
    expect([...words].sort()).toEqual(words);
    // "read(1)"-style alternate pronunciations and entries with punctuation are gone.
    expect(words).toContain('aachen');
    const names = readWords('names');
    expect(names.length).toBeGreaterThan(7000);
    expect(names).toContain('abigail');
  });

  it('turns a word into one example per character plus the end of the word, contexts padded with the boundary', () => {
    const ex = charExamples(['ab'], 3);
    expect(ex.n).toBe(3);
    const ctxOf = (row: number) =>
      [0, 1, 2]
        .map((k) => ALPHABET[ex.x.subarray(row * 3 * VOCAB + k * VOCAB, row * 3 * VOCAB + (k + 1) * VOCAB).indexOf(1)])
        .join('');
    expect([ctxOf(0), ctxOf(1), ctxOf(2)]).toEqual(['...', '..a', '.ab']);
    expect([...ex.y].map((i) => ALPHABET[i])).toEqual(['a', 'b', '.']);
    // Exactly one active symbol per context slot.
    expect(Array.from(ex.x).reduce((s, v) => s + v, 0)).toBe(3 * 3);
  });

  it('splits by word with a seed: held-out words are never in training, and the split is reproducible', () => {
    const s = { corpus: 'names' as const, context: 4, trainWords: 500, validWords: 100 };
    const a = loadCharLm(ctx('x'), s);
    const b = loadCharLm(ctx('x'), s);
    expect(a.train.n).toBe(b.train.n);
    expect(Buffer.from(a.valid.x).equals(Buffer.from(b.valid.x))).toBe(true);
    expect(a.featureSize).toBe(4 * VOCAB);
    expect(a.task).toEqual({ kind: 'classification', numClasses: VOCAB });
  });

  it('reports its loss in bits per character', async () => {
    await useBackend('wasm');
    const uniform = tf.zeros<tf.Rank.R2>([4, VOCAB]);
    const targets = tf.oneHot(tf.tensor1d([0, 1, 2, 3], 'int32'), VOCAB).toFloat() as tf.Tensor2D;
    const bits = charLm.loss!(uniform, targets);
    expect(bits.dataSync()[0]).toBeCloseTo(Math.log2(VOCAB), 5);
    tf.dispose([uniform, targets, bits]);
  });
});
