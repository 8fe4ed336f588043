import { resolve } from 'node:path';
import { ReprobenchError } from '../errors.js';
import type { AlgoPerfVersion, Ruleset, ScoringStudy, ScoringSubmission } from '../scoring/types.js';
import {
  readImportedSubmission,
  submissionFoldersIn,
  submissionName,
  type LoadedSubmission,
} from './algoperf-store.js';

/** A pool read from imported results, with the version and ruleset they were imported under. */
export interface LoadedPool {
  pool: ScoringSubmission[];
  version: AlgoPerfVersion;
  ruleset: Ruleset;
  /** The submission folders, in pool order. */
  dirs: string[];
}

/** Groups a submission's trials into workloads → studies → trials; the name is its folder's. */
export function toScoringSubmission(loaded: LoadedSubmission, name = submissionName(loaded.dir)): ScoringSubmission {
  const workloads: ScoringSubmission['workloads'] = {};
  for (const t of loaded.trials) {
    const w = (workloads[t.workload] ??= { target: t.target, budget: { seconds: t.budgetSeconds }, studies: [] });
    if (w.target.value !== t.target.value || w.target.metric !== t.target.metric) {
      throw new ReprobenchError(
        'E_CORRUPT_RESULT',
        `${loaded.dir}: trials of ${t.workload} carry different targets`,
        'import the submission again with `reprobench import algoperf ... --overwrite`',
      );
    }
    let study: ScoringStudy | undefined = w.studies.find((s) => s.index === t.study);
    if (!study) w.studies.push((study = { index: t.study, trials: [] }));
    study.trials.push({ index: t.trial, curve: t.curve });
  }
  return { name, workloads };
}

/**
 * Reads the pool `score` works on. Each path is a submission folder (it holds `submission.json`)
 * or a folder of submission folders (an `import --out` folder); every submission found joins the
 * pool. All must come from one AlgoPerf version and ruleset.
 * @throws ReprobenchError E_SCORING_INPUT for mixed versions or rulesets, or a path with no submission
 */
export function loadImportedPool(paths: readonly string[]): LoadedPool {
  const dirs = [...new Set(paths.flatMap((p) => submissionFoldersIn(resolve(p))))];
  const loaded = dirs.map((d) => readImportedSubmission(d));
  const first = loaded[0]!;
  for (const l of loaded) {
    if (l.meta.algoperfVersion !== first.meta.algoperfVersion || l.meta.ruleset !== first.meta.ruleset) {
      throw new ReprobenchError(
        'E_SCORING_INPUT',
        `${l.dir} holds v${l.meta.algoperfVersion} ${l.meta.ruleset}-tuning results, ${first.dir} v${first.meta.algoperfVersion} ${first.meta.ruleset}-tuning ones`,
        'a pool is scored under one version and ruleset; give only folders imported from the same leaderboard',
      );
    }
  }
  return {
    pool: loaded.map((l) => toScoringSubmission(l)),
    version: first.meta.algoperfVersion,
    ruleset: first.meta.ruleset,
    dirs,
  };
}
