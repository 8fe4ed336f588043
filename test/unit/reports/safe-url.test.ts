import { describe, expect, it } from 'vitest';
import { hb } from '../../../reports/handlebars.js';
import { safeHref } from '../../../reports/safe-url.js';
import { HOSTILE_URLS } from '../../helpers/hostile-urls.js';

describe('links in reports: WHATWG-parsed, http(s) and plain relative paths only', () => {
  it.each(HOSTILE_URLS)('%j becomes #', (u) => {
    expect(safeHref(u)).toBe('#');
  });

  it.each([
    ['https://arxiv.org/abs/2208.06677', 'https://arxiv.org/abs/2208.06677'],
    ['HTTP://Example.org/a b', 'http://example.org/a%20b'],
    ['https://openreview.net/forum?id=abc#sec', 'https://openreview.net/forum?id=abc#sec'],
    // The relative links the harness writes (catalogue and leaderboard).
    ['adan/report.html', 'adan/report.html'],
    ['runs/01-adan_run/report.html', 'runs/01-adan_run/report.html'],
  ])('%j stays a link (%j)', (u, want) => {
    expect(safeHref(u)).toBe(want);
  });

  it.each([[''], ['   '], [null], [42], [{ href: 'https://x.org' }]])('%j (not a usable string) becomes #', (u) => {
    expect(safeHref(u)).toBe('#');
  });

  it("is what the templates' url helper writes, HTML-escaped", () => {
    const t = hb.compile('<a href="{{url u}}">x</a>');
    expect(t({ u: 'java\tscript:alert(1)' })).toBe('<a href="#">x</a>');
    expect(t({ u: 'https://x.org/?a=1&b="2"' })).toBe(
      `<a href="${hb.escapeExpression('https://x.org/?a=1&b=%222%22')}">x</a>`,
    );
  });
});
