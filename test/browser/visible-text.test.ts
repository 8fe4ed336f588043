/// <reference lib="dom" />
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAPER_STATUSES } from '../../harness/core/paper.js';
import { CLAIM_LABELS } from '../../harness/stats/index.js';
import { launch, watchedPage } from '../helpers/browser.js';
import { cli, ROOT, tempDir } from '../helpers/cli.js';

/**
 * Reads pages as a person does: the whole visible text. Template internals — a helper's options
 * object, a function's source, an unset field, a raw mustache — must never reach it (a `{{point}}`
 * that collided with the `point` helper once filled two thirds of every claim report).
 */
const INTERNALS = /\[object Object\]|\bfunction\b|\bundefined\b|\bNaN\b|\{\{|\}\}|lookupProperty|hash=/;

const COMMITTED = join(ROOT, 'docs', 'catalogue');
/** Every pre-registration line: unchanged (with the first run's commit), changed, or not recorded. */
const PREREGISTRATION =
  /^(card unchanged since its first run \(.+\)|card changed since its first run \(.+\): .+|card not recorded: the reference predates pre-registration)$/;
const committedPages = (): string[] => [
  join(COMMITTED, 'catalogue.html'),
  ...readdirSync(COMMITTED, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => join(COMMITTED, d.name, 'report.html')),
];

let browser: Browser;
const fresh = tempDir();

beforeAll(async () => {
  // Every claim report rendered now from the committed references: real data, today's templates.
  const r = cli(['catalogue', '--out', fresh]);
  expect(r.code, r.stderr).toBe(0);
  browser = await launch();
}, 240_000);

afterAll(async () => browser?.close());

async function visibleText(file: string): Promise<string> {
  const w = await watchedPage(browser);
  await w.page.goto(pathToFileURL(file).href);
  const text = await w.page.evaluate(() => document.body.innerText);
  expect(w.errors, file).toEqual([]);
  await w.page.close();
  return text;
}

function expectClean(file: string, text: string): void {
  const m = INTERNALS.exec(text);
  const around = m ? text.slice(Math.max(0, m.index - 80), m.index + 80) : '';
  expect(m, `${file} shows template internals: …${around}…`).toBeNull();
}

describe('the visible text of every report and of the catalogue', () => {
  it('committed pages (docs/catalogue) show no template internals', async () => {
    const pages = committedPages();
    expect(pages.length).toBeGreaterThan(10);
    for (const file of pages) expectClean(file, await visibleText(file));
  });

  it('pages rendered now from the references show no template internals, and lead with label, scope, fidelity and claimed vs measured', async () => {
    const reports = readdirSync(fresh, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => join(fresh, d.name, 'report.html'));
    expect(reports.length).toBeGreaterThan(10);
    for (const file of [join(fresh, 'catalogue.html'), ...reports]) expectClean(file, await visibleText(file));
    const w = await watchedPage(browser);
    for (const file of reports) {
      await w.page.goto(pathToFileURL(file).href);
      const lead = w.page.locator('#lead');
      expect(CLAIM_LABELS, file).toContain(await lead.locator('[data-k="overall"]').innerText());
      expect(await lead.locator('[data-k="scope"]').innerText(), file).toMatch(/^at miniature scale: \S/);
      expect(['faithful', 'stand-in'], file).toContain(await lead.locator('[data-k="fidelity"]').innerText());
      const headlines = await lead.locator('[data-k="headline"]').allInnerTexts();
      expect(headlines.length, file).toBeGreaterThan(0);
      for (const h of headlines) expect(h, file).toMatch(/: claimed .+ · measured .+\[.+\]/);
      // The lead comes before any statistics: the per-comparison table is further down the page.
      const leadTop = await lead.evaluate((el) => el.getBoundingClientRect().top);
      const tableTop = await w.page
        .locator('#verdict table.comparisons')
        .evaluate((el) => el.getBoundingClientRect().top);
      expect(leadTop).toBeLessThan(tableTop);
      expect(
        (await w.page.locator('[data-k="preregistration"]').innerText()).replace(/\s+/g, ' ').trim(),
        file,
      ).toMatch(PREREGISTRATION);
    }
  });

  it('every catalogue row says its verdict, scale and fidelity, and claimed vs measured per comparison', async () => {
    for (const file of [join(fresh, 'catalogue.html'), join(COMMITTED, 'catalogue.html')]) {
      const w = await watchedPage(browser);
      await w.page.goto(pathToFileURL(file).href);
      const rows = await w.page.locator('table.catalogue tbody tr').all();
      expect(rows.length, file).toBeGreaterThan(10);
      for (const row of rows) {
        const id = await row.getAttribute('data-claim');
        expect(CLAIM_LABELS, `${file} ${id}`).toContain(
          await row.locator('[data-k="verdict"] .badge').first().innerText(),
        );
        expect(await row.locator('[data-k="scope"]').innerText(), `${file} ${id}`).toMatch(/^at miniature scale: \S/);
        expect(['faithful', 'stand-in'], `${file} ${id}`).toContain(
          await row.locator('[data-k="fidelity"]').innerText(),
        );
        for (const h of await row.locator('[data-k="headline"]').allInnerTexts())
          expect(h).toMatch(/^claimed .+ · measured /);
        if (file.startsWith(fresh)) {
          expect(await row.locator('[data-k="preregistration"]').innerText(), `${file} ${id}`).toMatch(PREREGISTRATION);
        }
      }
      await w.page.close();
    }
  });

  it('the catalogue lists all 106 seed papers under the claims, each with a status, a reason and its claims linked', async () => {
    const file = join(fresh, 'catalogue.html');
    const w = await watchedPage(browser);
    await w.page.goto(pathToFileURL(file).href);
    const claimsTop = await w.page.locator('table.catalogue').evaluate((el) => el.getBoundingClientRect().bottom);
    expect(await w.page.locator('table.papers').evaluate((el) => el.getBoundingClientRect().top)).toBeGreaterThan(
      claimsTop,
    );
    const rows = await w.page.locator('table.papers tbody tr').all();
    expect(rows).toHaveLength(106);
    let linked = 0;
    for (const [i, row] of rows.entries()) {
      expect(await row.locator('td').first().innerText()).toBe(String(i + 1));
      const status = await row.locator('[data-k="status"]').innerText();
      expect(PAPER_STATUSES, `paper ${i + 1}`).toContain(status);
      expect((await row.locator('[data-k="reason"]').innerText()).length, `paper ${i + 1}`).toBeGreaterThan(20);
      const links = await row.locator('[data-k="claims"] a').all();
      expect(links.length > 0, `paper ${i + 1}: ${status}`).toBe(status === 'claim');
      for (const a of links) {
        const href = (await a.getAttribute('href'))!;
        expect(href).toBe(`${await a.innerText()}/report.html`);
        expect(existsSync(join(fresh, href)), href).toBe(true);
        linked++;
      }
    }
    expect(linked).toBeGreaterThan(10);
    await w.page.close();
  });
});
