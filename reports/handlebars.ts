import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { PACKAGE_ROOT } from '../harness/package-root.js';
import { safeHref } from './safe-url.js';

/** A Handlebars instance with the formatting helpers the templates share. Every `{{x}}` is escaped. */
export const hb = Handlebars.create();

const isNum = (v: unknown): v is number => typeof v === 'number';
// Links: http(s) and the harness's relative links survive; anything else (javascript:, data:, mailto:) becomes '#'.
hb.registerHelper('url', (u: unknown) => safeHref(u));
// Not named `point`: a helper shadows a context field of the same name (`{{point}}` in the tuning
// tables printed this helper's options object, Handlebars internals and all).
hb.registerHelper('fmtPoint', (p: unknown) =>
  p && typeof p === 'object'
    ? Object.entries(p as Record<string, unknown>)
        .map(([k, v]) => `${k}=${isNum(v) ? Number(v.toPrecision(4)) : String(v)}`)
        .join(' ')
    : '—',
);
hb.registerHelper('join', (xs: string[]) => xs.join(', '));
hb.registerHelper('margin', (m: { value: number; units: string }) =>
  m.units === 'relative' ? `±${Number((m.value * 100).toPrecision(4))}% (relative)` : `±${m.value} (absolute)`,
);
hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
hb.registerHelper('kind', (d: unknown) =>
  d === 'non-inferior'
    ? 'non-inferiority ("matches or beats": the method is no worse than −δ)'
    : d === 'equivalent'
      ? 'equivalence (parity within ±δ)'
      : 'superiority (the method beats the baseline by more than +δ)',
);
hb.registerHelper('dir', (d: string) => (d === 'higher' ? '≥' : '≤'));
/* eslint-disable @typescript-eslint/no-base-to-string -- template values are strings and numbers; String() is the fallback */
hb.registerHelper('slug', (s: unknown) =>
  String(s ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-'),
);
hb.registerHelper('inf', (v: unknown) =>
  v === null || v === undefined
    ? '∞'
    : isNum(v)
      ? Number.isFinite(v)
        ? String(Number(v.toPrecision(6)))
        : '∞'
      : String(v),
);
hb.registerHelper('sec', (v: unknown) => (isNum(v) && Number.isFinite(v) ? v.toFixed(2) : '∞'));
hb.registerHelper('num', (v: unknown) =>
  isNum(v)
    ? Number.isFinite(v)
      ? String(Number(v.toPrecision(4)))
      : '∞'
    : v === null || v === undefined
      ? '—'
      : String(v),
);
/* eslint-enable @typescript-eslint/no-base-to-string */
// A share of resamples as the count it stands for ("1000 of 1000", never "1 of 1000").
hb.registerHelper('share', (p: unknown, n: unknown) => (isNum(p) && isNum(n) ? `${Math.round(p * n)} of ${n}` : '—'));
hb.registerHelper('pv', (p: unknown) =>
  isNum(p) ? (p < 1e-4 ? p.toExponential(1) : String(Number(p.toPrecision(2)))) : '—',
);

/** Reads a file from `reports/templates/` (shipped with the package, next to dist/). */
export function templateFile(name: string): string {
  return readFileSync(join(PACKAGE_ROOT, 'reports', 'templates', name), 'utf8');
}

const compiled = new Map<string, Handlebars.TemplateDelegate>();

export function template(name: string): Handlebars.TemplateDelegate {
  let t = compiled.get(name);
  if (!t) {
    t = hb.compile(templateFile(name));
    compiled.set(name, t);
  }
  return t;
}
