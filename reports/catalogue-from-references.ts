import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { predictorInputsFrom } from '../harness/analysis/predictor-outcome.js';
import { summarizeReference, referenceTrialRecords } from '../harness/analysis/reference-summary.js';
import type { ClaimSummary } from '../harness/analysis/summary.js';
import type { Registries } from '../harness/core/registries.js';
import { listPapers } from '../harness/core/papers.js';
import { ReprobenchError } from '../harness/errors.js';
import { writeManifest } from '../harness/store/manifest.js';
import { findReferences, readReference, type ReferenceFile } from '../harness/store/reference.js';
import { writeTrial } from '../harness/store/trial-store.js';
import { chosenPoints } from '../harness/tuning/result.js';
import { writeCatalogue } from './render-catalogue.js';
import { writeReport } from './render-report.js';
import { writeSummaryJson } from './summary.js';

/** Which of a claim's references to judge: the class asked for (a prefix such as `wasm`), else wasm (portable), else the first. */
export function pickReferenceFile(files: string[], numericsClass?: string): ReferenceFile | null {
  const refs = files.map(readReference);
  if (numericsClass) return refs.find((r) => r.numericsClass.startsWith(numericsClass)) ?? null;
  return refs.find((r) => r.numericsClass.startsWith('wasm')) ?? refs[0] ?? null;
}

/** A run directory rebuilt from a reference: its evaluation trials, a manifest and the re-judged summary. */
function writeReferenceRun(dir: string, ref: ReferenceFile, summary: ClaimSummary): void {
  const records = referenceTrialRecords(ref);
  for (const r of records) writeTrial(dir, r);
  writeManifest(dir, {
    schemaVersion: 1,
    claim: ref.claim,
    preset: ref.preset,
    repeats: ref.repeats,
    backend: ref.backend,
    numericsClass: ref.numericsClass,
    backendReasons: ref.provenance.backendReasons,
    configFile: null,
    command: ref.command,
    createdAt: ref.createdAt,
    updatedAt: ref.createdAt,
    status: 'complete',
    tuningTrials: [],
    evalTrials: records.map((r) => r.id),
    chosen: chosenPoints(ref.tuning),
  });
  writeSummaryJson(dir, summary);
}

export interface RejudgedClaim {
  id: string;
  numericsClass: string;
  summary: ClaimSummary;
}

/**
 * `reprobench catalogue`: judges every claim that has a committed reference under the current
 * verdict rules, from the reference's stored trials (nothing is trained), and writes each claim's
 * report and the catalogue page into `out` (`<out>/catalogue.html`, `<out>/<claim>/report.html`).
 * @throws ReprobenchError E_NO_REFERENCE when no claim has a reference of the class asked for
 */
export function writeCatalogueFromReferences(
  registries: Registries,
  o: { cwd: string; out: string; numericsClass?: string },
): { claims: RejudgedClaim[]; missing: string[]; html: string } {
  const work = mkdtempSync(join(tmpdir(), 'reprobench-catalogue-'));
  try {
    const claims: RejudgedClaim[] = [];
    const missing: string[] = [];
    for (const claim of registries.claims.values()) {
      const ref = pickReferenceFile(findReferences(o.cwd, claim.id), o.numericsClass);
      if (!ref) {
        missing.push(claim.id);
        continue;
      }
      const summary = summarizeReference(claim, ref, predictorInputsFrom(registries));
      const dir = join(work, claim.id);
      writeReferenceRun(dir, ref, summary);
      writeReport(dir, o.cwd);
      claims.push({ id: claim.id, numericsClass: ref.numericsClass, summary });
    }
    if (claims.length === 0) {
      throw new ReprobenchError(
        'E_NO_REFERENCE',
        `no claim has a reference${o.numericsClass ? ` of class ${o.numericsClass}` : ''}`,
        'create references with `reprobench reference update <claim> --preset standard`',
      );
    }
    const ids = claims.map((c) => c.id);
    writeCatalogue(work, ids, { papers: listPapers(registries), cwd: o.cwd });
    mkdirSync(o.out, { recursive: true });
    for (const id of ids) {
      mkdirSync(join(o.out, id), { recursive: true });
      copyFileSync(join(work, id, 'report.html'), join(o.out, id, 'report.html'));
    }
    copyFileSync(join(work, 'catalogue.html'), join(o.out, 'catalogue.html'));
    copyFileSync(join(work, 'catalogue.json'), join(o.out, 'catalogue.json'));
    copyFileSync(join(work, 'catalogue.md'), join(o.out, 'catalogue.md'));
    return { claims, missing, html: join(o.out, 'catalogue.html') };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
