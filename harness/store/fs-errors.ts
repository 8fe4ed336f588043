import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { relative } from 'node:path';
import { ReprobenchError } from '../errors.js';

/** An error from a Node file-system call: it has an errno `code` and the `syscall` that failed. */
export function isFsError(e: unknown): e is NodeJS.ErrnoException & { code: string; syscall: string } {
  const err = e as NodeJS.ErrnoException;
  return e instanceof Error && typeof err.code === 'string' && typeof err.syscall === 'string';
}

const WHY: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  ENOTDIR: 'a part of the path is a file, not a directory',
  EISDIR: 'it is a directory',
  EEXIST: 'something else is already there',
  ENOENT: 'it does not exist',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many symbolic links',
  EMFILE: 'too many open files',
  EBUSY: 'it is busy',
};

const shown = (p: string) => relative(process.cwd(), p) || p;

/**
 * A coded error for a failed file-system call on a path the user chose.
 * @param what what the path is to the user, e.g. `--out runs/adan` or `the run directory runs/adan`
 */
export function fsError(e: NodeJS.ErrnoException, what: string, hint: string): ReprobenchError {
  const path = e.path ? ` (${e.syscall} ${shown(e.path)})` : '';
  return new ReprobenchError('E_FILESYSTEM', `${what}: ${WHY[e.code ?? ''] ?? e.code ?? 'failed'}${path}`, hint, {
    cause: e,
  });
}

/** Any file-system error that reached the top: coded, with the call and path it came from. */
export function uncaughtFsError(e: NodeJS.ErrnoException & { syscall: string }): ReprobenchError {
  const hint = 'check that the paths you gave exist, are directories where a directory is meant, and are writable';
  return fsError(e, `cannot ${e.syscall} ${e.path ? shown(e.path) : 'a file'}`, hint);
}

/**
 * Creates `dir` if needed and checks that it is a directory this process may write.
 * @throws ReprobenchError E_FILESYSTEM naming `what` and why
 */
export function writableDir(dir: string, what: string, hint: string): void {
  try {
    if (existsSync(dir) && !statSync(dir).isDirectory()) {
      throw new ReprobenchError('E_FILESYSTEM', `${what}: it is a file, not a directory`, hint);
    }
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK | constants.X_OK);
  } catch (e) {
    if (isFsError(e)) throw fsError(e, what, hint);
    throw e;
  }
}

/** The dataset cache must be a writable directory before any trial starts (else every trial fails the same way). */
export function usableCacheDir(dir: string): void {
  const hint =
    'point --cache-dir (or $REPROBENCH_CACHE) at a directory you can write, e.g. --cache-dir ~/.cache/reprobench';
  writableDir(dir, `--cache-dir ${shown(dir)} is not a writable directory`, hint);
}
