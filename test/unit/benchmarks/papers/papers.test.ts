import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { benchmarkClaims } from '../../../../benchmarks/claims/index.js';
import { seedPapers } from '../../../../benchmarks/papers/index.js';
import { loadRegistries } from '../../../../harness/builtins.js';
import { PAPER_STATUSES } from '../../../../harness/core/paper.js';
import { listPapers } from '../../../../harness/core/papers.js';
import { ROOT } from '../../../helpers/cli.js';

describe('the shipped seed papers', () => {
  it('are the 106 papers of the seed, numbered 1–106 once each, with distinct titles', () => {
    expect(seedPapers.map((p) => p.paper).sort((a, b) => a - b)).toEqual(Array.from({ length: 106 }, (_, i) => i + 1));
    expect(new Set(seedPapers.map((p) => p.title)).size).toBe(106);
  });

  it('agree with the cards: every claim entry names built-in cards citing it, every citing card is named', async () => {
    const r = await loadRegistries(ROOT);
    const listed = listPapers(r);
    expect(listed.map((p) => p.paper)).toEqual(Array.from({ length: 106 }, (_, i) => i + 1));
    const citing = benchmarkClaims.filter((c) => c.paper.catalogue !== undefined);
    expect(citing.length).toBeGreaterThan(10);
    for (const c of citing) {
      expect(listed[c.paper.catalogue! - 1]).toMatchObject({ status: 'claim', claims: expect.arrayContaining([c.id]) });
    }
    expect(listed.flatMap((p) => p.claims).sort()).toEqual(citing.map((c) => c.id).sort());
    for (const p of listed) expect(PAPER_STATUSES).toContain(p.status);
  });

  it.each(seedPapers.map((p) => [p.paper, p] as const))('#%i says what a reader needs for its status', (_n, p) => {
    expect(p.quote.length).toBeGreaterThan(15);
    expect(p.quote.length).toBeLessThan(220);
    expect(p.reason.length).toBeGreaterThan(20);
    if (p.status === 'out-of-scale') expect(p.reason).toMatch(/^needs /);
    if (p.status === 'not-yet-run') expect(p.reason).toMatch(/^planned miniature: /);
    // A methodology entry points at the code or docs that hold the rule, and they exist.
    for (const w of p.where ?? []) expect(existsSync(join(ROOT, w)), w).toBe(true);
    if (p.status === 'methodology') expect(p.where!.length).toBeGreaterThan(0);
  });
});
