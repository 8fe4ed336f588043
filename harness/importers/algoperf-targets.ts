import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { z } from 'zod';
import { ReprobenchError } from '../errors.js';
import type { AlgoPerfVersion, Direction } from '../scoring/types.js';
import { ALGOPERF_VERSIONS } from '../scoring/versions.js';

/**
 * AlgoPerf's frozen target files (`scoring/workload_targets*.json`, "constants of a benchmark
 * version", mlcommons/submissions_algorithms 12c8e4ea): per workload the validation metric,
 * its target value and the step hint.
 */
const TargetsFileSchema = z.object({
  benchmark_version: z.string(),
  base_workloads: z.array(z.string()),
  held_out_workloads: z.array(z.string()),
  workloads: z.record(
    z.string(),
    z.object({ target_metric_name: z.string(), validation_target_value: z.number(), step_hint: z.number().int() }),
  ),
});
export type TargetsFile = z.infer<typeof TargetsFileSchema>;

/**
 * Which way each metric improves: AlgoPerf's `MIN_EVAL_METRICS` / `MAX_EVAL_METRICS`
 * (scoring/performance_profile.py, same commit).
 */
const LOWER_IS_BETTER = ['ce_loss', 'error_rate', 'ctc_loss', 'wer', 'l1_loss', 'loss', 'ppl'];
const HIGHER_IS_BETTER = ['mean_average_precision', 'ssim', 'accuracy', 'bleu'];

/** @throws ReprobenchError E_DATA for a metric AlgoPerf does not list */
export function metricDirection(metric: string): Direction {
  if (LOWER_IS_BETTER.includes(metric)) return 'lower';
  if (HIGHER_IS_BETTER.includes(metric)) return 'higher';
  throw new ReprobenchError(
    'E_DATA',
    `unknown AlgoPerf metric "${metric}": not known to be minimised or maximised`,
    `known: ${[...LOWER_IS_BETTER, ...HIGHER_IS_BETTER].join(', ')}`,
  );
}

/** A loaded target file, with the path it came from relative to the AlgoPerf root. */
export interface LoadedTargets {
  file: TargetsFile;
  /** e.g. `scoring/workload_targets_v05.json`. */
  relPath: string;
  /** The folder holding `scoring/` (the root of the AlgoPerf tree), or null for a file given by hand. */
  root: string | null;
}

/** @throws ReprobenchError E_DATA when the file is missing, not JSON, or not a target file */
export function readTargetsFile(path: string): TargetsFile {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new ReprobenchError(
      'E_DATA',
      `cannot read the AlgoPerf target file ${path}: ${(e as Error).message}`,
      "pass --targets with a workload_targets*.json from AlgoPerf's scoring/ folder",
      { cause: e },
    );
  }
  const r = TargetsFileSchema.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new ReprobenchError(
      'E_DATA',
      `${path} is not an AlgoPerf target file: ${issue.path.join('.') || '(top level)'}: ${issue.message}`,
      "pass --targets with a workload_targets*.json from AlgoPerf's scoring/ folder",
    );
  }
  return r.data;
}

/**
 * Finds the version's target file by walking up from `start` to a folder holding
 * `scoring/<targetsFile>` (the layout of the AlgoPerf archive), unless `explicit` names one.
 * Checks that the file's `benchmark_version` is the version being imported.
 * @throws ReprobenchError E_DATA when none is found or the version differs
 */
export function loadTargets(version: AlgoPerfVersion, start: string, explicit?: string): LoadedTargets {
  const name = ALGOPERF_VERSIONS[version].targetsFile;
  let path = explicit;
  let root: string | null = null;
  if (!path) {
    for (let dir = start; ; dir = dirname(dir)) {
      if (existsSync(join(dir, 'scoring', name))) {
        root = dir;
        path = join(dir, 'scoring', name);
        break;
      }
      if (dirname(dir) === dir) break;
    }
  }
  if (!path) {
    throw new ReprobenchError(
      'E_DATA',
      `no scoring/${name} found above ${start}`,
      `pass --targets <path to ${name}> (it ships in the AlgoPerf logs archive under algoperf/scoring/)`,
    );
  }
  const file = readTargetsFile(path);
  if (file.benchmark_version !== version) {
    throw new ReprobenchError(
      'E_DATA',
      `${path} holds the v${file.benchmark_version} targets, but v${version} logs are being imported`,
      `use ${name}, or --algoperf-version ${file.benchmark_version} if the logs are that version's`,
    );
  }
  return { file, relPath: root ? relative(root, path).split('\\').join('/') : name, root };
}

/**
 * Compares the v0.5 held-out list in the target file (and in
 * `scoring/algoperf_v05/held_out_workloads_algoperf_v05.json`, when present) with the one the
 * scorer uses; returns a warning per disagreement, none when they agree.
 */
export function checkHeldOutLists(version: AlgoPerfVersion, targets: LoadedTargets): string[] {
  const expected = [...ALGOPERF_VERSIONS[version].heldOutWorkloads].sort();
  const same = (xs: string[]) => JSON.stringify([...xs].sort()) === JSON.stringify(expected);
  const warnings: string[] = [];
  if (!same(targets.file.held_out_workloads))
    warnings.push(
      `${targets.relPath} lists held-out workloads [${targets.file.held_out_workloads.join(', ')}], the v${version} scorer uses [${expected.join(', ')}]`,
    );
  const listPath = targets.root
    ? join(targets.root, 'scoring', 'algoperf_v05', 'held_out_workloads_algoperf_v05.json')
    : null;
  if (version === '0.5' && listPath && existsSync(listPath)) {
    const list = z.array(z.string()).safeParse(JSON.parse(readFileSync(listPath, 'utf8')));
    if (!list.success || !same(list.data))
      warnings.push(
        `scoring/algoperf_v05/held_out_workloads_algoperf_v05.json disagrees with the v0.5 scorer's held-out list [${expected.join(', ')}]`,
      );
  }
  return warnings;
}
