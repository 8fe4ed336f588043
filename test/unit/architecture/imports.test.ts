import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findCycles, listTsFiles, readImportGraph, type ImportGraph } from '../../helpers/import-graph.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const DIRS = ['harness', 'workloads', 'benchmarks', 'reports', 'scripts', 'test', 'index.ts', 'vitest.config.ts'];

/** The one file of harness/ that composes the machinery with the built-in content (issue 21). */
const COMPOSITION_ROOT = 'harness/builtins.ts';

/**
 * Known exceptions to "harness/ imports no content", each with why it is still here. Every entry
 * must still be a real import (checked below), so a fixed one cannot linger.
 */
const CONTENT_IMPORT_ALLOWLIST: ReadonlyArray<{ from: string; to: string; why: string }> = [
  {
    from: 'harness/backends/probe-models.ts',
    to: 'benchmarks/methods/optimizers/adamw.ts',
    why: '`--backend auto` times a step with the built-in AdamW (fused kernels); passing the optimizer in from the '
      + 'composition root needs every initBackend caller changed, and a different optimizer could change the chosen backend',
  },
];

function files(): string[] {
  return listTsFiles(ROOT, DIRS.filter((d) => !d.endsWith('.ts'))).concat(DIRS.filter((d) => d.endsWith('.ts')));
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
    expect(cycles.map((c) => c.join(' → ')), 'files that import each other, directly or around a circle').toEqual([]);
  });

  it('keeps harness/ free of benchmarks/ and workloads/ outside the composition root', () => {
    const crossings: string[] = [];
    for (const [from, targets] of graph) {
      if (!from.startsWith('harness/') || from === COMPOSITION_ROOT) continue;
      for (const to of targets) {
        if (!/^(benchmarks|workloads)\//.test(to)) continue;
        if (CONTENT_IMPORT_ALLOWLIST.some((a) => a.from === from && a.to === to)) continue;
        crossings.push(`${from} → ${to}`);
      }
    }
    expect(crossings, 'machinery importing content: move the code, or compose it in harness/builtins.ts').toEqual([]);
    for (const { from, to } of CONTENT_IMPORT_ALLOWLIST) {
      expect(graph.get(from), `${from} no longer imports ${to}: drop it from the allowlist`).toContain(to);
    }
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
