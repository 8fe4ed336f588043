/**
 * A link target from user text (a claim's paper URL) or from the harness (a report's relative
 * link), made safe for an `href`. It is parsed the way a browser parses it (the WHATWG URL parser
 * strips tabs, newlines and leading control characters, so `java\tscript:` is `javascript:`);
 * only `http:` and `https:` survive as absolute links, and a relative link survives only as a
 * plain path that stays on the page's own origin. Anything else becomes `#`.
 */
const BASE = 'https://reprobench.invalid/report/';

export function safeHref(u: unknown): string {
  if (typeof u !== 'string' || u.trim() === '') return '#';
  let absolute: URL | null = null;
  try {
    absolute = new URL(u);
  } catch {
    // Not absolute: resolved against a stand-in base below.
  }
  if (absolute) return absolute.protocol === 'http:' || absolute.protocol === 'https:' ? absolute.href : '#';
  // Relative: only a plain path (the harness writes `runs/01-adan/report.html`), no whitespace,
  // control or backslash characters, no `//host`, staying on the page's own origin.
  if (!RELATIVE_PATH.test(u) || u.startsWith('//')) return '#';
  try {
    return new URL(u, BASE).origin === new URL(BASE).origin ? u : '#';
  } catch {
    return '#';
  }
}

const RELATIVE_PATH = /^[A-Za-z0-9._~!$&'()*+,;=:@%/?#-]+$/;
