import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The committed subset of the AlgoPerf logs (scripts/fixtures/algoperf_subset.sh; licence and NOTICE beside it). */
export const SUBSET = join(import.meta.dirname, '..', '..', '..', 'fixtures', 'algoperf', 'logs-subset');
export const SUBSET_ROOT = join(SUBSET, 'algoperf');
export const V05_LOGS = join(SUBSET_ROOT, 'previous_leaderboards', 'algoperf_v05', 'logs');

export function tmp(prefix = 'reprobench-algoperf-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A writable copy of the subset (for tests that add irregular entries). */
export function subsetCopy(): string {
  const dir = tmp();
  mkdirSync(dir, { recursive: true });
  cpSync(SUBSET_ROOT, join(dir, 'algoperf'), { recursive: true });
  return join(dir, 'algoperf');
}
