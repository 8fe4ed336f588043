import type { ClaimDefinition, Preset } from '../core/claim.js';
import { configHash, type TrialRecord } from '../core/trial.js';
import { workloadRefOf } from '../core/workload.js';
import type { BackendInfo } from '../backends/select.js';
import type { HostProvenance } from '../store/provenance.js';
import { curveDigest, thinCurve, type ReferenceFile, type ReferenceTrial } from '../store/reference.js';
import { chosenPoints, type TuningResult } from '../tuning/result.js';
import { canonicalJson } from '../core/trial.js';
import { preregistrationStatus, type ReferenceCard } from '../core/preregistration.js';

export function referenceTrial(r: TrialRecord): ReferenceTrial {
  const { curve, thinned } = thinCurve(r.curve);
  return {
    workload: workloadRefOf(r.config.workload),
    method: r.config.method.id,
    repeat: r.config.repeat.index,
    trialId: r.id,
    configHash: configHash(r.config),
    config: r.config,
    status: r.status,
    outcome: r.outcome,
    curve,
    curveThinned: thinned,
    curveDigest: curveDigest(r.curve),
    ...(r.provenance.external ? { framework: r.provenance.external.framework } : {}),
  };
}

export function buildReference(args: {
  claim: ClaimDefinition;
  backend: BackendInfo;
  host: HostProvenance;
  preset: Preset;
  repeats: number;
  sweep: TuningResult | null;
  records: TrialRecord[];
  command: string;
  /** The card as this run saw it and as its first run did (pre-registration). */
  card?: ReferenceCard;
}): Omit<ReferenceFile, 'contentHash'> {
  const { claim, backend, host, sweep } = args;
  const trials = args.records
    .filter((r) => r.config.repeat.purpose === 'eval')
    .map(referenceTrial)
    .sort((a, b) => a.workload.localeCompare(b.workload) || a.method.localeCompare(b.method) || a.repeat - b.repeat);
  return {
    schemaVersion: 1,
    claim: { id: claim.id, version: claim.version },
    numericsClass: backend.numericsClass,
    backend: backend.name,
    preset: args.preset,
    repeats: args.repeats,
    tuning: sweep
      ? { kind: sweep.kind, description: sweep.description, choices: sweep.choices, rows: sweep.rows }
      : null,
    trials,
    provenance: {
      ...host,
      tfjsVersion: backend.tfjsVersion,
      backend: backend.name,
      backendReasons: backend.reasons,
      numericsClass: backend.numericsClass,
      gpu: null,
    },
    command: args.command,
    createdAt: new Date().toISOString(),
    ...(args.card ? { card: args.card } : {}),
  };
}

/** What a refresh changed, in lines a person reads before committing it. */
export function describeReferenceChanges(
  before: ReferenceFile | null,
  after: Omit<ReferenceFile, 'contentHash'>,
): string[] {
  if (!before) {
    return [
      `new reference: ${after.trials.length} trials, ${after.repeats} repeats, ${after.numericsClass}`,
      ...cardLines(after.card),
    ];
  }
  const lines: string[] = [];
  const k = (t: ReferenceTrial) => `${t.workload}|${t.method}|${t.repeat}`;
  const old = new Map(before.trials.map((t) => [k(t), t]));
  const now = new Map(after.trials.map((t) => [k(t), t]));
  let same = 0;
  for (const [key, t] of now) {
    const o = old.get(key);
    const label = `${t.method} on ${t.workload}, seed ${t.repeat}`;
    if (!o)
      lines.push(
        `+ ${label}: ${t.status}${t.outcome.stepsToTarget !== null ? ` at step ${t.outcome.stepsToTarget}` : ''}`,
      );
    else if (o.configHash !== t.configHash) lines.push(`~ ${label}: configuration changed`);
    else if (o.curveDigest !== t.curveDigest)
      lines.push(
        `~ ${label}: result changed (${o.status} ${o.outcome.stepsToTarget ?? '—'} → ${t.status} ${t.outcome.stepsToTarget ?? '—'} steps)`,
      );
    else same++;
  }
  for (const [key, o] of old)
    if (!now.has(key)) lines.push(`- ${o.method} on ${o.workload}, seed ${o.repeat}: removed`);
  const was = chosenPoints(before.tuning);
  for (const [key, v] of Object.entries(chosenPoints(after.tuning))) {
    if (!was[key] || canonicalJson(was[key]) !== canonicalJson(v))
      lines.push(`~ tuning ${key}: ${JSON.stringify(was[key] ?? null)} → ${JSON.stringify(v)}`);
  }
  lines.push(`${same} of ${after.trials.length} trials unchanged`);
  const card = after.card;
  if (card)
    lines.push(
      card.firstRun.recordedAt === card.run.recordedAt
        ? cardLines(card)[0]!
        : preregistrationStatus(card.run, card).text,
    );
  return lines;
}

/** The card a new record pre-registers: its file, commit and hash. */
function cardLines(card: ReferenceCard | undefined): string[] {
  if (!card) return [];
  const at = card.run.commit ? `at ${card.run.commit.slice(0, 10)}` : 'not under version control';
  return [`card pre-registered: ${card.file ?? 'its file is not available'} ${at}, hash ${card.run.hash.slice(0, 12)}`];
}
