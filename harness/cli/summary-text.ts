import type { ClaimSummary } from '../analysis/summary.js';
import { sequentialLabel } from '../scheduler/adaptive.js';
import { fmtValue } from '../scheduler/plan.js';

const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));

/** The terminal summary printed at the end of `run`: per workload a table, then the verdicts. */
export function formatSummary(s: ClaimSummary): string {
  const lines: string[] = [];
  lines.push(`claim ${s.claim.id}: ${s.claim.title}`);
  lines.push(`  "${s.claim.quote}"`);
  lines.push(`  ${s.preset} preset, ${s.repeats} repeats, backend ${s.backend} (${s.numericsClass})`);
  if (s.tuning && s.tuning.rows.length) {
    lines.push(`  tuning (${s.tuning.hparam}, median steps to target over tuning seeds; ∞ = not reached):`);
    for (const w of new Set(s.tuning.rows.map((r) => r.workload))) {
      for (const m of new Set(s.tuning.rows.filter((r) => r.workload === w).map((r) => r.method))) {
        const rows = s.tuning.rows.filter((r) => r.workload === w && r.method === m);
        const chosen = s.tuning.chosen[`${w}/${m}`];
        const cells = rows.map((r) => `${fmtValue(r.value)}${r.value === chosen ? '*' : ''}:${r.medianSteps ?? '∞'}`);
        lines.push(`    ${pad(w, 20)} ${pad(m, 14)} ${cells.join('  ')}`);
      }
    }
  }
  if (s.claim.tuningRecord) {
    const drift = Object.entries(s.tuningDrift);
    lines.push(
      drift.length === 0
        ? `    the sweep chose what the card records (${s.claim.tuningRecord.date}, ${s.claim.tuningRecord.backend})`
        : `    WARNING: the sweep chose differently from the card's record (${s.claim.tuningRecord.date}): ` +
            drift.map(([k, [now, was]]) => `${k} ${String(now)} (card: ${String(was)})`).join(', '),
    );
  }
  for (const w of s.workloads) {
    lines.push('');
    lines.push(`  ${w.workload}: target ${w.target ? `${w.target.metric} ${w.target.direction === 'higher' ? '≥' : '≤'} ${w.target.value}` : '—'}`);
    lines.push(`    ${pad('method', 14)} ${pad('lr', 8)} ${pad('reached', 8)} ${pad('diverged', 9)} ${pad('median steps', 13)} median s`);
    for (const a of w.arms) {
      lines.push(
        `    ${pad(a.method, 14)} ${pad(a.tuned === null ? '—' : fmtValue(a.tuned), 8)} ${pad(`${a.reached}/${a.n}`, 8)} ${pad(String(a.divergedCount), 9)} ${pad(a.medianSteps === null ? '∞' : String(a.medianSteps), 13)} ${a.medianSeconds === null ? '∞' : a.medianSeconds.toFixed(2)}` +
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
