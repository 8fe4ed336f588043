import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { basename, isAbsolute, resolve } from 'node:path';

const cache = new Map<string, { command: string; version: string | null }>();

/**
 * The program that interprets a command, and its version for provenance: `argv[0] --version`
 * (first line), or, when `argv[0]` is a script of the project (it starts with `#!`), the
 * interpreter its `#!` line names: a script is never run with `--version` (it could do anything).
 * A program given by relative path that is not a script (a virtualenv's `bin/python`) is asked
 * for its version like one on the PATH. Cached per process.
 */
export function interpreterOf(
  argv: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
): { command: string; version: string | null } {
  const first = argv[0]!;
  const key = `${cwd}\0${first}`;
  const hit = cache.get(key);
  if (hit) return hit;
  let program: string[] = [first];
  const local =
    !isAbsolute(first) && (first.includes('/') || existsSync(resolve(cwd, first))) ? resolve(cwd, first) : null;
  if (local && existsSync(local) && statSync(local).isFile()) {
    const buf = Buffer.alloc(256);
    const fd = openSync(local, 'r');
    const n = readSync(fd, buf, 0, buf.length, 0);
    closeSync(fd);
    const head = buf.subarray(0, n).toString('latin1');
    if (head.startsWith('#!')) {
      const shebang = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(head.split('\n', 1)[0]!);
      program = shebang ? (basename(shebang[1]!) === 'env' && shebang[2] ? [shebang[2]] : [shebang[1]!]) : [];
    } else {
      program = [local];
    }
  }
  let version: string | null = null;
  if (program.length) {
    const r = spawnSync(program[0]!, ['--version'], {
      cwd,
      env,
      encoding: 'utf8',
      timeout: 5000,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    if (!r.error && r.status === 0) {
      version =
        `${r.stdout ?? ''}\n${r.stderr ?? ''}`
          .split('\n')
          .map((l) => l.trim())
          .find((l) => l.length > 0)
          ?.slice(0, 200) ?? null;
    }
  }
  const out = { command: program.length ? basename(program[0]!) : basename(first), version };
  cache.set(key, out);
  return out;
}
