import type { HParams } from '../core/method.js';

/** One tuning trial (search) or one grid point over its tuning seeds (grid). */
export interface TuningRow {
  workload: string;
  method: string;
  /** The study (search tuning); null for a grid sweep. */
  study: number | null;
  point: HParams;
  /** Steps to target per trial in this row (a re-checked point: its first seed, then the re-check seeds); null = not reached. */
  steps: Array<number | null>;
  /** Median of `steps` with unreached counted as infinite; null when infinite. */
  medianSteps: number | null;
  /** This row is the chosen point (grid), or its study's winner (search). */
  winner: boolean;
  /** Search tuning with a re-check: whether this point was re-run on more tuning seeds. */
  rechecked?: boolean;
  /** Fixed-budget claims: the point's outcome (final or best target metric; the median over its seeds; null = diverged or missing). */
  metric?: number | null;
  /** Fixed-budget claims, re-checked points: the outcome per seed, as `steps`. */
  metrics?: Array<number | null>;
}

/** The point a method evaluates with on a workload, and the tuning time behind the choice. */
export interface TuningChoice {
  workload: string;
  method: string;
  point: HParams;
  /** Grid: the chosen point's median steps over tuning seeds; search: the median over studies of each study's fastest trial. Null = infinite. */
  medianSteps: number | null;
  /** Fixed-budget claims: the median over studies of each study's best outcome (null = none finite). */
  medianMetric?: number | null;
}

export interface TuningResult {
  kind: 'grid' | 'search';
  /** One line: what was tuned and how, for summaries. */
  description: string;
  rows: TuningRow[];
  choices: TuningChoice[];
}

export function choiceKey(workload: string, method: string): string {
  return `${workload}/${method}`;
}

/** The chosen points by `workload/method`, as evaluation planning and reference files take them. */
export function chosenPoints(r: Pick<TuningResult, 'choices'> | null | undefined): Record<string, HParams> {
  return Object.fromEntries((r?.choices ?? []).map((c) => [choiceKey(c.workload, c.method), c.point]));
}

/** Median with Infinity taking part (numpy's median of a list holding inf). */
export function medianInf(xs: number[]): number {
  if (xs.length === 0) return Infinity;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export const finiteOrNull = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** What to do when every tuning trial of an arm failed (see `requireUsable`). */
export const TUNING_FAILED_HINT =
  "fix what made the trials fail (the reason above; `--workers 1` shows a worker's output), " +
  'then run the same command again: failed trials are retried, finished ones reused';

/**
 * The median study of studies ordered best first, as AlgoPerf picks it, except that a study none
 * of whose trials has a result never supplies the point (nothing was measured there): then the
 * nearest study that has one, on the faster side first.
 */
export function medianStudy<T extends { usable: boolean }>(ordered: T[]): T {
  const mid = Math.floor((ordered.length - 1) / 2);
  for (let d = 0; d < ordered.length; d++) {
    const faster = ordered[mid - d];
    if (faster?.usable) return faster;
    const slower = ordered[mid + d];
    if (slower?.usable) return slower;
  }
  return ordered[mid]!;
}
