import { join } from 'node:path';
import { PACKAGE_VERSION } from '../harness/package-root.js';
import { writeFileAtomic, writeJsonAtomic } from '../harness/store/atomic.js';
import { catalogueData, type CatalogueData } from './data/catalogue-data.js';
import { template, templateFile } from './handlebars.js';

export function renderCatalogue(d: CatalogueData, wallSeconds: number | null): string {
  return template('catalogue.hbs')({
    ...d,
    tally: ['reproduced', 'partially reproduced', 'not reproduced', 'inconclusive'].map((v) => ({ verdict: v, count: d.rows.filter((r) => r.verdict === v).length })),
    wallSeconds,
    generatedAt: new Date().toISOString(),
    version: PACKAGE_VERSION,
    css: templateFile('report.css'),
  });
}

/** Writes `<runsDir>/catalogue.html` and `catalogue.json` from the claims' summaries. */
export function writeCatalogue(runsDir: string, claimIds: string[], o: { wallSeconds?: number; trainSeconds?: Record<string, number> } = {}): { html: string; json: string; data: CatalogueData } {
  const data = catalogueData(runsDir, claimIds, o.trainSeconds);
  const html = join(runsDir, 'catalogue.html');
  const json = join(runsDir, 'catalogue.json');
  writeFileAtomic(html, renderCatalogue(data, o.wallSeconds ?? null));
  writeJsonAtomic(json, { ...data, wallSeconds: o.wallSeconds ?? null });
  return { html, json, data };
}
