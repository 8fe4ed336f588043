import { join } from 'node:path';
import { PACKAGE_VERSION } from '../harness/package-root.js';
import { writeFileAtomic, writeJsonAtomic } from '../harness/store/atomic.js';
import { CLAIM_LABELS } from '../harness/stats/index.js';
import { catalogueData, type CatalogueData } from './data/catalogue-data.js';
import { template, templateFile } from './handlebars.js';

export function renderCatalogue(d: CatalogueData, wallSeconds: number | null): string {
  return template('catalogue.hbs')({
    ...d,
    tally: CLAIM_LABELS.map((v) => ({ verdict: v, count: d.rows.filter((r) => r.verdict === v).length })).filter((t) => t.count > 0),
    wallSeconds,
    // Re-judged from references there are no timings: leave the column out rather than fill it with dashes.
    anyTrainSeconds: d.rows.some((r) => r.trainSeconds !== null),
    generatedAt: new Date().toISOString(),
    version: PACKAGE_VERSION,
    css: templateFile('report.css'),
  });
}

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/\n/g, ' ');

/** The catalogue as a Markdown table (`catalogue.md`), generated so that docs never hand-copy verdicts. */
export function catalogueMarkdown(d: CatalogueData): string {
  const lines = [
    '| # | claim | verdict | where it holds | fidelity | claimed vs measured, per comparison |',
    '| --- | --- | --- | --- | --- | --- |',
    ...d.rows.map((r) =>
      [
        r.catalogue ?? '—',
        `[\`${r.id}\`](${r.reportHref})`,
        `**${r.verdict}**`,
        cell(r.scope.replace(/^at miniature scale: /, '')),
        cell(r.fidelity === 'stand-in' ? `stand-in: ${r.differs}` : 'faithful'),
        r.comparisons.map((c) => cell(`${c.label}: ${c.headline} (${c.verdict})`)).join('<br>'),
      ].join(' | '),
    ).map((row) => `| ${row} |`),
  ];
  return lines.join('\n') + '\n';
}

/** Writes `<runsDir>/catalogue.html`, `catalogue.json` and `catalogue.md` from the claims' summaries. */
export function writeCatalogue(runsDir: string, claimIds: string[], o: { wallSeconds?: number; trainSeconds?: Record<string, number> } = {}): { html: string; json: string; data: CatalogueData } {
  const data = catalogueData(runsDir, claimIds, o.trainSeconds);
  const html = join(runsDir, 'catalogue.html');
  const json = join(runsDir, 'catalogue.json');
  writeFileAtomic(html, renderCatalogue(data, o.wallSeconds ?? null));
  writeJsonAtomic(json, { ...data, wallSeconds: o.wallSeconds ?? null });
  writeFileAtomic(join(runsDir, 'catalogue.md'), catalogueMarkdown(data));
  return { html, json, data };
}
