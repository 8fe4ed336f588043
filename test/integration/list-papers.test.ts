import { describe, expect, it } from 'vitest';
import { PAPER_STATUSES } from '../../harness/core/paper.js';
import { cli } from '../helpers/cli.js';

describe('reprobench list papers', () => {
  it('--json: every seed paper as {paper, title, status, claims, reason} (plus year where the seed has one, and the quote)', () => {
    const r = cli(['list', 'papers', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const papers = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
    expect(papers.map((p) => p.paper)).toEqual(Array.from({ length: 106 }, (_, i) => i + 1));
    for (const p of papers) {
      expect(
        Object.keys(p)
          .filter((k) => k !== 'year')
          .sort(),
      ).toEqual(['claims', 'paper', 'quote', 'reason', 'status', 'title']);
      expect(PAPER_STATUSES).toContain(p.status);
      expect((p.claims as string[]).length > 0).toBe(p.status === 'claim');
      expect(String(p.reason).length).toBeGreaterThan(20);
    }
    const claimIds = (JSON.parse(cli(['list', 'claims', '--json']).stdout) as Array<{ id: string }>).map((c) => c.id);
    for (const id of papers.flatMap((p) => p.claims as string[])) expect(claimIds).toContain(id);
    expect(papers.find((p) => p.paper === 22)).toMatchObject({
      title: 'Adan: Adaptive Nesterov Momentum Algorithm for Faster Optimizing Deep Models',
      year: 2022,
      status: 'claim',
      claims: ['adan'],
    });
  });

  it('prints a table a terminal can show: a line per paper, its cards and reason wrapped under the title, a tally', () => {
    const r = cli(['list', 'papers']);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.filter((l) => /^ {0,2}\d{1,3} {2}\S/.test(l))).toHaveLength(106);
    const adan =
      /^ 22 {2}claim {14}Adan: Adaptive Nesterov Momentum Algorithm for Faster Optimizing Deep Models \(2022\)\n {24}cards: adan/m;
    expect(r.stdout).toMatch(adan);
    expect(r.stdout).toMatch(/^ 14 {2}out-of-scale {7}Relation DETR: .*\n {24}needs COCO-scale detection/m);
    expect(lines.at(-1)).toMatch(
      /^106 seed papers: \d+ claim, \d+ not-yet-run, \d+ out-of-scale, \d+ methodology, \d+ no-testable-claim$/,
    );
    // Reasons are wrapped to the terminal (100 columns when not a terminal), titles are never cut.
    for (const l of lines.filter((x) => x.startsWith(' '.repeat(24)))) expect(l.length).toBeLessThanOrEqual(100);
  });
});
