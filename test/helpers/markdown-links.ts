import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * GitHub's heading anchor (the github-slugger rule): lower case, drop everything that is not a letter,
 * mark, number, connector, space or hyphen, spaces to hyphens; a repeated anchor gets -1, -2, ...
 */
export function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const line of outsideCodeBlocks(markdown)) {
    const m = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!m) continue;
    const base = m[1]!
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
      .replace(/ /g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    anchors.add(n === 0 ? base : `${base}-${n}`);
  }
  return anchors;
}

/** The lines of a markdown text outside fenced code blocks (links there are examples, not links). */
function outsideCodeBlocks(markdown: string): string[] {
  let fenced = false;
  return markdown.split('\n').filter((line) => {
    if (/^\s*```/.test(line)) {
      fenced = !fenced;
      return false;
    }
    return !fenced;
  });
}

/** Inline links `[text](target)` outside code blocks and code spans, with their line numbers. */
export function relativeLinks(markdown: string): Array<{ target: string; line: number }> {
  const links: Array<{ target: string; line: number }> = [];
  let fenced = false;
  markdown.split('\n').forEach((line, i) => {
    if (/^\s*```/.test(line)) fenced = !fenced;
    if (fenced) return;
    const text = line.replace(/`[^`]*`/g, (span) => (span.includes('](') ? '' : span));
    for (const m of text.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
      const target = m[1]!;
      if (!/^[a-z][a-z0-9+.-]*:/i.test(target)) links.push({ target, line: i + 1 });
    }
  });
  return links;
}

/** Each relative link of `file` (path from root) whose file or heading anchor does not exist, as `file:line: target (why)`. */
export function brokenLinks(root: string, file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  return relativeLinks(text).flatMap(({ target, line }) => {
    const [path, anchor] = target.split('#', 2) as [string, string | undefined];
    const abs = path ? resolve(dirname(join(root, file)), decodeURIComponent(path)) : join(root, file);
    const where = `${file}:${line}: ${target}`;
    if (relative(root, abs).startsWith('..')) return [`${where} (outside the repository)`];
    if (!existsSync(abs)) return [`${where} (no such file)`];
    if (anchor === undefined || anchor === '') return [];
    if (statSync(abs).isDirectory() || !abs.endsWith('.md'))
      return [`${where} (an anchor into a file that is not markdown)`];
    return headingAnchors(readFileSync(abs, 'utf8')).has(anchor) ? [] : [`${where} (no heading with this anchor)`];
  });
}
