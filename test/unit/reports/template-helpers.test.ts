import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { hb } from '../../../reports/handlebars.js';
import { PACKAGE_ROOT } from '../../../harness/package-root.js';

const TEMPLATES = join(PACKAGE_ROOT, 'reports', 'templates');

/** `{{name}}` / `{{{name}}}` with nothing after the name, where a helper has that name. */
function bareHelperFields(text: string, helpers: Set<string>): string[] {
  return [...text.matchAll(/\{\{\{?\s*([A-Za-z_][\w]*)\s*\}?\}\}/g)].filter((m) => helpers.has(m[1]!)).map((m) => m[0]);
}

describe('report templates', () => {
  it('never print a bare field whose name is also a helper (Handlebars calls the helper and prints its internals)', () => {
    const helpers = new Set(Object.keys(hb.helpers));
    expect(helpers.has('fmtPoint')).toBe(true);
    const found = readdirSync(TEMPLATES)
      .filter((x) => x.endsWith('.hbs'))
      .flatMap((f) => bareHelperFields(readFileSync(join(TEMPLATES, f), 'utf8'), helpers).map((m) => `${f}: ${m}`));
    expect(found).toEqual([]);
  });

  it('the collision is real, and the check finds it in the old tuning table', () => {
    const local = Handlebars.create();
    local.registerHelper('point', () => 'helper');
    const old = '{{#each rows}}<td>{{point}}</td>{{/each}}';
    expect(local.compile(old)({ rows: [{ point: 'lr=0.1' }] })).toBe('<td>helper</td>');
    expect(bareHelperFields(old, new Set(['point']))).toEqual(['{{point}}']);
  });
});

describe('the share helper', () => {
  it('prints a share of resamples as the count it stands for', () => {
    const render = hb.compile('{{share a n}}');
    expect(render({ a: 1, n: 1000 })).toBe('1000 of 1000');
    expect(render({ a: 0.0425, n: 2000 })).toBe('85 of 2000');
    expect(render({ a: null, n: 1000 })).toBe('—');
  });
});
