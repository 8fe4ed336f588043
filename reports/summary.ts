import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import type { ClaimSummary } from '../harness/analysis/summary.js';
import { PACKAGE_ROOT } from '../harness/package-root.js';
import { sequentialLabel } from '../harness/scheduler/adaptive.js';
import { writeFileAtomic, writeJsonAtomic } from '../harness/store/atomic.js';

const hb = Handlebars.create();
hb.registerHelper('join', (xs: string[]) => xs.join(', '));
hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
hb.registerHelper('inf', (v: number | null) => (v === null || v === undefined ? '∞' : String(v)));
hb.registerHelper('fixed', (v: number | null, d: number) => (v === null || v === undefined ? '∞' : v.toFixed(d)));
hb.registerHelper('num', (v: unknown) => (typeof v === 'number' ? String(Number(v.toPrecision(4))) : v === null || v === undefined ? '—' : String(v)));

let template: Handlebars.TemplateDelegate | undefined;

/**
 * The HTML summary of a run: a single self-contained file (inline CSS, no scripts, no network),
 * every user-provided string escaped by Handlebars.
 */
export function renderSummaryHtml(s: ClaimSummary): string {
  template ??= hb.compile(readFileSync(join(PACKAGE_ROOT, 'reports', 'templates', 'summary.hbs'), 'utf8'), { strict: false });
  const tuning = s.tuning
    ? { ...s.tuning, rows: s.tuning.rows.map((r) => ({ ...r, steps: r.steps.map((x) => x ?? '∞').join(', '), chosen: s.tuning!.chosen[`${r.workload}/${r.method}`] === r.value })) }
    : null;
  const driftList = Object.entries(s.tuningDrift).map(([k, [now, was]]) => `${k}: ${String(now)} (card: ${String(was)})`);
  const adaptiveFinal = s.adaptive?.comparisons.map((c) => {
    const d = c.looks.at(-1)!;
    return { method: c.method, baseline: c.baseline, workload: c.workload, decision: sequentialLabel(d), explanation: d.explanation, lookNumber: d.look + 1 };
  });
  return template({ ...s, tuning, driftList, adaptiveFinal });
}

export function writeSummaryFiles(runDir: string, s: ClaimSummary): { json: string; html: string } {
  const json = join(runDir, 'summary.json');
  const html = join(runDir, 'summary.html');
  writeJsonAtomic(json, s);
  writeFileAtomic(html, renderSummaryHtml(s));
  return { json, html };
}
