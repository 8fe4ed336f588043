import { describe, expect, it } from 'vitest';
import { adanClaim } from '../../../../benchmarks/claims/adan.js';
import {
  cardChanges,
  cardHash,
  preregisteredFields,
  preregistrationStatus,
  type ReferenceCard,
} from '../../../../harness/core/preregistration.js';

const record = (c = adanClaim, commit: string | null = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678') => {
  const fields = preregisteredFields(c);
  return { hash: cardHash(fields), commit, fields, recordedAt: '2026-12-04T00:00:00.000Z' };
};
const card = (first = record()): ReferenceCard => ({ file: 'benchmarks/claims/adan.ts', run: first, firstRun: first });
const now = (c = adanClaim) => ({ hash: cardHash(preregisteredFields(c)), fields: preregisteredFields(c) });

describe('pre-registered fields', () => {
  it('are the margin, effect, fidelity, repeats, tuning, test type, workloads and arms; not the wording or the tuning record', () => {
    expect(Object.keys(preregisteredFields(adanClaim)).sort()).toEqual([
      'baselines',
      'claimedEffect',
      'fidelity',
      'margin',
      'methods',
      'repeats',
      'testType',
      'tuning',
      'workloads',
    ]);
    const reworded = { ...adanClaim, title: 'other', quote: 'other', miniature: 'other', tuningRecord: undefined };
    expect(cardHash(preregisteredFields(reworded))).toBe(cardHash(preregisteredFields(adanClaim)));
    const narrower = { ...adanClaim, margin: { value: 0.05, units: 'relative' as const } };
    expect(cardHash(preregisteredFields(narrower))).not.toBe(cardHash(preregisteredFields(adanClaim)));
  });

  it('hash by canonical JSON: key order does not matter', () => {
    const reordered = Object.fromEntries(Object.entries(preregisteredFields(adanClaim)).reverse());
    expect(cardHash(reordered)).toBe(cardHash(preregisteredFields(adanClaim)));
    expect(cardHash(preregisteredFields(adanClaim))).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('cardChanges', () => {
  it('lists changes field by field: nested objects by path, arrays whole, added and removed fields', () => {
    const repeats = { quick: 5, standard: 20 };
    const before = { margin: { value: 0.1, units: 'relative' }, workloads: ['a', 'b'], repeats, outcome: 'final' };
    const after = { margin: { value: 0.05, units: 'relative' }, workloads: ['a'], repeats, phenomenon: { x: 1 } };
    expect(cardChanges(before, after)).toEqual([
      { field: 'margin.value', before: 0.1, after: 0.05 },
      { field: 'outcome', before: 'final', after: null },
      { field: 'phenomenon', before: null, after: { x: 1 } },
      { field: 'workloads', before: ['a', 'b'], after: ['a'] },
    ]);
  });
});

describe('preregistrationStatus', () => {
  it('unchanged since the first run, with its commit', () => {
    const text = 'card unchanged since its first run (a1b2c3d4e5)';
    expect(preregistrationStatus(now(), card())).toMatchObject({ kind: 'unchanged', changes: [], text });
  });

  it('changed: what changed, field by field, against the first run (not the latest refresh)', () => {
    const edited = {
      ...adanClaim,
      margin: { value: 0.05, units: 'relative' as const },
      repeats: { quick: 5, standard: 30 },
    };
    const refreshed: ReferenceCard = { ...card(), run: record(edited, 'ffff') };
    const s = preregistrationStatus(now(edited), refreshed);
    expect(s).toMatchObject({
      kind: 'changed',
      text: 'card changed since its first run (a1b2c3d4e5): margin.value: 0.1 → 0.05; repeats.standard: 20 → 30',
      short: 'card changed since its first run (a1b2c3d4e5): margin.value, repeats.standard',
      head: 'card changed since its first run (a1b2c3d4e5)',
    });
  });

  it('a card outside version control is named by its hash', () => {
    const first = record(adanClaim, null);
    const text = `card unchanged since its first run (not under version control, hash ${first.hash.slice(0, 10)})`;
    expect(preregistrationStatus(now(), card(first)).text).toBe(text);
  });

  it('says when the reference predates pre-registration, when there is no reference, and when the summary predates it', () => {
    const text = 'card not recorded: the reference predates pre-registration';
    expect(preregistrationStatus(now(), undefined)).toEqual({ kind: 'not-recorded', text, short: text });
    expect(preregistrationStatus(now(), null)).toMatchObject({ kind: 'no-reference', short: 'no reference yet' });
    expect(preregistrationStatus(null, card())).toMatchObject({ kind: 'unknown', short: 'card not compared' });
  });
});
