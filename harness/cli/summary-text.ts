import type { ClaimSummary } from '../analysis/summary.js';
import { sequentialLabel } from '../scheduler/adaptive.js';
import { fmtValue } from '../scheduler/plan.js';
import type { HParams } from '../core/method.js';

const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));

/** `learningRate=0.032 weightDecay=0.02`: a tuned point in one short line. */
export function pointText(p: HParams): string {
  return Object.entries(p).map(([k, v]) => `${k}=${fmtValue(v)}`).join(' ') || '(defaults)';
}

/** The terminal summary printed at the end of `run`: per workload a table, then the verdicts. */
export function formatSummary(s: ClaimSummary): string {
  const lines: string[] = [];
  lines.push(`claim ${s.claim.id}: ${s.claim.title}`);
  lines.push(`  "${s.claim.quote}"`);
  lines.push(`  ${s.preset} preset, ${s.repeats} repeats, backend ${s.backend} (${s.numericsClass})`);
  if (s.tuning && s.tuning.rows.length) {
    const t = s.tuning;
    lines.push(`  tuning: ${t.description} (steps to target; ∞ = not reached; * = ${t.kind === 'grid' ? 'chosen' : "study's fastest"})`);
    for (const c of t.choices) {
      const rows = t.rows.filter((r) => r.workload === c.workload && r.method === c.method);
      const cells =
        t.kind === 'grid'
          ? rows.map((r) => `${pointText(r.point)}${r.winner ? '*' : ''}:${r.medianSteps ?? '∞'}`)
          : [...new Set(rows.map((r) => r.study))].map((k) => `study ${k}: ${rows.filter((r) => r.study === k).map((r) => `${r.medianSteps ?? '∞'}${r.winner ? '*' : ''}`).join(' ')}`);
      lines.push(`    ${pad(c.workload, 20)} ${pad(c.method, 14)} ${cells.join('  ')}`);
      lines.push(`    ${pad('', 20)} ${pad('', 14)} → ${pointText(c.point)} (median ${c.medianSteps ?? '∞'} steps)`);
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
    lines.push(`  ${w.workload}: target ${w.target ? `${w.target.metric} ${w.target.direction === 'higher' ? '≥' : '≤'} ${w.target.value}` : '—'}`);
    lines.push(`    ${pad('method', 14)} ${pad('tuned', 22)} ${pad('reached', 8)} ${pad('diverged', 9)} ${pad('median steps', 13)} median s`);
    for (const a of w.arms) {
      lines.push(
        `    ${pad(a.method, 14)} ${pad(a.tuned === null ? '—' : pointText(a.tuned), 22)} ${pad(`${a.reached}/${a.n}`, 8)} ${pad(String(a.divergedCount), 9)} ${pad(a.medianSteps === null ? '∞' : String(a.medianSteps), 13)} ${a.medianSeconds === null ? '∞' : a.medianSeconds.toFixed(2)}` +
          (a.missing.length ? `  (${a.missing.length} failed/timeout: ${a.missing.map((m) => `#${m.repeat} ${m.status}`).join(', ')})` : ''),
      );
    }
  }
  lines.push('');
  const j = s.judgement;
  if (s.adaptive) {
    const a = s.adaptive;
    lines.push(`  adaptive seeding (group-sequential, ${a.plan.options.spending}, one-sided α ${a.plan.alpha} per comparison): stopped at ${a.seedsPerArm} seeds per arm of at most ${a.maxSeedsPerArm}`);
    for (const c of a.comparisons) {
      const d = c.looks.at(-1)!;
      lines.push(`    ${c.method} vs ${c.baseline} on ${c.workload}: ${sequentialLabel(d).toUpperCase()} at look ${d.look + 1}`);
      lines.push(`      ${d.explanation}`);
    }
    lines.push('  claim verdict on the same seeds (effect size against the claim; fixed-sample p-values, not adjusted for the looks):');
  }
  lines.push(`  verdict: ${j.overall.toUpperCase()}${j.repeatsNeeded ? ` (about ${j.repeatsNeeded} repeats per method would decide it)` : ''}`);
  lines.push(`    ${j.basis}`);
  for (const c of j.comparisons) {
    lines.push(`    ${c.methodId} vs ${c.baselineId} on ${c.workload}: ${c.verdict.toUpperCase()}`);
    lines.push(`      ${c.explanation}`);
  }
  for (const u of j.unjudged) lines.push(`    ${u.method} vs ${u.baseline} on ${u.workload}: NOT JUDGED (${u.reason})`);
  return lines.join('\n');
}
