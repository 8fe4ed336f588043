import { ReprobenchError } from '../errors.js';
import { paperReason, SeedPaperSchema, type PaperListing, type SeedPaper } from './paper.js';
import type { Registries } from './registries.js';

const bad = (message: string, hint: string) => new ReprobenchError('E_BAD_CONFIG', message, hint);
const WHERE = 'benchmarks/papers/';

/**
 * The seed papers and the cards agree: entries are valid and numbered once; a `claim` entry names
 * built-in cards that cite it (`paper.catalogue`), and every built-in card that cites a paper is
 * named there. A user's card may cite any listed paper. Checked at load, with the registries.
 * @throws ReprobenchError E_BAD_CONFIG
 */
export function checkPapers(r: Registries): void {
  if (r.papers.length === 0) return;
  const seen = new Map<number, SeedPaper>();
  for (const [i, raw] of r.papers.entries()) {
    const parsed = SeedPaperSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const n = String((raw as { paper?: unknown }).paper);
      throw bad(
        `seed paper entry ${i} (#${n}) is invalid: ${issue.path.join('.')}: ${issue.message}`,
        `fix it in ${WHERE}`,
      );
    }
    const p = parsed.data;
    const other = seen.get(p.paper);
    if (other) {
      throw bad(
        `seed paper #${p.paper} is listed twice ("${other.title}" and "${p.title}")`,
        `each catalogue number appears once in ${WHERE}`,
      );
    }
    seen.set(p.paper, p);
    for (const id of p.claims ?? []) {
      if (!r.claims.has(id) || r.claims.originOf(id) !== 'built-in') {
        throw bad(
          `seed paper #${p.paper} names claim "${id}", which is not a built-in card`,
          `name the ids of benchmarks/claims/*.ts, or change its status in ${WHERE}`,
        );
      }
      const cites = r.claims.get(id).paper.catalogue;
      if (cites !== p.paper) {
        throw bad(
          `seed paper #${p.paper} names claim "${id}", whose card cites ${cites === undefined ? 'no catalogue number' : `#${cites}`}`,
          `set paper.catalogue: ${p.paper} in benchmarks/claims/${id}.ts, or fix ${WHERE}`,
        );
      }
    }
  }
  const last = Math.max(...seen.keys());
  for (const c of r.claims.values()) {
    const n = c.paper.catalogue;
    if (n === undefined) continue;
    const p = seen.get(n);
    if (!p) {
      throw bad(
        `claim "${c.id}" cites seed paper #${n}, which is not in the catalogue`,
        `paper.catalogue is a number of claims-catalogue.md (1–${last}); drop it if the paper is not a seed paper`,
      );
    }
    if (r.claims.originOf(c.id) === 'built-in' && !p.claims?.includes(c.id)) {
      throw bad(
        `claim "${c.id}" cites seed paper #${n}, whose entry (${p.status}) does not name it`,
        `set status 'claim' and add "${c.id}" to its claims in ${WHERE}`,
      );
    }
  }
}

/**
 * Every seed paper as `list papers` and the catalogue show it, by number. A user's card that cites
 * a paper joins its claims; a paper the shipped catalogue does not run becomes a `claim` whose
 * reason keeps the shipped status.
 */
export function listPapers(r: Registries): PaperListing[] {
  const users = new Map<number, string[]>();
  for (const c of r.claims.values()) {
    const n = c.paper.catalogue;
    if (n !== undefined && r.claims.originOf(c.id) !== 'built-in') users.set(n, [...(users.get(n) ?? []), c.id]);
  }
  return [...r.papers]
    .sort((a, b) => a.paper - b.paper)
    .map((p) => {
      const mine = users.get(p.paper) ?? [];
      const reason = paperReason(p);
      const base = {
        paper: p.paper,
        title: p.title,
        ...(p.year !== undefined ? { year: p.year } : {}),
        quote: p.quote,
      };
      if (mine.length === 0) return { ...base, status: p.status, claims: p.claims ?? [], reason };
      if (p.status === 'claim') return { ...base, status: p.status, claims: [...p.claims!, ...mine], reason };
      const from = [...new Set(mine.map((id) => r.claims.originOf(id)))].join(', ');
      return {
        ...base,
        status: 'claim' as const,
        claims: mine,
        reason: `a card in ${from}; shipped as ${p.status}: ${reason}`,
      };
    });
}
