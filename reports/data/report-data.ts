import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ClaimSummary } from '../../harness/analysis/summary.js';
import type { TrialRecord } from '../../harness/core/trial.js';
import { ReprobenchError } from '../../harness/errors.js';
import { readManifest, type Manifest } from '../../harness/store/manifest.js';
import { readClaimReferences } from '../../harness/store/reference.js';
import { readTrials } from '../../harness/store/trial-store.js';
import { workloadRefOf } from '../../harness/core/workload.js';
import { fasterThan, timeSummary, type Superiority } from './arm-stats.js';
import { summarizeCurves } from './curves.js';
import { referenceSection, type ReferenceSection } from './reference-section.js';
import { preregistrationOf } from './preregistration-section.js';
import type { PreregistrationStatus } from '../../harness/core/preregistration.js';
import { profileSection, type ProfileSection } from './profile-section.js';
import { predictorReport } from './predictor-section.js';
import type { ArmReport, WorkloadReport } from './workload-report.js';

/** A method trained by an external command (docs/protocol.md), as its trials' provenance records it. */
export interface ExternalTrainerReport {
  method: string;
  command: string;
  /** SHA-256 over the trainer's hashed files. */
  scriptHash: string;
  interpreter: string;
  framework: string | null;
  protocol: number;
}

/** Everything a claim report shows, computed from a run directory alone. */
export interface ReportData {
  summary: ClaimSummary;
  manifest: Manifest;
  workloads: WorkloadReport[];
  externals: ExternalTrainerReport[];
  reference: ReferenceSection | null;
  /** The card now against the card of its first reference run. */
  preregistration: PreregistrationStatus;
  profile: ProfileSection | null;
}

const median = (xs: number[]): number | null => {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** @throws ReprobenchError E_NOT_A_RUN when the directory holds no finished run */
export function readSummary(runDir: string): { summary: ClaimSummary; manifest: Manifest } {
  const manifest = readManifest(runDir);
  const path = join(runDir, 'summary.json');
  if (!manifest || !existsSync(path)) {
    throw new ReprobenchError(
      'E_NOT_A_RUN',
      `${runDir} holds no finished run (no manifest.json or summary.json)`,
      'point at a directory written by `reprobench run` (default runs/<claim>); an unfinished run finishes, reusing its trials, when you run the same command again',
    );
  }
  let summary: ClaimSummary;
  try {
    summary = JSON.parse(readFileSync(path, 'utf8')) as ClaimSummary;
  } catch (e) {
    throw new ReprobenchError(
      'E_CORRUPT_RESULT',
      `${path} is not valid JSON (${(e as Error).message})`,
      'rerun the same `reprobench run` command: it rewrites the summary from the stored trials',
    );
  }
  if (!summary.judgement?.scope || !summary.judgement?.fidelity) {
    throw new ReprobenchError(
      'E_SCHEMA_VERSION',
      `${path} was written by an older reprobench (its verdict has no scope)`,
      `rerun \`reprobench run ${manifest.claim.id}\`: it reuses every stored trial and rewrites the summary under the current verdict rules`,
    );
  }
  return { summary, manifest };
}

export function buildReportData(runDir: string, cwd: string): ReportData {
  const { summary, manifest } = readSummary(runDir);
  const stored = readTrials(runDir);
  const evalTrials = manifest.evalTrials.map((id) => stored.get(id)).filter((t): t is TrialRecord => t !== undefined);
  const baselines = new Set(summary.baselines);
  const seed = summary.judgement.seed;
  const workloads = summary.workloads.map((w): WorkloadReport => {
    const trials = evalTrials.filter((t) => workloadRefOf(t.config.workload) === w.workload);
    const arms = w.arms.map((a): ArmReport => {
      const mine = trials.filter((t) => t.config.method.id === a.method);
      // Effects against a baseline only: a phenomenon claim's statistic is shown with the verdict, not as a ratio.
      const ratios = summary.judgement.comparisons
        .filter((c) => c.workload === w.workload && c.methodId === a.method && c.baselineId !== null)
        .map((c) => ({ baseline: c.baselineId!, estimate: c.estimate, ci: c.ci, estimand: c.estimand }));
      const faster = baselines.has(a.method)
        ? []
        : summary.baselines
            .map((b) =>
              fasterThan(
                a,
                w.arms.find((x) => x.method === b)!,
                seed,
              ),
            )
            .filter((f): f is Superiority => f !== null);
      return {
        method: a.method,
        isBaseline: baselines.has(a.method),
        tuned: a.tuned,
        n: a.n,
        reached: a.reached,
        censored: a.censored,
        diverged: a.divergedCount,
        missing: a.missing.length,
        steps: timeSummary(a.steps, a.events),
        seconds: timeSummary(a.seconds, a.events),
        ratios,
        faster,
        finalMetric: median(
          mine
            .map((t) => t.outcome.finalMetrics[t.config.target.metric])
            .filter((v): v is number => typeof v === 'number' && Number.isFinite(v)),
        ),
        seeds: a.repeats.map((r, i) => ({
          repeat: r,
          steps: a.steps[i]!,
          seconds: a.seconds[i]!,
          kind: a.events[i] ? 'reached' : a.diverged[i] ? 'diverged' : 'censored',
        })),
        curve: summarizeCurves(mine, w.target?.metric ?? 'validation/loss'),
      };
    });
    return {
      workload: w.workload,
      target: w.target,
      budgetSteps: w.arms[0]?.budgetSteps ?? 0,
      arms,
      ...(w.predictor ? { predictor: predictorReport(w.predictor) } : {}),
    };
  });
  const externals = new Map<string, ExternalTrainerReport>();
  for (const t of evalTrials) {
    const e = t.provenance.external;
    if (!e || externals.has(t.config.method.id)) continue;
    externals.set(t.config.method.id, {
      method: t.config.method.id,
      command: e.command.join(' '),
      scriptHash: e.scriptHash,
      interpreter: [e.interpreter.command, e.interpreter.version].filter(Boolean).join(' '),
      framework: e.framework,
      protocol: e.protocol,
    });
  }
  // Both sections read the same files (several MB for some claims): read and verify them once.
  const references = readClaimReferences(cwd, summary.claim.id);
  return {
    summary,
    manifest,
    workloads,
    externals: [...externals.values()],
    reference: referenceSection(summary, evalTrials, references),
    preregistration: preregistrationOf(summary, references),
    profile: profileSection(workloads),
  };
}
