import { describe, expect, it } from 'vitest';
import type { SeedPaper } from '../../../harness/core/paper.js';
import { normalise, parseSeed, seedMismatches } from '../../../scripts/check-seed-papers.js';

const long = (s: string) => `${s} ${'More words of the abstract follow here. '.repeat(7)}`;
// The seed's layout: page chrome, then per paper a title, the abstract on one line and (mostly) authors and a date.
const SEED = [
  'Daily Papers',
  '',
  'Oct 30',
  '',
  'First Paper',
  '',
  long('We reach 71.9\\% accuracy and a 1.31times speedup.'),
  '',
  '  • 4 authors',
  '·',
  'Jul 28, 2021',
  '',
  'Second Paper Without Authors',
  '',
  long('It  converges\tfaster.'),
  '',
  'Third Paper',
  '',
  long('No numbers here.'),
  '',
  '  • 1 authors',
  '·',
  'Sep 14 2',
  '',
].join('\n');

const entry = (n: number, title: string, quote: string, year?: number): SeedPaper => ({
  paper: n,
  title,
  quote,
  status: 'no-testable-claim',
  reason: 'r',
  ...(year ? { year } : {}),
});

describe('scripts/check-seed-papers.ts', () => {
  it('reads title, year (when the date has one) and abstract of every paper', () => {
    const seed = parseSeed(SEED);
    const titlesAndYears = [
      ['First Paper', 2021],
      ['Second Paper Without Authors', null],
      ['Third Paper', null],
    ];
    expect(seed.map((s) => [s.title, s.year])).toEqual(titlesAndYears);
    expect(seed[0]!.abstract).toMatch(/^We reach 71\.9\\% accuracy/);
  });

  it('reads the LaTeX residue as meant and whitespace runs as one space', () => {
    expect(normalise('71.9\\% and 1.31times, not sometimes')).toBe('71.9% and 1.31×, not sometimes');
  });

  it('passes matching entries and names every mismatch', () => {
    const seed = parseSeed(SEED);
    const good = [
      entry(1, 'First Paper', '71.9% accuracy and a 1.31× speedup', 2021),
      entry(2, 'Second Paper Without Authors', 'converges faster'),
      entry(3, 'Third Paper', 'No numbers'),
    ];
    expect(seedMismatches(good, seed)).toEqual([]);
    const bad = [
      entry(1, 'First paper', '72% accuracy', 2020),
      entry(2, 'Second Paper Without Authors', 'converges faster', 2019),
    ];
    expect(seedMismatches(bad, seed)).toEqual([
      '2 papers listed, 3 in the seed',
      '#1: title "First paper" ≠ seed "First Paper"',
      '#1: year 2020 ≠ seed 2021',
      '#1: quote not in the abstract: "72% accuracy"',
      '#2: year 2019 ≠ seed none',
    ]);
  });
});
