import { existsSync } from 'node:fs';
import { basename, relative, resolve } from 'node:path';
import { predictorInputsFrom } from '../analysis/predictor-outcome.js';
import { summarizeClaim, type ClaimSummary } from '../analysis/summary.js';
import { BACKEND_CHOICES, type BackendInfo, type BackendName } from '../backends/select.js';
import { loadRegistries } from '../builtins.js';
import type { Preset } from '../core/claim.js';
import type { TrialRecord } from '../core/trial.js';
import { ReprobenchError } from '../errors.js';
import { readManifest, writeManifest, type Manifest } from '../store/manifest.js';
import { collectTrials, writeMergedTrials } from '../store/merge.js';
import { hostProvenance } from '../store/provenance.js';
import { readShardFiles, type ShardFile } from '../store/shard-file.js';
import { claimRunDir } from '../store/run-dir.js';
import { chosenPoints } from '../tuning/result.js';
import { allTuningTrials, planPhases, type PhasePlan } from '../plan/phases.js';
import { resolveRun } from '../plan/resolve-run.js';
import { workloadsFor } from '../plan/plan.js';

/** What a run directory says about how its trials were planned (from its manifest or shard files). */
export interface RunSettings {
  claim: { id: string; version: number };
  preset: Preset;
  repeats: number;
  backend: string;
  numericsClass: string;
  configFile: string | null;
}

const settingsKey = (s: RunSettings) =>
  `${s.claim.id} v${s.claim.version}, ${s.preset}, ${s.repeats} repeats, ${s.numericsClass}`;

function settingsOf(m: Manifest | ShardFile): RunSettings {
  return {
    claim: m.claim,
    preset: m.preset,
    repeats: m.repeats,
    backend: m.backend,
    numericsClass: m.numericsClass,
    configFile: m.configFile,
  };
}

/**
 * The settings every input agrees on.
 * @throws ReprobenchError E_MERGE_MISMATCH when inputs ran different claims, presets, repeats or
 *   numerics classes; E_NOT_A_RUN when no input says what it ran
 */
export function agreedSettings(dirs: string[]): RunSettings {
  let agreed: { s: RunSettings; from: string } | undefined;
  for (const dir of dirs) {
    const m = existsSync(dir) ? readManifest(dir) : null;
    const found: Array<[RunSettings, string]> = [
      ...(m ? ([[settingsOf(m), `${dir}/manifest.json`]] as Array<[RunSettings, string]>) : []),
      ...readShardFiles(dir).map((f): [RunSettings, string] => [
        settingsOf(f),
        `${dir}/shards/${f.phase}-${f.shard.index}-of-${f.shard.count}.json`,
      ]),
    ];
    for (const [s, from] of found) {
      if (!agreed) agreed = { s, from };
      else if (settingsKey(s) !== settingsKey(agreed.s)) {
        throw new ReprobenchError(
          'E_MERGE_MISMATCH',
          `these runs planned different trials: ${relative(process.cwd(), agreed.from)} ran ${settingsKey(agreed.s)}, ${relative(process.cwd(), from)} ran ${settingsKey(s)}`,
          'merge only shards of one run: the same claim version, preset, --seeds and backend',
        );
      }
    }
  }
  if (!agreed) {
    throw new ReprobenchError(
      'E_NOT_A_RUN',
      `none of ${dirs.join(', ')} holds a manifest.json or shards/*.json saying what it ran`,
      'merge directories written by `reprobench run` (with or without --shard)',
    );
  }
  return agreed.s;
}

export interface MergeOptions {
  dirs: string[];
  out: string;
  cwd: string;
  command: string;
  log: (line: string) => void;
}

export interface MergeResult {
  manifest: Manifest;
  plan: PhasePlan;
  /** The evaluation trials in plan order (complete runs only). */
  records: TrialRecord[];
  /** The claim summary, when every planned trial is finished; null otherwise. */
  summary: ClaimSummary | null;
  trials: number;
  written: number;
  duplicates: number;
}

/**
 * `reprobench merge <dirs...> --out DIR`: one run directory from shards. Every trial file is
 * validated, duplicates must agree (else nothing is written), the trials are copied byte for
 * byte, and the manifest is rebuilt from the plan — so `report`, `check --run` and `leaderboard`
 * read the merged directory like one written by a single `run`.
 */
export async function mergeRuns(o: MergeOptions): Promise<MergeResult> {
  const out = resolve(o.out);
  const dirs = [...new Set(o.dirs.map((d) => resolve(d)))];
  for (const d of dirs) {
    if (!existsSync(d))
      throw new ReprobenchError(
        'E_NOT_A_RUN',
        `${d} does not exist`,
        'name run directories written by `reprobench run --shard`',
      );
  }
  // The output's own trials take part, so merging into a directory again only adds.
  const inputs = dirs.includes(out) || !existsSync(out) ? dirs : [...dirs, out];
  const settings = agreedSettings(inputs);
  // The merged directory gets a manifest, summary and report: only a new or empty one, or this claim's.
  claimRunDir(out, settings.claim.id, { flag: 'merge --out', create: false });
  const merged = collectTrials(inputs);

  const registries = await loadRegistries(o.cwd);
  const claim = registries.claims.get(settings.claim.id);
  if (claim.version !== settings.claim.version) {
    throw new ReprobenchError(
      'E_MERGE_MISMATCH',
      `the shards ran claim ${claim.id} version ${settings.claim.version}; this checkout defines version ${claim.version}`,
      'merge with the reprobench version and config the shards ran',
    );
  }
  if (!BACKEND_CHOICES.includes(settings.backend as BackendName) || settings.backend === 'auto') {
    throw new ReprobenchError(
      'E_CORRUPT_RESULT',
      `the runs name an unknown backend "${settings.backend}"`,
      'check the manifest and shard files of the inputs',
    );
  }
  const anyTrial = [...merged.trials.values()][0]?.record;
  const backend: BackendInfo = {
    name: settings.backend as BackendName,
    numericsClass: settings.numericsClass,
    tfjsVersion: anyTrial?.provenance.tfjsVersion ?? 'unknown',
    reasons: anyTrial?.provenance.backendReasons ?? [],
  };
  // Conflicts are known now: only a merge that will write creates the directory.
  claimRunDir(out, settings.claim.id, { flag: 'merge --out' });
  const written = writeMergedTrials(out, merged);
  const stored = new Map([...merged.trials].map(([id, src]) => [id, src.record]));
  const plan = planPhases(
    { registries, claim, backend, ...resolveRun(claim, settings.preset, settings.repeats) },
    stored,
  );
  const complete =
    plan.tuningMissing.length === 0 && plan.evaluationMissing !== null && plan.evaluationMissing.length === 0;

  let previous: Manifest | null = null;
  try {
    previous = readManifest(out);
  } catch (e) {
    o.log(`warning: ${(e as Error).message}; writing a new one`);
  }
  const now = new Date().toISOString();
  const manifest: Manifest = {
    schemaVersion: 1,
    claim: settings.claim,
    preset: settings.preset,
    repeats: settings.repeats,
    backend: settings.backend,
    numericsClass: settings.numericsClass,
    backendReasons: backend.reasons,
    configFile: settings.configFile,
    command: o.command,
    createdAt: previous?.createdAt ?? now,
    updatedAt: now,
    status: complete ? 'complete' : 'running',
    tuningTrials: allTuningTrials(plan).map((t) => t.id),
    evalTrials: plan.evaluation?.map((t) => t.id) ?? [],
    chosen: chosenPoints(plan.sweep),
    ...(previous?.slurm ? { slurm: previous.slurm } : {}),
    merge: {
      mergedAt: now,
      sources: inputs.map((d, i) => ({
        dir: relative(out, d) || '.',
        trialFiles: merged.perDir[i]!,
        shards: readShardFiles(d).map((f) => `${f.phase} ${f.shard.index}/${f.shard.count} ${f.status}`),
      })),
      duplicates: merged.duplicates,
    },
  };
  writeManifest(out, manifest);

  const records = complete ? plan.evaluation!.map((t) => stored.get(t.id)!) : [];
  const summary = complete
    ? summarizeClaim(claim, records, {
        preset: settings.preset,
        repeats: settings.repeats,
        workloads: workloadsFor(claim, settings.preset),
        backend: backend.name,
        numericsClass: backend.numericsClass,
        tuning: plan.sweep,
        host: hostProvenance(),
        adaptive: null,
        predictors: predictorInputsFrom(registries),
      })
    : null;
  return { manifest, plan, records, summary, trials: merged.trials.size, written, duplicates: merged.duplicates };
}

/** A sentence on what an incomplete merge still lacks, for logs and errors. */
export function missingText(plan: PhasePlan): string {
  const later = 'cannot be planned before they do';
  if (plan.tuningMissing.length)
    return `${plan.tuningMissing.length} of ${plan.tuningTrials.length} tuning trials have no finished result (the later trials ${later})`;
  if (plan.recheckMissing?.length) {
    return `${plan.recheckMissing.length} of ${plan.recheckTrials!.length} tuning re-check trials have no finished result (the evaluation trials ${later})`;
  }
  const miss = plan.evaluationMissing ?? [];
  return `${miss.length} of ${plan.evaluation?.length ?? 0} evaluation trials have no finished result (first: ${miss[0]?.label ?? '—'})`;
}

export const dirName = (d: string): string => basename(resolve(d));
