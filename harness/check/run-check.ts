import { predictorInputsFrom, type PredictorInputs } from '../analysis/predictor-outcome.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Preset } from '../core/claim.js';
import { ReprobenchError } from '../errors.js';
import { planPhases } from '../plan/phases.js';
import { resolveRun } from '../plan/resolve-run.js';
import { resumeCommand, setInterruptReport } from '../scheduler/interrupt.js';
import { chosenPoints } from '../tuning/result.js';
import { openSession, runPhase, type SessionOptions } from '../scheduler/session.js';
import { loadRegistries } from '../builtins.js';
import { BACKEND_CHOICES, type BackendName } from '../backends/select.js';
import { readManifest } from '../store/manifest.js';
import { isFinished, readTrials } from '../store/trial-store.js';
import { canonicalJson } from '../core/trial.js';
import { findReferences, readReference, type ReferenceFile } from '../store/reference.js';
import { compareWithReference } from './compare.js';
import type { CheckedClaim, ReferenceClaimVerdict } from './formats.js';
import { summarizeReference } from '../analysis/reference-summary.js';
import { fidelityText } from '../analysis/scope.js';
import type { ClaimDefinition } from '../core/claim.js';
import { checkOutcome } from './outcome.js';

export interface CheckOptions extends Omit<SessionOptions, 'runDir'> {
  preset: Preset;
  strict: boolean;
  /** Run directory for the recomputed trials (default: a fresh temp dir: check never reuses). */
  runDir?: string;
}

/** The reference to compare with: the current numerics class's if there is one, else the first. */
function pickReference(files: string[], numericsClass: string): ReferenceFile {
  const refs = files.map(readReference);
  return refs.find((r) => r.numericsClass === numericsClass) ?? refs[0]!;
}

/** The claim's verdict from the reference's own trials, judged under the current rules. */
export function referenceClaimVerdict(
  claim: ClaimDefinition,
  reference: ReferenceFile,
  predictors: PredictorInputs,
): ReferenceClaimVerdict {
  const j = summarizeReference(claim, reference, predictors).judgement;
  return {
    label: j.overall,
    scopedLabel: j.scopedLabel,
    scope: j.scope.text,
    fidelity: fidelityText(j.fidelity),
    comparisons: j.comparisons.map((c) => ({
      comparison: `${c.methodId}${c.baselineId ? ` vs ${c.baselineId}` : ''} on ${c.workload}`,
      headline: c.headline,
      label: c.verdict,
      ...(c.validityCheck ? { validityCheck: true as const } : {}),
    })),
  };
}

/**
 * `reprobench check <claim>`: reruns the claim's evaluation trials for the preset's seeds with
 * the hyperparameters the reference chose (no tuning sweep), always recomputing, and compares
 * them with the stored reference.
 * @throws ReprobenchError E_NO_REFERENCE when the claim has no reference file
 */
export async function checkClaim(o: CheckOptions): Promise<CheckedClaim> {
  const started = Date.now();
  const files = findReferences(o.cwd, o.claim);
  const runDir = o.runDir ?? mkdtempSync(join(tmpdir(), `reprobench-check-${o.claim}-`));
  const s = await openSession({ ...o, runDir });
  // check recomputes every trial, so a stopped check starts over rather than resuming.
  setInterruptReport(() => {
    s.reporter.stop();
    return [
      `${s.finishedNow} trials recomputed before the stop; check recomputes them all, so run it again to check:`,
      `  ${resumeCommand()}`,
    ];
  });
  if (files.length === 0) {
    throw new ReprobenchError(
      'E_NO_REFERENCE',
      `claim "${o.claim}" has no reference results`,
      `create them with \`reprobench reference update ${o.claim} --preset standard\` and commit reference-results/${o.claim}/`,
    );
  }
  const reference = pickReference(files, s.backend.numericsClass);
  s.log(
    `reference: ${relative(
      o.cwd,
      files.find((f) => f.endsWith(`${reference.numericsClass}.json`))!,
    )} (${reference.trials.length} trials, ${reference.repeats} repeats)`,
  );
  // The reference's tuned points and at most its seeds: the evaluation is planned at once, and every trial recomputed.
  const run = resolveRun(s.claim, o.preset, { reference });
  const plan = planPhases(
    { registries: s.registries, claim: s.claim, backend: s.backend, ...run },
    new Map(),
  ).evaluation!;
  const { records } = await runPhase(s, `check ${o.claim}`, plan, true);
  s.reporter.stop();
  const inputs = predictorInputsFrom(s.registries);
  const comparison = compareWithReference(s.claim, reference, records, s.backend.numericsClass, inputs);
  return {
    comparison,
    outcome: checkOutcome(comparison, o.strict),
    seconds: (Date.now() - started) / 1000,
    claimVerdict: referenceClaimVerdict(s.claim, reference, inputs),
  };
}

/**
 * `reprobench check <claim> --run DIR`: compares the trials `check` would recompute with the
 * reference, taking them from a finished run directory instead (typically one merged from shards
 * that recomputed them on a cluster). The run must hold exactly those trials: the preset's seeds
 * with the reference's tuned points, on the run's numerics class.
 * @throws ReprobenchError E_NO_REFERENCE, E_NOT_A_RUN (no manifest, or a run of another claim),
 *   E_RUN_INCOMPLETE (the run lacks some of those trials)
 */
export async function checkRun(o: {
  claim: string;
  preset: Preset;
  strict: boolean;
  cwd: string;
  runDir: string;
  log: (l: string) => void;
}): Promise<CheckedClaim> {
  const started = Date.now();
  const registries = await loadRegistries(o.cwd);
  const claim = registries.claims.get(o.claim);
  const files = findReferences(o.cwd, claim.id);
  if (files.length === 0) {
    throw new ReprobenchError(
      'E_NO_REFERENCE',
      `claim "${claim.id}" has no reference results`,
      `create them with \`reprobench reference update ${claim.id} --preset standard\` and commit reference-results/${claim.id}/`,
    );
  }
  const manifest = readManifest(o.runDir);
  if (!manifest || manifest.claim.id !== claim.id) {
    throw new ReprobenchError(
      'E_NOT_A_RUN',
      `${o.runDir} holds no run of claim ${claim.id}${manifest ? ` (it holds ${manifest.claim.id})` : ''}`,
      'point --run at a directory written by `reprobench run` or `reprobench merge` for this claim',
    );
  }
  if (!BACKEND_CHOICES.includes(manifest.backend as BackendName))
    throw new ReprobenchError(
      'E_CORRUPT_RESULT',
      `${o.runDir}/manifest.json names an unknown backend "${manifest.backend}"`,
      'rerun or re-merge the run',
    );
  const backend = {
    name: manifest.backend as BackendName,
    numericsClass: manifest.numericsClass,
    tfjsVersion: '',
    reasons: manifest.backendReasons,
  };
  const reference = pickReference(files, backend.numericsClass);
  o.log(
    `reference: ${relative(
      o.cwd,
      files.find((f) => f.endsWith(`${reference.numericsClass}.json`))!,
    )}; trials from ${relative(o.cwd, o.runDir) || '.'} (${backend.numericsClass})`,
  );
  const run = resolveRun(claim, o.preset, { reference });
  const { repeats } = run;
  const chosen = chosenPoints(reference.tuning);
  const plan = planPhases({ registries, claim, backend, ...run }, new Map()).evaluation!;
  const stored = readTrials(o.runDir);
  const missing = plan.filter((t) => {
    const r = stored.get(t.id);
    return !r || !isFinished(r);
  });
  if (missing.length) {
    const otherChoice = Object.keys(chosen).some(
      (k) => canonicalJson(chosen[k]) !== canonicalJson(manifest.chosen[k] ?? {}),
    );
    throw new ReprobenchError(
      'E_RUN_INCOMPLETE',
      `${relative(o.cwd, o.runDir) || '.'} lacks ${missing.length} of the ${plan.length} trials check compares (first: ${missing[0]!.label})` +
        (otherChoice
          ? `; its tuning chose other points than the reference (${JSON.stringify(manifest.chosen)} vs ${JSON.stringify(chosen)}), which is itself a difference`
          : ''),
      otherChoice
        ? `run \`reprobench check ${claim.id}\` (it recomputes with the reference's points), or update the reference deliberately`
        : `run at least ${repeats} seeds (\`--seeds ${repeats}\`) on ${backend.numericsClass}, merge the shards, and check again`,
    );
  }
  const records = plan.map((t) => stored.get(t.id)!);
  const inputs = predictorInputsFrom(registries);
  const comparison = compareWithReference(claim, reference, records, backend.numericsClass, inputs);
  return {
    comparison,
    outcome: checkOutcome(comparison, o.strict),
    seconds: (Date.now() - started) / 1000,
    claimVerdict: referenceClaimVerdict(claim, reference, inputs),
  };
}
