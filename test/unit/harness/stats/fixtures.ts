import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { ReprobenchError, type ErrorCode } from '../../../../harness/errors.js';

const DIR = fileURLToPath(new URL('../../../fixtures/stats/', import.meta.url));

/** Loads test/fixtures/stats/<name>.json (written by scripts/fixtures/stats_fixtures.py), reviving ±Infinity. */
export function loadFixture<T>(name: string): T[] {
  const doc = JSON.parse(readFileSync(`${DIR}${name}.json`, 'utf8'), (_k, v: unknown) =>
    v === 'Infinity' ? Infinity : v === '-Infinity' ? -Infinity : v,
  ) as { cases: T[] };
  return doc.cases;
}

/** |actual − expected| <= rel·|expected| (with a 1e-12 floor so that zeros compare sensibly). */
export function expectClose(actual: number, expected: number, rel = 1e-6, label = ''): void {
  if (!Number.isFinite(expected)) {
    expect(actual, label).toBe(expected);
    return;
  }
  const tol = Math.max(rel * Math.abs(expected), 1e-12);
  if (!(Math.abs(actual - expected) <= tol)) {
    expect.fail(`${label}: ${actual} differs from ${expected} by more than ${tol}`);
  }
  expect(Number.isNaN(actual)).toBe(false);
}

/** Asserts that `fn` throws a ReprobenchError with `code` and a non-empty hint. */
export function expectCode(fn: () => unknown, code: ErrorCode): void {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ReprobenchError);
    expect((e as ReprobenchError).code).toBe(code);
    expect((e as ReprobenchError).hint.length).toBeGreaterThan(0);
    return;
  }
  expect.fail(`expected a ReprobenchError ${code}, nothing was thrown`);
}
