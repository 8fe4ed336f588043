import { describe, expect, it } from 'vitest';
import { Registry, suggest } from '../../../../harness/core/registry.js';
import { ReprobenchError } from '../../../../harness/errors.js';

describe('Registry', () => {
  const r = new Registry<{ id: string; n: number }>('claim').add({ id: 'adan', n: 1 }).add({ id: 'rex', n: 2 });

  it('returns a registered definition and lists ids sorted', () => {
    expect(r.get('rex').n).toBe(2);
    expect(r.ids()).toEqual(['adan', 'rex']);
  });

  it('fails on an unknown id with a coded error, the known ids and a suggestion', () => {
    let err: unknown;
    try {
      r.get('adam');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ReprobenchError);
    const e = err as ReprobenchError;
    expect(e.code).toBe('E_UNKNOWN_ID');
    expect(e.message).toContain('unknown claim "adam"');
    expect(e.hint).toContain('did you mean "adan"?');
    expect(e.hint).toContain('known claims: adan, rex');
  });

  it('refuses a duplicate id, naming where the second came from', () => {
    expect(() => r.add({ id: 'adan', n: 3 }, 'reprobench.config.ts')).toThrowError(
      /defined twice.*reprobench\.config\.ts/,
    );
  });

  it('suggests only plausible typos', () => {
    expect(suggest('nadamv', ['adamw', 'nadamw', 'adan'])).toBe('nadamw');
    expect(suggest('zzzzzzzz', ['adamw', 'nadamw'])).toBeUndefined();
  });
});
