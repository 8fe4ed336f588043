import type { CheckComparison } from './compare.js';
import type { CheckOutcome } from './outcome.js';

/** The claim's verdict judged from the reference's trials under the current rules, with where it holds. */
export interface ReferenceClaimVerdict {
  label: string;
  /** The label with its scope and the card's fidelity, as every output prints it. */
  scopedLabel: string;
  scope: string;
  fidelity: string;
  /**
   * "claimed 2× · measured 1.27× [1.16, 1.39]" per comparison, with its label; a comparison of the
   * card's `validityChecks` is marked, since it gates the claim's label instead of counting in it.
   */
  comparisons: Array<{ comparison: string; headline: string; label: string; validityCheck?: true }>;
}

export interface CheckedClaim {
  comparison: CheckComparison;
  outcome: CheckOutcome;
  seconds: number;
  /** What the reference says of the paper's claim (check itself compares this run with the reference). */
  claimVerdict: ReferenceClaimVerdict;
}

const xml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/** JUnit XML for CI systems: a suite per claim, a case per rerun seed and per statistical comparison. */
export function toJunit(results: CheckedClaim[]): string {
  const suites = results.map(({ comparison: c, outcome, seconds }) => {
    const cases: string[] = [];
    for (const t of c.trials) {
      const name = `${t.method} · ${t.workload} · seed ${t.repeat}`;
      const failed = c.sameClass && t.result !== 'identical' && t.result !== 'other-class';
      cases.push(
        `    <testcase classname="${xml(c.claim)}" name="${xml(name)}">` +
          (failed
            ? `<failure message="${xml(t.detail)}" type="${xml(t.result)}"/>`
            : t.result === 'identical' || t.result === 'other-class'
              ? ''
              : `<system-out>${xml(t.detail)}</system-out>`) +
          '</testcase>',
      );
    }
    for (const g of c.groups) {
      const quantity = g.quantity ?? 'steps to target';
      const name = `${g.method} · ${g.workload} · ${quantity} vs ${c.referenceClass}`;
      const failed = outcome.failures.some((f) => f.includes(`${g.method} on ${g.workload}, ${quantity}`));
      cases.push(
        `    <testcase classname="${xml(c.claim)}" name="${xml(name)}">${failed ? `<failure message="${xml(g.steps.explanation)}" type="${xml(g.steps.verdict)}"/>` : `<system-out>${xml(g.steps.explanation)}</system-out>`}</testcase>`,
      );
    }
    const failures = cases.filter((x) => x.includes('<failure')).length;
    return `  <testsuite name="reprobench check ${xml(c.claim)}" tests="${cases.length}" failures="${failures}" time="${seconds.toFixed(1)}">\n${cases.join('\n')}\n  </testsuite>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>\n${suites.join('\n')}\n</testsuites>\n`;
}

const md = (s: string) => s.replace(/\|/g, '\\|').replace(/</g, '&lt;');

/** A Markdown summary fit for a pull-request comment. */
export function toMarkdown(results: CheckedClaim[]): string {
  const lines: string[] = ['## reprobench check', ''];
  const failed = results.some((r) => r.outcome.code !== 0);
  lines.push(failed ? '**Result: FAILED**' : '**Result: passed**', '');
  for (const { comparison: c, outcome, claimVerdict } of results) {
    const identical = c.trials.filter((t) => t.result === 'identical').length;
    lines.push(`### \`${md(c.claim)}\` — ${outcome.code ? 'failed' : 'passed'}`, '');
    lines.push(
      `Reference ${md(c.referenceClass)}, this run ${md(c.currentClass)}${c.sameClass ? ` (same numerics class: ${identical}/${c.trials.length} seeds bit-identical)` : ' (other numerics class: statistical comparison)'}.`,
      '',
    );
    lines.push(
      `The reference's claim verdict: **${md(claimVerdict.label)}** ${md(claimVerdict.scope)} · ${md(claimVerdict.fidelity)}.`,
      '',
    );
    lines.push('| method | workload | claim outcome vs reference | wall time |', '| --- | --- | --- | --- |');
    for (const g of c.groups)
      lines.push(
        `| ${md(g.method)} | ${md(g.workload)} | ${md(`${g.quantity ?? 'steps to target'}: ${g.steps.verdict}`)} | ${md(g.seconds.verdict)} |`,
      );
    lines.push('');
    for (const f of outcome.failures) lines.push(`- ❌ ${md(f)}`);
    for (const w of outcome.warnings) lines.push(`- ⚠️ ${md(w)}`);
    if (outcome.failures.length || outcome.warnings.length) lines.push('');
  }
  return lines.join('\n');
}
