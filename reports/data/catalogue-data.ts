import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ClaimSummary } from '../../harness/analysis/summary.js';
import { ReprobenchError } from '../../harness/errors.js';
import type { PaperListing, PaperStatus } from '../../harness/core/paper.js';
import { readClaimReferences } from '../../harness/store/reference.js';
import { preregistrationOf } from './preregistration-section.js';

/** One comparison of a claim as the catalogue lists it. */
export interface CatalogueComparison {
  label: string;
  verdict: string;
  /** "claimed 2× · measured 1.27× [1.16, 1.39]". */
  headline: string;
  effectName: string;
  estimate: number;
  ci: [number, number];
  adjustedPValue: number;
}

/** One row of the catalogue: a claim, its overall verdict and the numbers behind it. */
export interface CatalogueRow {
  id: string;
  catalogue: number | null;
  title: string;
  paper: string;
  testType: string;
  preset: string;
  repeats: number;
  /** The numerics class of the trials behind the row. */
  numericsClass: string;
  verdict: string;
  /** Where the verdict holds: "at miniature scale: fashion-mnist-mlp, validation/accuracy ≥ 0.87 within 1000 steps". */
  scope: string;
  fidelity: 'faithful' | 'stand-in';
  /** A stand-in's one line on what differs from the paper; null when faithful. */
  differs: string | null;
  explanation: string;
  comparisons: CatalogueComparison[];
  unjudged: number;
  /** The claim's report, relative to the catalogue page. */
  reportHref: string;
  /** Training seconds of every trial of the run (tuning included), summed; null when not measured by this call. */
  /** Training seconds summed over the claim's trials, and the claim's wall time, in `run all` (null elsewhere). */
  trainSeconds: number | null;
  wallSeconds: number | null;
  /** The card against its first reference run, in short ("card unchanged since its first run (…)"). */
  preregistration: { kind: string; short: string };
}

/** A seed paper on the catalogue page: its status and reason, its claims linked to their reports. */
export interface CataloguePaper {
  paper: number;
  title: string;
  year: number | null;
  status: PaperStatus;
  reason: string;
  /** `href` is the claim's report on this page, null when the claim has no row here (not run). */
  claims: Array<{ id: string; href: string | null }>;
}

export interface CatalogueData {
  rows: CatalogueRow[];
  /** Claims that have no summary in the runs directory (not run yet). */
  missing: string[];
  /** The numerics classes of the rows, distinct, in row order. */
  backends: string[];
  /** Every seed paper, by number (empty when none were given). */
  papers: CataloguePaper[];
}

function readSummary(path: string): ClaimSummary {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as ClaimSummary;
  } catch (e) {
    throw new ReprobenchError(
      'E_CORRUPT_RESULT',
      `cannot read ${path}: ${(e as Error).message}`,
      'rerun that claim (`reprobench run <claim>`) to rewrite its summary',
      { cause: e },
    );
  }
}

/** What `run all` measured for one claim: its wall time and its trials' training time. */
export interface ClaimSeconds {
  wall: number;
  train: number;
}

/**
 * The catalogue from `<runsDir>/<claim>/summary.json` for each claim id: one row per claim with its
 * verdict, and per comparison the effect, its CI and the Holm-adjusted p, linking to the claim's report.
 */
export function catalogueData(
  runsDir: string,
  claimIds: string[],
  seconds: Record<string, ClaimSeconds> = {},
  o: { cwd?: string; papers?: PaperListing[] } = {},
): CatalogueData {
  const rows: CatalogueRow[] = [];
  const missing: string[] = [];
  for (const id of claimIds) {
    const file = join(runsDir, id, 'summary.json');
    if (!existsSync(file)) {
      missing.push(id);
      continue;
    }
    const s = readSummary(file);
    if (!s.judgement?.scope || !s.judgement?.fidelity) {
      throw new ReprobenchError(
        'E_SCHEMA_VERSION',
        `${file} was written by an older reprobench (its verdict has no scope)`,
        `rerun \`reprobench run ${id}\`: it reuses every stored trial and rewrites the summary under the current verdict rules`,
      );
    }
    rows.push({
      id,
      catalogue: s.claim.paper.catalogue ?? null,
      title: s.claim.title,
      paper: `${s.claim.paper.title} (${s.claim.paper.year})`,
      testType: s.claim.testType,
      preset: s.preset,
      repeats: s.repeats,
      numericsClass: s.numericsClass,
      verdict: s.judgement.overall,
      scope: s.judgement.scope.text,
      fidelity: s.judgement.fidelity.kind,
      differs: s.judgement.fidelity.kind === 'stand-in' ? s.judgement.fidelity.differs : null,
      explanation: s.judgement.explanation,
      comparisons: s.judgement.comparisons.map((c) => ({
        label: `${c.methodId}${c.baselineId ? ` vs ${c.baselineId}` : ''} · ${c.workload}${c.validityCheck ? ' (validity check)' : ''}`,
        verdict: c.verdict,
        headline: c.headline,
        effectName: c.effectName,
        estimate: c.estimate,
        ci: c.ci,
        adjustedPValue: c.test.adjustedPValue,
      })),
      unjudged: s.judgement.unjudged.length,
      reportHref: relative(runsDir, join(runsDir, id, 'report.html'))
        .split('\\')
        .join('/'),
      trainSeconds: seconds[id]?.train ?? null,
      wallSeconds: seconds[id]?.wall ?? null,
      preregistration: (({ kind, short }) => ({ kind, short }))(
        preregistrationOf(s, readClaimReferences(o.cwd ?? process.cwd(), s.claim.id)),
      ),
    });
  }
  const href = new Map(rows.map((r) => [r.id, r.reportHref]));
  const papers = (o.papers ?? []).map((p): CataloguePaper => ({
    paper: p.paper,
    title: p.title,
    year: p.year ?? null,
    status: p.status,
    reason: p.reason,
    claims: p.claims.map((id) => ({ id, href: href.get(id) ?? null })),
  }));
  return { rows, missing, backends: [...new Set(rows.map((r) => r.numericsClass))], papers };
}
