import { join } from 'node:path';
import { PACKAGE_VERSION } from '../harness/package-root.js';
import { writeFileAtomic, writeJsonAtomic } from '../harness/store/atomic.js';
import { CLAIM_LABELS } from '../harness/stats/index.js';
import { PAPER_STATUSES, type PaperListing } from '../harness/core/paper.js';
import { catalogueData, type CatalogueData, type ClaimSeconds } from './data/catalogue-data.js';
import { template, templateFile } from './handlebars.js';

export function renderCatalogue(d: CatalogueData, wallSeconds: number | null): string {
  return template('catalogue.hbs')({
    ...d,
    tally: CLAIM_LABELS.map((v) => ({ verdict: v, count: d.rows.filter((r) => r.verdict === v).length })).filter(
      (t) => t.count > 0,
    ),
    paperTally: paperTally(d),
    wallSeconds,
    // Re-judged from references there are no timings: leave the column out rather than fill it with dashes.
    anySeconds: d.rows.some((r) => r.wallSeconds !== null),
    generatedAt: new Date().toISOString(),
    version: PACKAGE_VERSION,
    css: templateFile('report.css'),
  });
}

function paperTally(d: CatalogueData): Array<{ status: string; count: number }> {
  return PAPER_STATUSES.map((status) => ({ status, count: d.papers.filter((p) => p.status === status).length })).filter(
    (t) => t.count > 0,
  );
}

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/\n/g, ' ');

/** The catalogue as a Markdown table (`catalogue.md`), generated so that docs never hand-copy verdicts. */
export function catalogueMarkdown(d: CatalogueData): string {
  const lines = [
    '| # | claim | verdict | where it holds | fidelity | claimed vs measured, per comparison | pre-registration |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...d.rows
      .map((r) =>
        [
          r.catalogue ?? '—',
          `[\`${r.id}\`](${r.reportHref})`,
          `**${r.verdict}**`,
          cell(r.scope.replace(/^at miniature scale: /, '')),
          cell(r.fidelity === 'stand-in' ? `stand-in: ${r.differs}` : 'faithful'),
          r.comparisons.map((c) => cell(`${c.label}: ${c.headline} (${c.verdict})`)).join('<br>'),
          cell(r.preregistration.short),
        ].join(' | '),
      )
      .map((row) => `| ${row} |`),
  ];
  if (d.papers.length) lines.push('', ...papersMarkdown(d));
  return lines.join('\n') + '\n';
}

/** The seed papers under the claims: status, and the claims (linked) or the reason. */
function papersMarkdown(d: CatalogueData): string[] {
  return [
    `## Seed papers (${d.papers.length}: ${paperTally(d)
      .map((t) => `${t.count} ${t.status}`)
      .join(', ')})`,
    '',
    '| # | paper | status | claims or reason |',
    '| --- | --- | --- | --- |',
    ...d.papers.map((p) => {
      const claims = p.claims.map((c) => (c.href ? `[\`${c.id}\`](${c.href})` : `\`${c.id}\` (not run)`)).join(', ');
      const title = `${cell(p.title)}${p.year ? ` (${p.year})` : ''}`;
      return `| ${p.paper} | ${title} | ${p.status} | ${claims ? `${claims}: ` : ''}${cell(p.reason)} |`;
    }),
  ];
}

/** Writes `<runsDir>/catalogue.html`, `catalogue.json` and `catalogue.md` from the claims' summaries. */
export function writeCatalogue(
  runsDir: string,
  claimIds: string[],
  o: { wallSeconds?: number; seconds?: Record<string, ClaimSeconds>; papers?: PaperListing[]; cwd?: string } = {},
): { html: string; json: string; data: CatalogueData } {
  const data = catalogueData(runsDir, claimIds, o.seconds, {
    ...(o.papers ? { papers: o.papers } : {}),
    ...(o.cwd ? { cwd: o.cwd } : {}),
  });
  const html = join(runsDir, 'catalogue.html');
  const json = join(runsDir, 'catalogue.json');
  writeFileAtomic(html, renderCatalogue(data, o.wallSeconds ?? null));
  writeJsonAtomic(json, { ...data, wallSeconds: o.wallSeconds ?? null });
  writeFileAtomic(join(runsDir, 'catalogue.md'), catalogueMarkdown(data));
  return { html, json, data };
}
