import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Preset } from '../core/claim.js';
import { ReprobenchError } from '../errors.js';
import { planEvaluation } from '../scheduler/plan.js';
import { chosenPoints } from '../tuning/result.js';
import { openSession, runPhase, type SessionOptions } from '../scheduler/session.js';
import { findReferences, readReference, type ReferenceFile } from '../store/reference.js';
import { compareWithReference } from './compare.js';
import type { CheckedClaim } from './formats.js';
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
  if (files.length === 0) {
    throw new ReprobenchError('E_NO_REFERENCE', `claim "${o.claim}" has no reference results`, `create them with \`reprobench reference update ${o.claim} --preset standard\` and commit reference-results/${o.claim}/`);
  }
  const reference = pickReference(files, s.backend.numericsClass);
  s.log(`reference: ${relative(o.cwd, files.find((f) => f.endsWith(`${reference.numericsClass}.json`))!)} (${reference.trials.length} trials, ${reference.repeats} repeats)`);
  const repeats = Math.min(s.claim.repeats[o.preset], reference.repeats);
  const plan = planEvaluation(s.registries, s.claim, o.preset, repeats, s.backend, chosenPoints(reference.tuning));
  const { records } = await runPhase(s, `check ${o.claim}`, plan, true);
  s.reporter.stop();
  const comparison = compareWithReference(s.claim, reference, records, s.backend.numericsClass);
  return { comparison, outcome: checkOutcome(comparison, o.strict), seconds: (Date.now() - started) / 1000 };
}
