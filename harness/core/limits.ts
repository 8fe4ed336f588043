import { ReprobenchError } from '../errors.js';

/**
 * Most seeds (repeats) per method and workload a plan may ask for, on the command line or in a
 * claim card. Far above what any comparison needs (docs/limits.md gives the power behind it), and
 * every seed is a training run per arm and workload: a bigger number is a typo (`--seeds 1e9`),
 * which would otherwise plan for ever while memory grows.
 */
export const MAX_SEEDS = 1000;

/**
 * Most trials one run may plan (tuning and evaluation together). The planner holds every planned
 * trial in memory and hashes its configuration, and `--dry-run` must answer within a second for
 * any plan it accepts; each trial also becomes a file in one directory.
 */
export const MAX_PLANNED_TRIALS = 10_000;

const SEEDS_WHY =
  `at most ${MAX_SEEDS} per method and workload: that many paired repeats already resolve effects far smaller ` +
  "than any claim's margin, and each is a training run per arm";

/**
 * A seed count given by the user (`--seeds`, a card's `repeats`).
 * @throws ReprobenchError E_BAD_OPTION (or `code`) naming the limit and why
 */
export function checkSeeds(
  v: number | undefined,
  name: string,
  code: 'E_BAD_OPTION' | 'E_BAD_CONFIG' = 'E_BAD_OPTION',
): void {
  if (v === undefined) return;
  if (!Number.isInteger(v) || v < 1) {
    throw new ReprobenchError(code, `${name} must be a positive integer, got ${String(v)}`, `for example ${name} 5`);
  }
  if (v > MAX_SEEDS) {
    const hint = `ask for ${MAX_SEEDS} or fewer (the standard presets use 6 to 20)`;
    throw new ReprobenchError(code, `${name} is ${v}; seeds are limited to ${SEEDS_WHY}`, hint);
  }
}

/**
 * The number of trials a plan would hold, checked before the plan is built.
 * @throws ReprobenchError E_PLAN_TOO_LARGE naming the limit and why
 */
export function checkPlannedTrials(count: number, what: string): void {
  if (!(count <= MAX_PLANNED_TRIALS)) {
    throw new ReprobenchError(
      'E_PLAN_TOO_LARGE',
      `${what} would plan ${Number.isFinite(count) ? count.toLocaleString('en-US') : count} trials; ` +
        `one run plans at most ${MAX_PLANNED_TRIALS.toLocaleString('en-US')} ` +
        '(every planned trial is held in memory and becomes a file, and --dry-run must answer at once)',
      'use fewer seeds, studies or trials per study, or split the claim into smaller runs',
    );
  }
}
