import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { isReprobenchError, ReprobenchError } from '../errors.js';
import { PACKAGE_VERSION } from '../package-root.js';
import type { AlgoPerfVersion, Ruleset } from '../scoring/types.js';
import { ALGOPERF_VERSIONS, baseWorkloadOf, isAlgoPerfVersion, maxRuntimeSeconds } from '../scoring/versions.js';
import { writeJsonAtomic } from '../store/atomic.js';
import {
  IMPORTED_SCHEMA_VERSION,
  SUBMISSION_FILE,
  trialPath,
  type ImportedSubmission,
  type ImportedTrial,
} from './algoperf-store.js';
import { checkHeldOutLists, loadTargets, metricDirection, type LoadedTargets } from './algoperf-targets.js';
import { findRulesetDir, scanSubmission, submissionDirs, type SkippedEntry, type TrialEntry } from './algoperf-tree.js';
import { importedTrial, readEvalCurve, type WorkloadInfo } from './algoperf-trial.js';

export interface ImportOptions {
  /** Folder to write one sub-folder per submission into. */
  out: string;
  /** @default inferred from an `algoperf_v05` / `algoperf_v06` folder in the path */
  version?: AlgoPerfVersion;
  /** Needed when the logs folder holds both rulesets. */
  ruleset?: Ruleset;
  /** A target file to use instead of the `scoring/workload_targets*.json` found above the logs. */
  targets?: string;
  /** Replace submission folders a previous import wrote. */
  overwrite?: boolean;
}

export interface ImportReport {
  version: AlgoPerfVersion;
  ruleset: Ruleset;
  /** Where paths in this report are relative to: the AlgoPerf root holding `scoring/`, else the logs folder. */
  root: string;
  rulesetDir: string;
  targetsFile: string;
  submissions: Array<{
    name: string;
    dir: string;
    trials: number;
    workloads: number;
    frameworks: string[];
    skipped: number;
  }>;
  /** Every entry not imported, with the reason. */
  skipped: SkippedEntry[];
  warnings: string[];
  trials: number;
}

/** `.../algoperf_v05/...` → '0.5'. */
export function inferVersion(path: string): AlgoPerfVersion | null {
  const m = /(?:^|[\\/])algoperf_v(\d)(\d)(?:[\\/]|$)/.exec(path);
  const v = m ? `${m[1]}.${m[2]}` : null;
  return isAlgoPerfVersion(v) ? v : null;
}

function workloadInfo(
  workload: string,
  version: AlgoPerfVersion,
  ruleset: Ruleset,
  targets: LoadedTargets,
): WorkloadInfo | string {
  const spec = ALGOPERF_VERSIONS[version];
  const t = targets.file.workloads[workload];
  if (!t) return `no target for workload "${workload}" in ${targets.relPath}`;
  const base = baseWorkloadOf(workload, spec.baseWorkloads);
  const budget = maxRuntimeSeconds(version, ruleset, workload);
  if (!base || budget === undefined)
    return `workload "${workload}" is not one of the v${version} workloads or their variants`;
  return {
    target: {
      metric: `validation/${t.target_metric_name}`,
      value: t.validation_target_value,
      direction: metricDirection(t.target_metric_name),
    },
    baseWorkload: base,
    role: spec.baseWorkloads.includes(workload)
      ? 'base'
      : spec.heldOutWorkloads.includes(workload)
        ? 'held-out'
        : 'other-variant',
    budgetSeconds: budget,
    stepHint: t.step_hint,
  };
}

/**
 * Imports AlgoPerf logs (one ruleset of one version) into reprobench's stored format:
 * one folder per submission under `options.out`. Irregular entries are reported in
 * `skipped` and not imported. Each submission is written into a hidden temp folder and renamed
 * into place, so an interrupted import leaves no half-written submission behind.
 * @throws ReprobenchError E_IMPORT_LAYOUT / E_BAD_OPTION / E_DATA for a folder, flag or target file that does not fit
 */
export function importAlgoPerfLogs(logsDir: string, options: ImportOptions): ImportReport {
  const abs = resolve(logsDir);
  const { dir: rulesetDir, ruleset } = findRulesetDir(abs, options.ruleset);
  const version = options.version ?? inferVersion(abs);
  if (!version)
    throw new ReprobenchError(
      'E_BAD_OPTION',
      `cannot tell the AlgoPerf version of ${logsDir} (no algoperf_v05 or algoperf_v06 folder in its path)`,
      'add --algoperf-version 0.5 or --algoperf-version 0.6',
    );
  const targets = loadTargets(version, rulesetDir, options.targets);
  const root = targets.root ?? abs;
  const rel = (p: string) => relative(root, p).split('\\').join('/');
  const warnings = checkHeldOutLists(version, targets);
  const out = resolve(options.out);
  const report: ImportReport = {
    version,
    ruleset,
    root,
    rulesetDir: rel(rulesetDir),
    targetsFile: targets.relPath,
    submissions: [],
    skipped: [],
    warnings,
    trials: 0,
  };

  const subDirs = submissionDirs(rulesetDir);
  if (subDirs.length === 0)
    throw new ReprobenchError(
      'E_IMPORT_LAYOUT',
      `${rulesetDir} holds no submission folders`,
      'give an AlgoPerf logs folder with <ruleset>/<submission>/study_<k>/... inside',
    );
  // Checked for every submission before anything is written, so a refusal leaves --out as it was.
  for (const subDir of subDirs) checkDestination(join(out, basename(subDir)), options.overwrite ?? false);

  for (const subDir of subDirs) {
    const scan = scanSubmission(subDir, root);
    const name = basename(subDir);
    const dest = join(out, name);
    const skipped = [...scan.skipped];
    const subWarnings: string[] = [];
    const trials: ImportedTrial[] = [];
    for (const entry of scan.trials) {
      const source = rel(entry.file);
      const info = workloadInfo(entry.workload, version, ruleset, targets);
      if (typeof info === 'string') {
        skipped.push({ path: source, reason: info });
        continue;
      }
      try {
        const { curve, warning } = readEvalCurve(entry.file, source, info.target.metric);
        if (warning) subWarnings.push(warning);
        trials.push(importedTrial(entry, { ruleset, version, source, targetsFile: targets.relPath }, info, curve));
      } catch (e) {
        if (!isReprobenchError(e) || e.code !== 'E_DATA') throw e;
        skipped.push({ path: source, reason: e.message.replace(`${source}: `, '') });
      }
    }
    const frameworkClash = duplicateWorkload(scan.trials);
    if (frameworkClash)
      throw new ReprobenchError(
        'E_DATA',
        `${rel(subDir)} ran ${frameworkClash} in both JAX and PyTorch`,
        'import the two frameworks as separate submissions (move one set of folders into its own submission folder)',
      );

    report.skipped.push(...skipped);
    if (trials.length === 0) {
      // Nothing to score: no folder is written (an empty submission would score as if it had run).
      report.warnings.push(
        `${name}: no trial could be imported (${skipped.length} entries skipped), so nothing was written for it`,
      );
      report.warnings.push(...subWarnings);
      continue;
    }
    const meta = submissionMeta(name, ruleset, version, rel(subDir), targets.relPath, trials, skipped, subWarnings);
    writeSubmission(out, name, meta, trials);
    report.submissions.push({
      name,
      dir: dest,
      trials: trials.length,
      workloads: Object.keys(meta.workloads).length,
      frameworks: meta.frameworks,
      skipped: skipped.length,
    });
    report.warnings.push(...subWarnings);
    report.trials += trials.length;
  }
  if (report.trials === 0) {
    const first = report.skipped[0];
    throw new ReprobenchError(
      'E_IMPORT_EMPTY',
      `no trial imported from ${rel(rulesetDir) || logsDir}: ` +
        `${subDirs.length} submission folder${subDirs.length === 1 ? '' : 's'}, ${report.skipped.length} entries skipped` +
        (first ? ` (first: ${first.path}: ${first.reason})` : ' (no eval_measurements.csv found)'),
      'give the logs folder of one AlgoPerf version and ruleset ' +
        '(<ruleset>/<submission>/study_<k>/<workload>/trial_<n>/eval_measurements.csv), with --algoperf-version and --targets matching it',
    );
  }
  return report;
}

/** A destination may be replaced only with --overwrite, and only when an earlier import wrote it. */
function checkDestination(dest: string, overwrite: boolean): void {
  if (!existsSync(dest)) return;
  if (!overwrite)
    throw new ReprobenchError(
      'E_BAD_OPTION',
      `${dest} already exists`,
      'choose an empty --out folder, or add --overwrite to replace earlier imports',
    );
  if (!existsSync(join(dest, SUBMISSION_FILE))) {
    throw new ReprobenchError(
      'E_BAD_OPTION',
      `${dest} exists and was not written by \`reprobench import\` (no ${SUBMISSION_FILE}); --overwrite replaces only earlier imports`,
      'choose another --out folder, or move that folder away',
    );
  }
}

function duplicateWorkload(entries: TrialEntry[]): string | null {
  const seen = new Map<string, string>();
  for (const e of entries) {
    const f = seen.get(e.workload);
    if (f && f !== e.framework) return e.workload;
    seen.set(e.workload, e.framework);
  }
  return null;
}

function submissionMeta(
  name: string,
  ruleset: Ruleset,
  version: AlgoPerfVersion,
  source: string,
  targetsFile: string,
  trials: ImportedTrial[],
  skipped: SkippedEntry[],
  warnings: string[],
): ImportedSubmission {
  const workloads: ImportedSubmission['workloads'] = {};
  for (const w of [...new Set(trials.map((t) => t.workload))].sort()) {
    const mine = trials.filter((t) => t.workload === w);
    const first = mine[0]!;
    workloads[w] = {
      role: first.role,
      framework: first.framework,
      studies: new Set(mine.map((t) => t.study)).size,
      trials: mine.length,
      budgetSeconds: first.budgetSeconds,
      target: first.target,
    };
  }
  return {
    schemaVersion: IMPORTED_SCHEMA_VERSION,
    kind: 'algoperf-submission',
    name,
    ruleset,
    algoperfVersion: version,
    frameworks: [...new Set(trials.map((t) => t.framework))].sort(),
    source,
    targetsFile,
    trials: trials.length,
    workloads,
    skipped,
    warnings,
    reprobenchVersion: PACKAGE_VERSION,
  };
}

/** Writes into `<out>/.tmp-import-<name>-<pid>`, then swaps it in for `<out>/<name>`. */
function writeSubmission(out: string, name: string, meta: ImportedSubmission, trials: ImportedTrial[]): void {
  const tmp = join(out, `.tmp-import-${name}-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  try {
    for (const t of trials) writeJsonAtomic(trialPath(tmp, t), t);
    writeJsonAtomic(join(tmp, SUBMISSION_FILE), meta);
    const dest = join(out, name);
    if (existsSync(dest)) {
      const old = join(out, `.old-import-${name}-${process.pid}`);
      renameSync(dest, old);
      renameSync(tmp, dest);
      rmSync(old, { recursive: true, force: true });
    } else {
      renameSync(tmp, dest);
    }
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
}
