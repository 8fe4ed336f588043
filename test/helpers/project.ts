import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { ROOT } from './cli.js';

/**
 * Copies a fixture project into a scratch folder inside the repository (ignored by git), so its
 * `import ... from 'reprobench'` resolves to this package, and removes it after the file's tests.
 */
export function scratchProject(fixture: string): string {
  const base = join(ROOT, '.reprobench-tmp');
  mkdirSync(base, { recursive: true });
  const dir = mkdtempSync(join(base, 'project-'));
  cpSync(join(ROOT, 'test', 'fixtures', fixture), dir, { recursive: true });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
