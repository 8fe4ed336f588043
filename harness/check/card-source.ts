import { execFileSync } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { ReprobenchError } from '../errors.js';
import { PACKAGE_ROOT } from '../package-root.js';

/** Where a card lives and whether git keeps it. */
export interface CardSource {
  /** Shown and stored: relative to its git checkout when versioned, else to the package or project. */
  file: string | null;
  /** The file is in a git work tree and not ignored there. */
  versioned: boolean;
  /** Its last commit (null when never committed or not versioned). */
  commit: string | null;
  /** Changes not committed: modified, staged, or not yet added. */
  dirty: boolean;
}

function git(cwd: string, args: string[]): string | null {
  try {
    return execFileSync('git', ['-C', cwd, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

/**
 * The file that defines a claim: `benchmarks/claims/<id>.ts` for a shipped card (absent from an
 * npm install), the config file for a user's card.
 */
export function cardPath(claimId: string, origin: string | undefined, cwd: string): string | null {
  const shipped = origin === 'built-in' || origin === undefined;
  const path = shipped ? join(PACKAGE_ROOT, 'benchmarks', 'claims', `${claimId}.ts`) : resolve(cwd, origin);
  return existsSync(path) ? path : null;
}

/** The card file's git state; a file outside any checkout, or ignored in one, is not versioned. */
export function cardSource(path: string | null, shownFrom: string): CardSource {
  if (!path) return { file: null, versioned: false, commit: null, dirty: false };
  const real = realpathSync(path);
  const top = git(dirname(real), ['rev-parse', '--show-toplevel']);
  const unversioned = {
    file: relative(shownFrom, path).split('\\').join('/'),
    versioned: false,
    commit: null,
    dirty: false,
  };
  if (!top) return unversioned;
  const file = relative(realpathSync(top), real).split('\\').join('/');
  if (git(top, ['check-ignore', '-q', '--', file]) !== null) return { ...unversioned, file };
  const status = git(top, ['status', '--porcelain', '--untracked-files=all', '--', file]);
  const commit = git(top, ['log', '-1', '--format=%H', '--', file]) || null;
  return { file, versioned: true, commit, dirty: status === null || status.length > 0 };
}

/**
 * Pre-registration: a versioned card is committed before a reference run, so the reference can
 * name the commit that fixed its margin, effect, seeds and budget.
 * @throws ReprobenchError E_CARD_UNCOMMITTED
 */
export function assertCardCommitted(claimId: string, s: CardSource): void {
  if (!s.versioned || !s.dirty) return;
  throw new ReprobenchError(
    'E_CARD_UNCOMMITTED',
    `the card of claim "${claimId}" (${s.file}) has uncommitted changes${s.commit ? '' : ' (it was never committed)'}`,
    `commit it first (git add ${s.file} && git commit): a card is committed before the run that becomes its reference ` +
      `(docs/claims.md § Pre-registration); \`reprobench run ${claimId} --preset quick\` needs no commit`,
  );
}
