import type { PredictorOutcome } from '../analysis/predictor-outcome.js';
import type { ClaimSummary } from '../analysis/summary.js';
import { sequentialLabel } from '../scheduler/adaptive.js';
import { fmtValue } from '../plan/plan.js';
import { fidelityText } from '../analysis/scope.js';
import type { HParams } from '../core/method.js';

const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));

/** `learningRate=0.032 weightDecay=0.02`: a tuned point in one short line. */
export function pointText(p: HParams): string {
  return (
    Object.entries(p)
      .map(([k, v]) => `${k}=${fmtValue(v)}`)
      .join(' ') || '(defaults)'
  );
}

/** A tuning trial's cell: its outcome for fixed-budget claims, else its steps to target. */
const cell = (r: { metric?: number | null; medianSteps: number | null }): string =>
  r.metric !== undefined ? (r.metric === null ? '—' : fmtValue(r.metric)) : `${r.medianSteps ?? '∞'}`;

const median = (xs: Array<number | null | undefined>): number | null => {
  const s = xs.filter((x): x is number => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return null;
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** The terminal summary printed at the end of `run`: per workload a table, then the verdicts. */
export function formatSummary(s: ClaimSummary): string {
  const lines: string[] = [];
  lines.push(`claim ${s.claim.id}: ${s.claim.title}`);
  lines.push(`  "${s.claim.quote}"`);
  lines.push(`  ${s.preset} preset, ${s.repeats} repeats, backend ${s.backend} (${s.numericsClass})`);
  if (s.tuning && s.tuning.rows.length) {
    const t = s.tuning;
    const fb = t.rows.some((r) => r.metric !== undefined);
    const star = t.kind === 'grid' ? 'chosen' : "study's winner";
    lines.push(
      `  tuning: ${t.description} (${fb ? 'outcome; — = none' : 'steps to target; ∞ = not reached'}; * = ${star})`,
    );
    for (const c of t.choices) {
      const rows = t.rows.filter((r) => r.workload === c.workload && r.method === c.method);
      const cells =
        t.kind === 'grid'
          ? rows.map((r) => `${pointText(r.point)}${r.winner ? '*' : ''}:${r.medianSteps ?? '∞'}`)
          : [...new Set(rows.map((r) => r.study))].map(
              (k) =>
                `study ${k}: ${rows
                  .filter((r) => r.study === k)
                  .map((r) => `${cell(r)}${r.winner ? '*' : ''}`)
                  .join(' ')}`,
            );
      lines.push(`    ${pad(c.workload, 20)} ${pad(c.method, 14)} ${cells.join('  ')}`);
      const med =
        c.medianMetric !== undefined
          ? `median best outcome ${c.medianMetric === null ? '—' : fmtValue(c.medianMetric)}`
          : `median ${c.medianSteps ?? '∞'} steps`;
      lines.push(`    ${pad('', 20)} ${pad('', 14)} → ${pointText(c.point)} (${med})`);
    }
  }
  if (s.tuningSensitivity?.length) {
    lines.push(
      '    sensitivity to the tuning choice (tuning trials only; runner-ups of method / baseline / both; resamples of studies and seeds):',
    );
    for (const x of s.tuningSensitivity) {
      const f = (v: number | null) => (v === null ? '—' : fmtValue(v));
      const iv = x.bootstrap.interval ? ` [${f(x.bootstrap.interval[0])}, ${f(x.bootstrap.interval[1])}]` : '';
      lines.push(
        `      ${x.method} vs ${x.baseline} on ${x.workload}: ${x.effectName} ${f(x.chosen)}; ` +
          `runner-ups ${f(x.runnerUp.method)} / ${f(x.runnerUp.baseline)} / ${f(x.runnerUp.both)}; ` +
          `method ahead in ${Math.round(x.bootstrap.methodAhead * x.bootstrap.resamples)} of ${x.bootstrap.resamples} resamples${iv}: ${x.flips ? x.reading.toUpperCase() : x.reading}`,
      );
    }
  }
  if (s.claim.tuningRecord) {
    const drift = Object.entries(s.tuningDrift);
    lines.push(
      drift.length === 0
        ? `    the tuning chose what the card records (${s.claim.tuningRecord.date}, ${s.claim.tuningRecord.backend})`
        : `    WARNING: the tuning chose differently from the card's record (${s.claim.tuningRecord.date}): ` +
            drift.map(([k, [now, was]]) => `${k} ${JSON.stringify(now)} (card: ${JSON.stringify(was)})`).join(', '),
    );
  }
  for (const w of s.workloads) {
    lines.push('');
    lines.push(
      `  ${w.workload}: target ${w.target ? `${w.target.metric} ${w.target.direction === 'higher' ? '≥' : '≤'} ${w.target.value}` : '—'}`,
    );
    // Fixed-budget and phenomenon claims are judged on another outcome: show its median too.
    const tt = s.claim.testType;
    const outcomeName =
      tt === 'fixed-budget' ? `median ${s.claim.outcome ?? 'final'}` : tt === 'phenomenon' ? 'median statistic' : null;
    lines.push(
      `    ${pad('method', 14)} ${pad('tuned', 22)} ${pad('reached', 8)} ${pad('diverged', 9)} ${pad('median steps', 13)} ${outcomeName ? pad('median s', 9) + ' ' + outcomeName : 'median s'}`,
    );
    for (const a of w.arms) {
      const outcome =
        tt === 'fixed-budget'
          ? median(s.claim.outcome === 'best' ? a.bestMetric : a.finalMetric)
          : tt === 'phenomenon'
            ? median(a.statistic ?? [])
            : undefined;
      const secs = a.medianSeconds === null ? '∞' : a.medianSeconds.toFixed(2);
      lines.push(
        `    ${pad(a.method, 14)} ${pad(a.tuned === null ? '—' : pointText(a.tuned), 22)} ${pad(`${a.reached}/${a.n}`, 8)} ${pad(String(a.divergedCount), 9)} ${pad(a.medianSteps === null ? '∞' : String(a.medianSteps), 13)} ${outcome === undefined ? secs : `${pad(secs, 9)} ${outcome === null ? '—' : fmtValue(outcome)}`}` +
          (a.missing.length
            ? `  (${a.missing.length} failed/timeout: ${a.missing.map((m) => `#${m.repeat} ${m.status}`).join(', ')})`
            : ''),
      );
    }
    if (w.predictor) lines.push(...predictorLines(w.predictor));
  }
  lines.push('');
  const j = s.judgement;
  if (s.adaptive) {
    const a = s.adaptive;
    lines.push(
      `  adaptive seeding (group-sequential, ${a.plan.options.spending}, one-sided α ${a.plan.alpha} per comparison): stopped at ${a.seedsPerArm} seeds per arm of at most ${a.maxSeedsPerArm}`,
    );
    for (const c of a.comparisons) {
      const d = c.looks.at(-1)!;
      lines.push(
        `    ${c.method} vs ${c.baseline} on ${c.workload}: ${sequentialLabel(d).toUpperCase()} at look ${d.look + 1}`,
      );
      lines.push(`      ${d.explanation}`);
    }
    lines.push(
      '  claim verdict on the same seeds (effect size against the claim; fixed-sample p-values, not adjusted for the looks):',
    );
  }
  // The label first, with where it holds; then what was claimed next to what was measured, then why.
  lines.push(`  verdict: ${j.overall.toUpperCase()} ${j.scope.text} · ${fidelityText(j.fidelity)}`);
  if (j.repeatsNeeded)
    lines.push(`    (about ${j.repeatsNeeded} repeats per method would decide the open comparisons)`);
  for (const c of j.comparisons) {
    lines.push(
      `    ${c.methodId}${c.baselineId ? ` vs ${c.baselineId}` : ''} on ${c.workload}: ${c.headline} → ${c.verdict.toUpperCase()}${validityNote(c)}`,
    );
    lines.push(`      ${c.explanation}`);
  }
  lines.push(`    ${j.basis}`);
  for (const u of j.unjudged)
    lines.push(`    ${u.method}${u.baseline ? ` vs ${u.baseline}` : ''} on ${u.workload}: NOT JUDGED (${u.reason})`);
  return lines.join('\n');
}

/** A predictor claim's per-seed errors (JSON writes NaN as null: no error for that seed). */
function predictorLines(p: PredictorOutcome): string[] {
  const f = (v: number | null | undefined): string => (typeof v === 'number' && Number.isFinite(v) ? fmtValue(v) : '—');
  return [
    `    predictor errors (${p.errorName}):`,
    `    ${pad('seed', 6)} ${pad(p.method, 22)} ${pad(p.baseline, 22)} ratio`,
    ...p.repeats.map((r, i) => {
      const m = p.methodErrors[i];
      const b = p.baselineErrors[i];
      return `    ${pad(String(r), 6)} ${pad(f(m), 22)} ${pad(f(b), 22)} ${f(m !== undefined && b ? m / b : null)}`;
    }),
    ...p.notes.map((n) => `    note: ${n}`),
    ...(p.earlyStopping?.length
      ? [
          `    predictive early stopping with ${p.method} (${p.earlyStoppingJudged ? 'judged above' : 'secondary, not judged'}): speed-up ${p.earlyStopping.map((e) => f(e.speedup)).join(', ')}; ` +
            `regret ${p.earlyStopping.map((e) => f(e.regret)).join(', ')} (per seed)`,
        ]
      : []),
  ];
}

/** What every terminal line of a comparison adds when it is one of the card's validity checks. */
export function validityNote(c: { validityCheck?: true | undefined }): string {
  return c.validityCheck ? ' (validity check, not counted in the label)' : '';
}
