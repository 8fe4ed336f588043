import { z } from 'zod';

/**
 * What the harness does with a seed paper:
 * - `claim`: cards run it (their ids in `claims`).
 * - `not-yet-run`: feasible in miniature, not carded yet; the reason says the planned miniature.
 * - `out-of-scale`: the reason says what it needs ("COCO-scale detection", "a 7B LLM").
 * - `methodology`: a rule the harness adopts; `where` names the code or docs that hold it.
 * - `no-testable-claim`: a survey, a thesis summary, a benchmark without a result.
 */
export const PAPER_STATUSES = ['claim', 'not-yet-run', 'out-of-scale', 'methodology', 'no-testable-claim'] as const;
export type PaperStatus = (typeof PAPER_STATUSES)[number];

export const SeedPaperSchema = z
  .object({
    /** The number in claims-catalogue.md, which cards cite as `paper.catalogue`. */
    paper: z.number().int().positive(),
    title: z.string().min(1),
    /** Absent where the seed's date has no year. */
    year: z.number().int().min(1900).max(2100).optional(),
    /** The claim in the abstract's own words, verbatim (scripts/check-seed-papers.ts checks it). */
    quote: z.string().min(1),
    status: z.enum(PAPER_STATUSES),
    claims: z.array(z.string().min(1)).optional(),
    where: z.array(z.string().min(1)).optional(),
    /** One line a reader needs: what a card tests (and leaves out), what the paper needs, the planned miniature. */
    reason: z.string().min(1),
  })
  .strict()
  .superRefine((p, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (p.status === 'claim' && !p.claims?.length) issue('claims', "status 'claim' names its cards in `claims`");
    if (p.status !== 'claim' && p.claims?.length) issue('claims', `status '${p.status}' has no cards`);
    if (p.status === 'methodology' && !p.where?.length)
      issue('where', "status 'methodology' says where the rule lives, in `where`");
    if (p.status !== 'methodology' && p.where?.length) issue('where', "only a 'methodology' entry has `where`");
  });

export type SeedPaper = z.infer<typeof SeedPaperSchema>;

/** Declares seed papers (identity function with types; validated when the registries load). */
export function definePapers(papers: SeedPaper[]): SeedPaper[] {
  return papers;
}

/** One paper as `list papers --json` prints it. */
export interface PaperListing {
  paper: number;
  title: string;
  year?: number;
  quote: string;
  status: PaperStatus;
  claims: string[];
  reason: string;
}

/** A methodology entry's reason carries where the rule lives, so the listing needs no extra key. */
export function paperReason(p: SeedPaper): string {
  return p.where?.length ? `${p.reason} (in ${p.where.join(', ')})` : p.reason;
}
