import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { ClaimSummary } from '../../../../harness/analysis/summary.js';
import { readClaimReferences, readReference } from '../../../../harness/store/reference.js';
import { preregistrationOf } from '../../../../reports/data/preregistration-section.js';
import { ROOT } from '../../../helpers/cli.js';

describe("a run's pre-registration line", () => {
  // adan has two committed references: blas kernel set 2 (made before cards were recorded) and wasm kernel set 4.
  const wasm = readReference(join(ROOT, 'reference-results', 'adan', 'wasm-tfjs4.22.0-k4.json'));
  const summary = (numericsClass: string): ClaimSummary =>
    ({ claim: { id: 'adan' }, numericsClass, card: wasm.card!.run }) as unknown as ClaimSummary;

  it('a run in a class with no reference compares with a reference that recorded its card, not the older one', () => {
    const s = preregistrationOf(
      summary('blas-tfjs4.22.0-k3-openblas0.3.21-Haswell'),
      readClaimReferences(ROOT, 'adan'),
    );
    expect(s.kind).toBe('unchanged');
    expect(s.text).toMatch(/^card unchanged since its first run \([0-9a-f]{10}\)$/);
  });

  it("a run in the old reference's class still compares with that reference", () => {
    expect(
      preregistrationOf(summary('blas-tfjs4.22.0-k2-openblas0.3.21-Haswell'), readClaimReferences(ROOT, 'adan')).kind,
    ).toBe('not-recorded');
  });
});
