import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { CommandMethodDefinition } from '../../core/method.js';
import { canonicalJson, type CommandIdentity } from '../../core/trial.js';
import { ReprobenchError } from '../../errors.js';
import { PROTOCOL_VERSION } from './protocol.js';

/** Where a command method runs: its `cwd`, resolved against the working directory. */
export function commandCwd(m: CommandMethodDefinition, cwd: string = process.cwd()): string {
  return resolve(cwd, m.cwd ?? '.');
}

const posix = (p: string): string => p.split(sep).join('/');

function sha256(buf: Buffer): string {
  return createHash('sha256').update(buf).digest('hex');
}

/** Files of a directory, recursively, in a stable order; dot-entries and Python caches are skipped. */
function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => !e.name.startsWith('.') && e.name !== '__pycache__' && e.name !== 'node_modules')
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.isFile() ? [join(dir, e.name)] : []));
}

/**
 * The files a command depends on: each relative argument that names an existing file in the
 * command's directory, plus the method's declared `files` (files or directories). Absolute
 * arguments (`/usr/bin/python3`) are programs of the machine, not of the project: not hashed.
 * @throws ReprobenchError E_BAD_CONFIG when a declared file is missing or lies outside the command's directory
 */
export function commandFiles(m: CommandMethodDefinition, cwd: string = process.cwd()): Record<string, string> {
  const base = commandCwd(m, cwd);
  const out: Record<string, string> = {};
  const add = (abs: string) => {
    out[posix(relative(base, abs))] = sha256(readFileSync(abs));
  };
  for (const a of m.command) {
    if (isAbsolute(a) || a.startsWith('-')) continue;
    const p = resolve(base, a);
    if (existsSync(p) && statSync(p).isFile()) add(p);
  }
  for (const f of m.files ?? []) {
    const p = resolve(base, f);
    const rel = relative(base, p);
    if (isAbsolute(f) || rel.startsWith('..')) {
      throw new ReprobenchError(
        'E_BAD_CONFIG',
        `method "${m.id}": file "${f}" lies outside the command's directory`,
        "list files relative to the method's cwd, inside it",
      );
    }
    if (!existsSync(p)) {
      throw new ReprobenchError(
        'E_BAD_CONFIG',
        `method "${m.id}": file "${f}" does not exist (looked in ${relative(cwd, base) || '.'})`,
        "fix the path in `files`, or set the method's `cwd`",
      );
    }
    for (const file of statSync(p).isDirectory() ? walk(p) : [p]) add(file);
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The command's part of the trial configuration (and so of the trial id). */
export function commandIdentity(m: CommandMethodDefinition, cwd: string = process.cwd()): CommandIdentity {
  if (m.command.length === 0)
    throw new ReprobenchError(
      'E_BAD_CONFIG',
      `method "${m.id}": empty command`,
      'give the program and its arguments, e.g. ["python3", "train.py"]',
    );
  return { protocol: PROTOCOL_VERSION, argv: [...m.command], env: { ...m.env }, files: commandFiles(m, cwd) };
}

/** One hash over every hashed file: what provenance calls the script's content hash. */
export function scriptHash(files: Record<string, string>): string {
  return createHash('sha256').update(canonicalJson(files)).digest('hex');
}
