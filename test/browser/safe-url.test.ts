/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hb } from '../../reports/handlebars.js';
import { launch, watchedPage } from '../helpers/browser.js';
import { HOSTILE_URLS } from '../helpers/hostile-urls.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { tempDir } from '../helpers/cli.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
}, 60_000);
afterAll(async () => browser?.close());

const link = hb.compile('<a id="l" href="{{url u}}">paper</a>');

describe('report links in Chromium', () => {
  it('Chromium itself turns the reported bypasses into javascript: links (what the filter must stop)', async () => {
    const w = await watchedPage(browser);
    const protocols: string[] = [];
    for (const u of HOSTILE_URLS.slice(0, 3)) {
      await w.page.setContent('<a id="l">x</a>');
      const set = (a: Element, href: string) => (a.setAttribute('href', href), (a as HTMLAnchorElement).protocol);
      protocols.push(await w.page.locator('#l').evaluate(set, u));
    }
    expect(protocols).toEqual(['javascript:', 'javascript:', 'javascript:']);
  });

  it('every hostile href through the url helper is no script link, and clicking it runs nothing', async () => {
    const w = await watchedPage(browser);
    const dir = tempDir();
    for (const [i, u] of HOSTILE_URLS.entries()) {
      // A file page, as reports are opened: a relative link resolves against file://.
      const page = join(dir, `report-${i}.html`);
      writeFileSync(page, `<!doctype html><body>${link({ u })}</body>`);
      await w.page.goto(pathToFileURL(page).href);
      const protocol = await w.page.locator('#l').evaluate((a) => (a as HTMLAnchorElement).protocol);
      expect(['http:', 'https:', 'file:'], JSON.stringify(u)).toContain(protocol);
      await w.page.locator('#l').click();
    }
    expect(w.dialogs).toEqual([]);
    expect(w.errors).toEqual([]);
  });
});
