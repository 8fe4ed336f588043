import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findCycles, listTsFiles, readImportGraph, type ImportGraph } from '../../helpers/import-graph.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const DIRS = ['harness', 'workloads', 'benchmarks', 'reports', 'scripts', 'test', 'index.ts', 'vitest.config.ts'];

/** The one file of harness/ that composes the machinery with the built-in content (issue 21). */
const COMPOSITION_ROOT = 'harness/builtins.ts';

function files(): string[] {
  return listTsFiles(
    ROOT,
    DIRS.filter((d) => !d.endsWith('.ts')),
  ).concat(DIRS.filter((d) => d.endsWith('.ts')));
}

describe('the import graph', () => {
  const graph = readImportGraph(ROOT, files());

  it('reads the real project: hundreds of files and their imports', () => {
    expect(graph.size).toBeGreaterThan(400);
    expect(graph.get('harness/analysis/summary.ts')).toContain('harness/analysis/arm-summary.ts');
    // `import type` counts: a type-only circle still ties two files' designs together.
    expect(graph.get('harness/analysis/judge.ts')).toContain('harness/analysis/arm-summary.ts');
    expect(graph.get('index.ts')).toContain('harness/index.ts');
  });

  it('has no import circle between files', () => {
    const cycles = findCycles(graph);
    expect(
      cycles.map((c) => c.join(' → ')),
      'files that import each other, directly or around a circle',
    ).toEqual([]);
  });

  it('keeps harness/ free of benchmarks/ and workloads/ outside the composition root, with no exception', () => {
    const crossings: string[] = [];
    for (const [from, targets] of graph) {
      if (!from.startsWith('harness/') || from === COMPOSITION_ROOT) continue;
      for (const to of targets) if (/^(benchmarks|workloads)\//.test(to)) crossings.push(`${from} → ${to}`);
    }
    expect(crossings, 'machinery importing content: move the code, or compose it in harness/builtins.ts').toEqual([]);
    // The composition root is where the content comes in: the check above looks at real edges.
    expect(
      graph.get(COMPOSITION_ROOT)!.filter((to) => /^(benchmarks|workloads)\//.test(to)).length,
    ).toBeGreaterThanOrEqual(4);
  });

  it('keeps the paper algorithms with the content, beside their tests', () => {
    const moved = [
      'benchmarks/methods/high-loss-selection.ts',
      'benchmarks/methods/example-scores.ts',
      'benchmarks/methods/predictors/extrapolators.ts',
      'benchmarks/methods/predictors/schedule-transfer.ts',
    ];
    for (const f of moved) expect(graph.has(f), f).toBe(true);
    expect(
      [...graph.keys()].filter((f) => /^harness\/.*(predictors\/|batch-selection|example-scores)/.test(f)),
    ).toEqual([]);
  });
});

describe('findCycles', () => {
  const graphOf = (edges: Record<string, string[]>): ImportGraph => new Map(Object.entries(edges));

  it('finds none in a graph without a circle', () => {
    expect(findCycles(graphOf({ a: ['b', 'c'], b: ['c'], c: [], d: ['a'] }))).toEqual([]);
  });

  it('finds each circle once, with all of its files, and a file that imports itself', () => {
    const graph = graphOf({ a: ['b'], b: ['c'], c: ['a', 'd'], d: ['e'], e: ['d'], f: ['f'], g: ['a'] });
    expect(findCycles(graph)).toEqual([['a', 'b', 'c'], ['d', 'e'], ['f']]);
  });

  it('handles chains deeper than the call stack', () => {
    const n = 20_000;
    const edges: Record<string, string[]> = {};
    for (let i = 0; i < n; i++) edges[`f${i}`] = [`f${(i + 1) % n}`];
    const cycles = findCycles(graphOf(edges));
    expect(cycles).toHaveLength(1);
    expect(cycles[0]).toHaveLength(n);
  });
});
