/// <reference lib="dom" />
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, launch, watchedPage } from '../helpers/browser.js';
import { cli, ROOT, tempDir } from '../helpers/cli.js';
import { scratchProject } from '../helpers/project.js';

const PROJECT = join(ROOT, 'examples', 'my-project');
const LOGS = join(
  ROOT,
  'test',
  'fixtures',
  'algoperf',
  'logs-subset',
  'algoperf',
  'previous_leaderboards',
  'algoperf_v05',
  'logs',
);
const CHARTS = ['learning-curves', 'time-to-target', 'kaplan-meier'];

/** The way report.hbs prints a number (helpers in reports/handlebars.ts). */
const inf = (v: number | null) => (v === null ? '∞' : String(Number(v.toPrecision(6))));

let browser: Browser;
const run = tempDir();
const site = tempDir();
const imported = tempDir();

beforeAll(async () => {
  const r = cli(['run', 'constant-vs-cosine', '--seeds', '3', '--out', run], { cwd: PROJECT });
  expect(r.code, r.stderr).toBe(0);
  const i = cli(['import', 'algoperf', LOGS, '--ruleset', 'external', '--out', imported]);
  expect(i.code, i.stderr).toBe(0);
  const l = cli(['leaderboard', run, imported, '--out', site], { cwd: PROJECT });
  expect(l.code, l.stderr).toBe(0);
  browser = await launch();
}, 240_000);

afterAll(async () => browser?.close());

describe('claim report in Chromium', () => {
  it('loads with no console error and no network request, every chart present and labelled', async () => {
    const w = await watchedPage(browser);
    await w.page.goto(pathToFileURL(join(run, 'report.html')).href);
    for (const workload of ['two-moons', 'teacher-student']) {
      const section = w.page.locator(`section#w-${workload}`);
      for (const kind of CHARTS)
        await expect(section.locator(`svg.chart[data-chart="${kind}"]`).count()).resolves.toBe(1);
    }
    // Two workloads: the AlgoPerf performance profile appears too.
    expect(await w.page.locator('svg.chart[data-chart="performance-profile"]').count()).toBe(1);
    for (const svg of await w.page.locator('svg.chart').all()) {
      expect((await svg.locator('title').first().textContent())?.length).toBeGreaterThan(5);
      expect((await svg.locator('desc').first().textContent())?.length).toBeGreaterThan(20);
      expect(await svg.getAttribute('role')).toBe('img');
      expect(await svg.locator('.axis-label').count()).toBeGreaterThanOrEqual(1);
    }
    await w.page.screenshot({ path: join(ARTIFACTS, 'report.png'), fullPage: true });
    expect(w.errors).toEqual([]);
    expect(w.network).toEqual([]);
  });

  it('shows the numbers of report.json in its tables', async () => {
    const numbers = JSON.parse(readFileSync(join(run, 'report.json'), 'utf8'));
    const w = await watchedPage(browser);
    await w.page.goto(pathToFileURL(join(run, 'report.html')).href);
    for (const wl of numbers.workloads) {
      for (const arm of wl.arms) {
        const row = w.page.locator(`table.arms[data-workload="${wl.workload}"] tr[data-method="${arm.method}"]`);
        expect(await row.locator('[data-k="reached"]').innerText()).toMatch(new RegExp(`^${arm.reached}/${arm.n}`));
        expect(await row.locator('[data-k="diverged"]').innerText()).toBe(String(arm.diverged));
        expect(await row.locator('[data-k="steps-median"]').innerText()).toBe(inf(arm.stepsMedian));
        expect(await row.locator('[data-k="seconds-median"]').innerText()).toBe(
          arm.secondsMedian === null ? '∞' : arm.secondsMedian.toFixed(2),
        );
        expect(await row.locator('[data-k="final-metric"]').innerText()).toBe(
          String(Number(arm.finalMetric.toPrecision(4))),
        );
      }
    }
    expect(await w.page.locator('#verdict .badge').first().innerText()).toBe(numbers.verdict);
  });

  it('toggles a series from the legend, and prints', async () => {
    const w = await watchedPage(browser);
    await w.page.goto(pathToFileURL(join(run, 'report.html')).href);
    const chart = w.page.locator('svg.chart[data-chart="learning-curves"]').first();
    await chart.locator('.legend-item').first().click();
    expect(await chart.locator('g.series.off').count()).toBe(1);
    await w.page.emulateMedia({ media: 'print' });
    expect(
      await w.page
        .locator('.charts')
        .first()
        .evaluate((el) => getComputedStyle(el).display),
    ).toBe('block');
    const pdf = await w.page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(w.errors).toEqual([]);
  });
});

describe('leaderboard site in Chromium', () => {
  it('mixes native and imported AlgoPerf entries with scores, a profile and working report links', async () => {
    const board = JSON.parse(readFileSync(join(site, 'leaderboard.json'), 'utf8'));
    const w = await watchedPage(browser);
    await w.page.goto(pathToFileURL(join(site, 'index.html')).href);
    const names = await w.page
      .locator('table.leaderboard tbody tr')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-entry')));
    expect(names).toEqual(board.entries.map((e: { name: string }) => e.name));
    expect(names.some((n) => n!.includes('AlgoPerf v0.5'))).toBe(true);
    expect(names).toEqual(
      expect.arrayContaining(['adam-constant · constant-vs-cosine', 'nadamw · constant-vs-cosine']),
    );
    for (const e of board.entries) {
      const row = w.page.locator(`tr[data-entry="${e.name}"]`);
      const score = board.scores[e.name];
      expect(await row.locator('[data-k="score"]').innerText()).toBe(String(Number(score.toPrecision(4))));
    }
    expect(await w.page.locator('svg.chart[data-chart="performance-profile"]').count()).toBe(1);
    await w.page.screenshot({ path: join(ARTIFACTS, 'leaderboard.png'), fullPage: true });
    // Every entry links to its report: native runs' claim reports, imported submissions' pages.
    expect(await w.page.locator('table.leaderboard tbody tr th a').count()).toBe(board.entries.length);
    await Promise.all([
      w.page.waitForURL(/runs\/01-.*\/report\.html$/),
      w.page.locator('table.leaderboard a').first().click(),
    ]);
    expect(await w.page.locator('svg.chart').count()).toBeGreaterThan(3);
    await w.page.goBack();
    await Promise.all([
      w.page.waitForURL(/algoperf\/.*\/report\.html$/),
      w.page.locator('tr[data-entry*="AlgoPerf"] a').first().click(),
    ]);
    expect(await w.page.locator('svg.chart[data-chart="trial-curves"]').count()).toBeGreaterThanOrEqual(1);
    expect(await w.page.locator('table.studies tbody tr').count()).toBeGreaterThan(0);
    expect(w.errors).toEqual([]);
    expect(w.network).toEqual([]);
  });
});

describe('escaping', () => {
  const project = scratchProject('xss-project');
  it('shows user text with markup as text, never as HTML', async () => {
    const out = tempDir();
    const r = cli(['run', 'xss', '--out', out], { cwd: project });
    expect(r.code, r.stderr).toBe(0);
    const w = await watchedPage(browser);
    await w.page.goto(pathToFileURL(join(out, 'report.html')).href);
    expect(await w.page.locator('h1').innerText()).toBe('Claim <img src=x onerror=alert(1)>');
    expect(await w.page.locator('blockquote').innerText()).toBe(
      'Quote <img src=x onerror=alert(1)> <script>alert(2)</script>',
    );
    expect(await w.page.locator('img').count()).toBe(0);
    expect(await w.page.locator('body script').count()).toBe(1); // only the report's own
    // The paper URL is `java\tscript:…`, which Chromium reads as javascript: (the filter parses it the same way).
    expect(await w.page.locator('header .paper a').evaluate((a) => (a as HTMLAnchorElement).protocol)).not.toBe(
      'javascript:',
    );
    await w.page.locator('header .paper a').click();
    expect(w.dialogs).toEqual([]);
    expect(w.errors).toEqual([]);
    // The leaderboard's copy of the report writes the same link.
    const site = tempDir();
    expect(cli(['leaderboard', out, '--out', site], { cwd: project }).code).toBe(0);
    const copy = await watchedPage(browser);
    await copy.page.goto(pathToFileURL(join(site, 'runs', readdirSync(join(site, 'runs'))[0]!, 'report.html')).href);
    expect(await copy.page.locator('header .paper a').evaluate((a) => (a as HTMLAnchorElement).protocol)).not.toBe(
      'javascript:',
    );
    await copy.page.locator('header .paper a').click();
    expect(copy.dialogs).toEqual([]);
  });
});
