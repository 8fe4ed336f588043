import { describe, expect, it } from 'vitest';
import { referenceVerdict } from '../../../../harness/stats/verdict-reference.js';
import { welchTTest } from '../../../../harness/stats/welch.js';
import { tost } from '../../../../harness/stats/tost.js';
import { expectCode } from './fixtures.js';

const ref = [1000, 1040, 980, 1010, 1025, 995, 1005, 1015];

describe('referenceVerdict', () => {
  it('identical when flagged bit-equal', () => {
    const v = referenceVerdict({
      current: ref,
      reference: ref,
      identical: true,
      margin: 0.05,
      marginUnits: 'relative',
      lowerIsBetter: true,
    });
    expect(v.verdict).toBe('identical');
    expect(v.explanation).toMatch(/bit-equal/);
  });

  it('consistent when TOST shows equivalence; numbers match welchTTest/tost', () => {
    const cur = ref.map((x, i) => x + (i % 2 ? 4 : -3));
    const v = referenceVerdict({
      current: cur,
      reference: ref,
      margin: 0.03,
      marginUnits: 'relative',
      lowerIsBetter: true,
    });
    expect(v.verdict).toBe('consistent');
    expect(v.pValue).toBeCloseTo(welchTTest(cur, ref).pValue, 12);
    expect(v.equivalencePValue).toBeCloseTo(tost(cur, ref, { margin: 0.03, marginUnits: 'relative' }).pValue, 12);
    expect(v.margin).toBeCloseTo(0.03 * 1008.75, 9);
  });

  it('regressed / improved when significant and beyond the margin, by direction', () => {
    const slower = ref.map((x) => x * 1.2);
    expect(
      referenceVerdict({ current: slower, reference: ref, margin: 0.05, marginUnits: 'relative', lowerIsBetter: true })
        .verdict,
    ).toBe('regressed');
    expect(
      referenceVerdict({ current: slower, reference: ref, margin: 0.05, marginUnits: 'relative', lowerIsBetter: false })
        .verdict,
    ).toBe('improved');
    const paired = referenceVerdict({
      current: slower,
      reference: ref,
      margin: 10,
      marginUnits: 'absolute',
      lowerIsBetter: true,
      paired: true,
    });
    expect(paired.verdict).toBe('regressed');
  });

  it('significant but within the margin, or too noisy: inconclusive with seeds needed', () => {
    const noisy = [900, 1150, 950, 1100, 1000, 1080, 920, 1120];
    const v = referenceVerdict({
      current: noisy,
      reference: ref,
      margin: 0.02,
      marginUnits: 'relative',
      lowerIsBetter: true,
    });
    expect(v.verdict).toBe('inconclusive');
    expect(v.repeatsNeeded).toBeGreaterThan(8);
    expect(v.explanation).toMatch(/seeds per arm/);
  });

  it('rejects unusable input', () => {
    expectCode(
      () =>
        referenceVerdict({ current: [1], reference: ref, margin: 0.1, marginUnits: 'relative', lowerIsBetter: true }),
      'E_STATS_INPUT',
    );
    expectCode(
      () =>
        referenceVerdict({ current: ref, reference: ref, margin: -1, marginUnits: 'relative', lowerIsBetter: true }),
      'E_STATS_INPUT',
    );
    expectCode(
      () =>
        referenceVerdict({
          current: [1, NaN],
          reference: ref,
          margin: 1,
          marginUnits: 'absolute',
          lowerIsBetter: true,
        }),
      'E_STATS_INPUT',
    );
    expectCode(
      () =>
        referenceVerdict({
          current: [1, 2, 3],
          reference: ref,
          margin: 1,
          marginUnits: 'absolute',
          lowerIsBetter: true,
          paired: true,
        }),
      'E_STATS_INPUT',
    );
  });
});
