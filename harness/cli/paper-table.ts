import { PAPER_STATUSES, type PaperListing } from '../core/paper.js';

/** Splits text into lines of at most `width` characters at spaces (a longer word keeps its own line). */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * `list papers` for a terminal: per paper a line with its number, status, title and year, then
 * its cards and reason wrapped under the title; a tally of statuses at the end.
 */
export function paperTable(papers: PaperListing[], columns = process.stdout.columns ?? 100): string {
  const statusWidth = Math.max(...PAPER_STATUSES.map((s) => s.length));
  const indent = ' '.repeat(5 + statusWidth + 2);
  const width = Math.max(40, Math.min(columns, 140) - indent.length);
  const out: string[] = [];
  for (const p of papers) {
    out.push(
      `${String(p.paper).padStart(3)}  ${p.status.padEnd(statusWidth)}  ${p.title}${p.year ? ` (${p.year})` : ''}`,
    );
    const detail = p.claims.length ? `cards: ${p.claims.join(', ')} — ${p.reason}` : p.reason;
    for (const l of wrapText(detail, width)) out.push(indent + l);
  }
  const tally = PAPER_STATUSES.map((s) => [s, papers.filter((p) => p.status === s).length] as const).filter(
    ([, n]) => n > 0,
  );
  out.push('', `${papers.length} seed papers: ${tally.map(([s, n]) => `${n} ${s}`).join(', ')}`);
  return out.join('\n') + '\n';
}
