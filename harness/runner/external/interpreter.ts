import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, isAbsolute, resolve } from 'node:path';

const cache = new Map<string, { command: string; version: string | null }>();

/**
 * The program that interprets a command, and its version for provenance: `argv[0] --version`
 * (first line), or, when `argv[0]` is a script of the project, the interpreter of its `#!` line.
 * A project script is never run with `--version` (it could do anything). Cached per process.
 */
export function interpreterOf(argv: readonly string[], cwd: string, env: NodeJS.ProcessEnv): { command: string; version: string | null } {
  const first = argv[0]!;
  const key = `${cwd}\0${first}`;
  const hit = cache.get(key);
  if (hit) return hit;
  let program: string[] = [first];
  const local = !isAbsolute(first) && (first.includes('/') || existsSync(resolve(cwd, first))) ? resolve(cwd, first) : null;
  if (local && existsSync(local) && statSync(local).isFile()) {
    const shebang = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(readFileSync(local, 'utf8').split('\n', 1)[0] ?? '');
    program = shebang ? (basename(shebang[1]!) === 'env' && shebang[2] ? [shebang[2]] : [shebang[1]!]) : [];
  }
  let version: string | null = null;
  if (program.length) {
    const r = spawnSync(program[0]!, ['--version'], { cwd, env, encoding: 'utf8', timeout: 5000, stdio: ['ignore', 'pipe', 'pipe'] });
    if (!r.error && r.status === 0) {
      version = `${r.stdout ?? ''}\n${r.stderr ?? ''}`.split('\n').map((l) => l.trim()).find((l) => l.length > 0)?.slice(0, 200) ?? null;
    }
  }
  const out = { command: program.length ? basename(program[0]!) : basename(first), version };
  cache.set(key, out);
  return out;
}
