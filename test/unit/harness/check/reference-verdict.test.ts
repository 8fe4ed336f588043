import { describe, expect, it } from 'vitest';
import { predictorInputsFrom } from '../../../../harness/analysis/predictor-outcome.js';
import { loadRegistries } from '../../../../harness/builtins.js';
import { toMarkdown } from '../../../../harness/check/formats.js';
import { referenceClaimVerdict } from '../../../../harness/check/run-check.js';
import { findReferences, readReference } from '../../../../harness/store/reference.js';
import { CLAIM_LABELS } from '../../../../harness/stats/index.js';
import { ROOT } from '../../../helpers/cli.js';

describe("check states the reference's claim verdict with its scope and fidelity", () => {
  it('re-judges the committed adan reference under the current rules', async () => {
    const registries = await loadRegistries(ROOT);
    const claim = registries.claims.get('adan');
    const ref = readReference(findReferences(ROOT, 'adan')[0]!);
    const v = referenceClaimVerdict(claim, ref, predictorInputsFrom(registries));
    expect(CLAIM_LABELS).toContain(v.label);
    expect(v.scope).toMatch(/^at miniature scale: fashion-mnist-mlp/);
    expect(v.fidelity).toBe('faithful');
    expect(v.scopedLabel).toBe(`${v.label} ${v.scope} · faithful`);
    // Judged on the workloads the reference ran (the card may name more since: adan added the deep net).
    const held = claim.workloads.filter((w) => ref.trials.some((t) => t.workload === w));
    expect(held.length).toBeGreaterThan(0);
    expect(v.comparisons.map((c) => c.comparison)).toEqual(
      held.flatMap((w) => ['adamw', 'nadamw'].map((b) => `adan vs ${b} on ${w}`)),
    );
    for (const c of v.comparisons) expect(c.headline).toMatch(/^claimed 2× · measured /);
    const md = toMarkdown([
      {
        comparison: {
          claim: 'adan',
          referenceClass: ref.numericsClass,
          currentClass: ref.numericsClass,
          sameClass: true,
          trials: [],
          groups: [],
        },
        outcome: { code: 0, failures: [], warnings: [] },
        seconds: 1,
        claimVerdict: v,
      },
    ]);
    expect(md).toContain(`The reference's claim verdict: **${v.label}** ${v.scope} · faithful.`);
  });

  it('marks the comparison of a validity check, which gates the label instead of counting in it', async () => {
    const registries = await loadRegistries(ROOT);
    const claim = registries.claims.get('granet');
    const checks = new Set((claim.validityChecks ?? []).map((c) => c.method));
    expect(checks.size).toBeGreaterThan(0);
    const ref = readReference(findReferences(ROOT, 'granet')[0]!);
    const v = referenceClaimVerdict(claim, ref, predictorInputsFrom(registries));
    const marked = v.comparisons.filter((c) => c.validityCheck);
    expect(marked.length).toBeGreaterThan(0);
    // Exactly the comparisons whose method is a validity check are marked; the rest make the label.
    for (const c of v.comparisons)
      expect(c.validityCheck === true).toBe([...checks].some((m) => c.comparison.startsWith(`${m} vs `)));
    expect(v.comparisons.some((c) => !c.validityCheck)).toBe(true);
  });
});
