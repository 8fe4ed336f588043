import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { benchmarkClaims } from '../../../../benchmarks/claims/index.js';
import { assertCardCommitted, cardPath, cardSource } from '../../../../harness/check/card-source.js';
import { PACKAGE_ROOT } from '../../../../harness/package-root.js';
import { tempDir } from '../../../helpers/cli.js';

const GIT_IDENTITY = ['-c', 'user.name=t', '-c', 'user.email=t@t', '-c', 'commit.gpgsign=false'];
const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', [...GIT_IDENTITY, '-C', cwd, ...args], { encoding: 'utf8' }).trim();
const unversioned = (file: string) => ({ file, versioned: false, commit: null, dirty: false });

function repo(): string {
  const dir = tempDir();
  git(dir, 'init', '-q');
  mkdirSync(join(dir, 'cards'));
  writeFileSync(join(dir, 'cards', 'mine.config.ts'), 'export default { margin: 0.1 };\n');
  return dir;
}

describe('cardSource', () => {
  it('a file outside any git checkout is not versioned, shown relative to the project', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'reprobench.config.mjs'), 'x');
    expect(cardSource(join(dir, 'reprobench.config.mjs'), dir)).toEqual(unversioned('reprobench.config.mjs'));
    expect(() => assertCardCommitted('mine', cardSource(join(dir, 'reprobench.config.mjs'), dir))).not.toThrow();
  });

  it('a card never committed, then committed, then edited, then staged', () => {
    const dir = repo();
    const path = join(dir, 'cards', 'mine.config.ts');
    expect(cardSource(path, dir)).toEqual({ file: 'cards/mine.config.ts', versioned: true, commit: null, dirty: true });
    expect(() => assertCardCommitted('mine', cardSource(path, dir))).toThrow(
      expect.objectContaining({
        code: 'E_CARD_UNCOMMITTED',
        message: expect.stringMatching(/cards\/mine\.config\.ts\) has uncommitted changes \(it was never committed\)/),
        hint: expect.stringMatching(/^commit it first \(git add cards\/mine\.config\.ts && git commit\)/),
      }),
    );
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'card');
    const head = git(dir, 'rev-parse', 'HEAD');
    expect(cardSource(path, dir)).toEqual({
      file: 'cards/mine.config.ts',
      versioned: true,
      commit: head,
      dirty: false,
    });
    expect(() => assertCardCommitted('mine', cardSource(path, dir))).not.toThrow();
    // A later commit that does not touch the card leaves its commit as it was.
    writeFileSync(join(dir, 'other.txt'), 'o');
    git(dir, 'add', 'other.txt');
    git(dir, 'commit', '-q', '-m', 'other');
    expect(cardSource(path, dir).commit).toBe(head);
    writeFileSync(path, 'export default { margin: 0.05 };\n');
    expect(cardSource(path, dir)).toMatchObject({ commit: head, dirty: true });
    git(dir, 'add', '.');
    expect(cardSource(path, dir)).toMatchObject({ commit: head, dirty: true });
    const edited = expect.objectContaining({
      code: 'E_CARD_UNCOMMITTED',
      message: expect.not.stringMatching(/never committed/),
    });
    expect(() => assertCardCommitted('mine', cardSource(path, dir))).toThrow(edited);
  });

  it('a card git ignores cannot be committed, so it is not versioned', () => {
    const dir = repo();
    writeFileSync(join(dir, '.gitignore'), 'cards/\n');
    expect(cardSource(join(dir, 'cards', 'mine.config.ts'), dir)).toEqual(unversioned('cards/mine.config.ts'));
  });
});

describe('cardPath', () => {
  it('a shipped card is benchmarks/claims/<id>.ts, a user card its config file', () => {
    expect(cardPath('adan', 'built-in', '/nowhere')).toBe(join(PACKAGE_ROOT, 'benchmarks', 'claims', 'adan.ts'));
    expect(cardPath('no-such-card', 'built-in', '/nowhere')).toBeNull();
    const dir = tempDir();
    writeFileSync(join(dir, 'reprobench.config.mjs'), 'x');
    expect(cardPath('mine', 'reprobench.config.mjs', dir)).toBe(join(dir, 'reprobench.config.mjs'));
  });

  it.each(benchmarkClaims.map((c) => c.id))('the shipped card %s lives in benchmarks/claims/<its id>.ts', (id) => {
    const path = cardPath(id, 'built-in', PACKAGE_ROOT);
    expect(path, `benchmarks/claims/${id}.ts`).not.toBeNull();
    expect(readFileSync(path!, 'utf8')).toContain(`id: '${id}'`);
  });
});
