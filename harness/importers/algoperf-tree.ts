import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { ReprobenchError } from '../errors.js';
import type { Ruleset } from '../scoring/types.js';

/**
 * The layout of AlgoPerf logs:
 *   <ruleset>/<submission>/study_<k>/<workload>_<framework>/trial_<j>/eval_measurements.csv
 * with ruleset `external_tuning` or `self_tuning` and framework `jax` or `pytorch`.
 */
export const RULESET_DIRS: Record<Ruleset, string> = { external: 'external_tuning', self: 'self_tuning' };
export const MEASUREMENTS_FILE = 'eval_measurements.csv';

export type Framework = 'jax' | 'pytorch';

/** One regular trial file. */
export interface TrialEntry {
  submission: string;
  study: number;
  /** Workload name without the framework suffix, e.g. `fastmri_tanh`. */
  workload: string;
  framework: Framework;
  trial: number;
  file: string;
}

/** Something under a submission that does not fit the layout; reported, never guessed at. */
export interface SkippedEntry {
  /** Path relative to the AlgoPerf root (or the logs folder). */
  path: string;
  reason: string;
}

/**
 * The ruleset folder to import: `logsDir` itself when it is named `external_tuning` or
 * `self_tuning`, else its child of that name (`ruleset` picks one when both exist).
 * @throws ReprobenchError E_IMPORT_LAYOUT when there is no such folder, or two and no choice
 */
export function findRulesetDir(logsDir: string, ruleset?: Ruleset): { dir: string; ruleset: Ruleset } {
  if (!existsSync(logsDir) || !statSync(logsDir).isDirectory()) {
    throw new ReprobenchError(
      'E_IMPORT_LAYOUT',
      `${logsDir} is not a folder`,
      'give the folder that holds external_tuning/ or self_tuning/ (e.g. algoperf/previous_leaderboards/algoperf_v05/logs), or one of those two',
    );
  }
  const own = (Object.entries(RULESET_DIRS) as Array<[Ruleset, string]>).find(([, name]) => basename(logsDir) === name);
  if (own) {
    if (ruleset && ruleset !== own[0])
      throw new ReprobenchError(
        'E_BAD_OPTION',
        `--ruleset ${ruleset} does not match the folder ${own[1]}`,
        `drop --ruleset, or point at the ${RULESET_DIRS[ruleset]} folder`,
      );
    return { dir: logsDir, ruleset: own[0] };
  }
  const present = (Object.entries(RULESET_DIRS) as Array<[Ruleset, string]>).filter(([, name]) =>
    existsSync(join(logsDir, name)),
  );
  if (present.length === 0) {
    throw new ReprobenchError(
      'E_IMPORT_LAYOUT',
      `${logsDir} holds neither external_tuning/ nor self_tuning/`,
      'give an AlgoPerf logs folder, e.g. algoperf/previous_leaderboards/algoperf_v05/logs',
    );
  }
  const chosen = ruleset ? present.find(([r]) => r === ruleset) : present.length === 1 ? present[0] : undefined;
  if (!chosen) {
    throw new ReprobenchError(
      ruleset ? 'E_IMPORT_LAYOUT' : 'E_BAD_OPTION',
      ruleset
        ? `${logsDir} has no ${RULESET_DIRS[ruleset]}/ folder`
        : `${logsDir} holds both rulesets; a pool is scored under one`,
      ruleset ? `it has: ${present.map(([, n]) => n).join(', ')}` : 'add --ruleset external or --ruleset self',
    );
  }
  return { dir: join(logsDir, chosen[1]), ruleset: chosen[0] };
}

function sortedEntries(dir: string) {
  return readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * Classifies every file under one submission folder: regular trial files, and skipped entries
 * with the reason (e.g. v0.5 external-tuning schedule_free_adamw has 18 files at
 * `study_<k>/trial_<j>/eval_measurements.csv`: no workload folder says which workload they are).
 * @param root paths in `skipped` are given relative to it
 */
export function scanSubmission(submissionDir: string, root: string): { trials: TrialEntry[]; skipped: SkippedEntry[] } {
  const submission = basename(submissionDir);
  const trials: TrialEntry[] = [];
  const skipped: SkippedEntry[] = [];
  const rel = (p: string) => relative(root, p).split('\\').join('/');

  const walk = (dir: string, parts: string[]): void => {
    for (const e of sortedEntries(dir)) {
      const path = join(dir, e.name);
      const segs = [...parts, e.name];
      if (e.isDirectory()) {
        walk(path, segs);
        if (
          segs.length === 3 &&
          /^study_\d+$/.test(segs[0]!) &&
          /^trial_\d+$/.test(segs[2]!) &&
          !existsSync(join(path, MEASUREMENTS_FILE))
        ) {
          skipped.push({ path: rel(path), reason: `trial folder without ${MEASUREMENTS_FILE}` });
        }
        continue;
      }
      if (!e.isFile()) {
        skipped.push({ path: rel(path), reason: 'not a regular file (a link or device)' });
        continue;
      }
      const study = /^study_(\d+)$/.exec(segs[0] ?? '');
      if (e.name !== MEASUREMENTS_FILE) {
        skipped.push({ path: rel(path), reason: `not an ${MEASUREMENTS_FILE}` });
      } else if (segs.length === 4 && study && /^trial_\d+$/.test(segs[2]!)) {
        const w = /^(.+)_(jax|pytorch)$/.exec(segs[1]!);
        if (!w)
          skipped.push({ path: rel(path), reason: `workload folder "${segs[1]}" has no _jax or _pytorch suffix` });
        else
          trials.push({
            submission,
            study: Number(study[1]),
            workload: w[1]!,
            framework: w[2] as Framework,
            trial: Number(/\d+$/.exec(segs[2]!)![0]),
            file: path,
          });
      } else if (segs.length === 3 && study && /^trial_\d+$/.test(segs[1]!)) {
        skipped.push({
          path: rel(path),
          reason: `no workload folder between ${segs[0]} and ${segs[1]}: which workload this trial ran is not recorded`,
        });
      } else {
        skipped.push({
          path: rel(path),
          reason: `unexpected location; expected study_<k>/<workload>_<framework>/trial_<j>/${MEASUREMENTS_FILE}`,
        });
      }
    }
  };
  walk(submissionDir, []);
  return { trials, skipped };
}

/** The submission folders of a ruleset folder (sorted; hidden folders ignored). */
export function submissionDirs(rulesetDir: string): string[] {
  return sortedEntries(rulesetDir)
    .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
    .map((e) => join(rulesetDir, e.name));
}
