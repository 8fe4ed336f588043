// Checks benchmarks/papers/ against the seed itself: every paper in order, its title, its year
// and that its quote is in its abstract, verbatim.
//   npx tsx scripts/check-seed-papers.ts [path/to/seed-papers.txt]   (default: ../shared/seed-papers.txt)
// Exits 1 and lists each mismatch. The seed is not in the repository, so this is a script, not a test.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SeedPaper } from '../harness/core/paper.js';

export interface SeedEntry {
  title: string;
  year: number | null;
  abstract: string;
}

/**
 * The seed is a page of paper cards: a title line, the abstract on one long line, then (for most)
 * "• N authors", "·" and a date whose year may be missing or cut off.
 */
export function parseSeed(text: string): SeedEntry[] {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const out: SeedEntry[] = [];
  for (let i = 1; i < lines.length; i++) {
    if (lines[i]!.length <= 250) continue;
    const hasDate = /^•\s*\d+ authors?$/.test(lines[i + 1] ?? '') && lines[i + 2] === '·';
    const year = hasDate ? /^[A-Z][a-z]{2} \d{1,2}, (\d{4})\b/.exec(lines[i + 3] ?? '')?.[1] : undefined;
    out.push({ title: lines[i - 1]!, year: year ? Number(year) : null, abstract: lines[i]! });
  }
  return out;
}

/**
 * Whitespace runs are one space; the seed's LaTeX residue reads as what it meant: `\%` as `%`, and
 * `times` glued to a number (from `\times`) as `×`.
 */
export function normalise(s: string): string {
  return s
    .replace(/\\%/g, '%')
    .replace(/(\d)times/g, '$1×')
    .replace(/\s+/g, ' ');
}

export function seedMismatches(papers: SeedPaper[], seed: SeedEntry[]): string[] {
  const bad: string[] = [];
  if (papers.length !== seed.length) bad.push(`${papers.length} papers listed, ${seed.length} in the seed`);
  for (const p of papers) {
    const s = seed[p.paper - 1];
    if (!s) {
      bad.push(`#${p.paper}: no such paper in the seed`);
      continue;
    }
    if (p.title !== s.title) bad.push(`#${p.paper}: title "${p.title}" ≠ seed "${s.title}"`);
    if ((p.year ?? null) !== s.year) bad.push(`#${p.paper}: year ${p.year ?? 'none'} ≠ seed ${s.year ?? 'none'}`);
    if (!normalise(s.abstract).includes(normalise(p.quote)))
      bad.push(`#${p.paper}: quote not in the abstract: "${p.quote}"`);
  }
  return bad;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { seedPapers } = await import('../benchmarks/papers/index.js');
  const path = process.argv[2] ?? join(import.meta.dirname, '..', '..', 'shared', 'seed-papers.txt');
  const bad = seedMismatches(seedPapers, parseSeed(readFileSync(path, 'utf8')));
  for (const line of bad) console.log(line);
  console.log(bad.length ? `${bad.length} mismatches` : `all ${seedPapers.length} papers match ${path}`);
  process.exitCode = bad.length ? 1 : 0;
}
