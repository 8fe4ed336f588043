import { medianInf, medianStudy } from './result.js';

/**
 * The choice rule of external tuning, on numbers only (so the sensitivity analysis can replay
 * it on resampled or reduced data). Keys are oriented so that lower is better; a missed target,
 * a diverged or failed trial is +∞.
 */
export interface CandidateKeys {
  /** The point's index in its study. */
  j: number;
  /** One key per tuning seed the point ran on, its first (phase-1) trial first. */
  keys: number[];
  /** Whether the point may win its study (re-checked points, or every point when nothing is re-checked). */
  eligible: boolean;
}

export interface StudyKeys {
  k: number;
  candidates: CandidateKeys[];
  /** Whether any trial of the study has a result; one that only failed never supplies the point. @default true */
  usable?: boolean;
}

export interface StudiesChoice {
  /** Per study: its winner (j = -1 when no eligible point has a finite median) and that median. */
  winners: Array<{ k: number; j: number; value: number }>;
  /** The median over studies of the winners' values. */
  value: number;
  /** The median study's winner (the lower median for an even count): the evaluated point. */
  chosen: { k: number; j: number };
}

/** Candidate order: lower median, then lower first-seed key, then earlier point. */
export function compareCandidates(a: CandidateKeys, b: CandidateKeys): number {
  return medianInf(a.keys) - medianInf(b.keys) || (a.keys[0] ?? Infinity) - (b.keys[0] ?? Infinity) || a.j - b.j;
}

/** Each study's best eligible point by its median key, the median over studies, the median study's winner. */
export function chooseAmongStudies(studies: StudyKeys[]): StudiesChoice {
  const winners = studies.map(({ k, candidates, usable }) => {
    const best = candidates.filter((c) => c.eligible && Number.isFinite(medianInf(c.keys))).sort(compareCandidates)[0];
    return { k, j: best ? best.j : -1, value: best ? medianInf(best.keys) : Infinity, usable: usable ?? true };
  });
  const ordered = [...winners].sort((a, b) => a.value - b.value || a.k - b.k);
  const mid = ordered.length ? medianStudy(ordered) : undefined;
  return {
    winners: winners.map(({ k, j, value }) => ({ k, j, value })),
    value: medianInf(winners.map((w) => w.value)),
    chosen: mid ? { k: mid.k, j: mid.j } : { k: -1, j: -1 },
  };
}

/** The points a study re-checks: its `top` best by first-seed key, finite ones only (ties to the earlier point). */
export function recheckPicks(firstKeys: number[], top: number): number[] {
  return firstKeys
    .map((key, j) => ({ key, j }))
    .filter((c) => Number.isFinite(c.key))
    .sort((a, b) => a.key - b.key || a.j - b.j)
    .slice(0, top)
    .map((c) => c.j);
}
