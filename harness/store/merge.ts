import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { canonicalJson, type TrialRecord } from '../core/trial.js';
import { ReprobenchError } from '../errors.js';
import { writeFileAtomic } from './atomic.js';
import { isFinished, parseTrialFile, trialPath, trialsDir } from './trial-store.js';

/** One stored trial file: its validated record and its exact text (copied byte for byte). */
export interface TrialSource {
  record: TrialRecord;
  file: string;
  text: string;
}

export interface MergedTrials {
  trials: Map<string, TrialSource>;
  /** Trial files read, over all directories. */
  files: number;
  /** Files whose trial another directory also held, with the same result. */
  duplicates: number;
  /** Trial files read per directory, in the order given. */
  perDir: number[];
}

/**
 * What must be bit-identical when two machines ran the same trial: configuration, seeds, status,
 * the outcome in steps and metrics, and the curve's steps and metrics. Wall-clock fields (seconds,
 * timestamps) and provenance (host, commit) legitimately differ and are left out.
 */
export function resultOf(r: TrialRecord): unknown {
  const { trainSeconds: _t, evalSeconds: _e, initSeconds: _i, secondsToTarget: _s, scoring, ...outcome } = r.outcome;
  return {
    config: r.config,
    seeds: r.seeds,
    status: r.status,
    outcome: scoring ? { ...outcome, scoringSteps: scoring.steps } : outcome,
    curve: r.curve.map((p) => ({ step: p.step, examples: p.examples, metrics: p.metrics })),
  };
}

/** The first place two results differ, as a path (`outcome.stepsToTarget`, `curve[3].metrics.validation/loss`). */
export function firstDifference(a: unknown, b: unknown, path = ''): string | null {
  if (canonicalJson(a) === canonicalJson(b)) return null;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${path} (length ${a.length} vs ${b.length})`;
    for (let i = 0; i < a.length; i++) {
      const d = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (d) return d;
    }
  }
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const k of keys) {
      const d = firstDifference(
        (a as Record<string, unknown>)[k],
        (b as Record<string, unknown>)[k],
        path ? `${path}.${k}` : k,
      );
      if (d) return d;
    }
  }
  return `${path || '(root)'} (${JSON.stringify(a)} vs ${JSON.stringify(b)})`;
}

const shown = (p: string) => relative(process.cwd(), p) || p;

function trialFiles(runDir: string): string[] {
  const dir = trialsDir(runDir);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => n.endsWith('.json') && !n.startsWith('.tmp-'))
    .sort()
    .map((n) => join(dir, n));
}

/**
 * Reads and validates every trial file of the directories and keeps one per trial id. A finished
 * result wins over a failed or timed-out one (a retried shard); two finished results must agree.
 * Nothing is written, so a refused merge leaves every directory as it was.
 * @throws ReprobenchError E_CORRUPT_RESULT / E_SCHEMA_VERSION for a bad trial file,
 *   E_MERGE_CONFLICT for two finished results of one trial that differ
 */
export function collectTrials(dirs: string[]): MergedTrials {
  const trials = new Map<string, TrialSource>();
  let files = 0;
  let duplicates = 0;
  const perDir: number[] = [];
  for (const dir of dirs) {
    const paths = trialFiles(dir);
    perDir.push(paths.length);
    for (const file of paths) {
      files++;
      const text = readFileSync(file, 'utf8');
      const record = parseTrialFile(file, text, shown(file));
      const seen = trials.get(record.id);
      if (!seen) {
        trials.set(record.id, { record, file, text });
        continue;
      }
      const [a, b] = [seen.record, record];
      if (isFinished(a) && isFinished(b)) {
        const diff = firstDifference(resultOf(a), resultOf(b));
        if (diff) {
          throw new ReprobenchError(
            'E_MERGE_CONFLICT',
            `trial ${record.id} has different results in ${shown(seen.file)} and ${shown(file)}: ${diff}`,
            "the same trial must give the same result on the same numerics class; find out which machine differs (compare the two files' provenance), remove the wrong file and merge again",
          );
        }
        duplicates++;
      } else if (isFinished(b) || (!isFinished(a) && b.finishedAt > a.finishedAt)) {
        trials.set(record.id, { record, file, text });
      }
    }
  }
  return { trials, files, duplicates, perDir };
}

/** Copies the chosen trial files into `runDir/trials/`, leaving identical ones untouched. */
export function writeMergedTrials(runDir: string, merged: MergedTrials): number {
  let written = 0;
  for (const [id, src] of merged.trials) {
    const target = trialPath(runDir, id);
    if (existsSync(target) && readFileSync(target, 'utf8') === src.text) continue;
    writeFileAtomic(target, src.text);
    written++;
  }
  return written;
}
