import { DEPENDENCIES, FIX_COMMAND, PROBES, realSystem, type DependencyId } from '../../scripts/ci/system-deps.mjs';

export type { DependencyId };

/**
 * What a test throws when the machine lacks something it needs: it fails (it is never skipped)
 * and names the one command that sets everything up. The probes are test:all's own.
 */
export function missingDependency(id: DependencyId, detail: string): Error {
  const dep = DEPENDENCIES.find((d) => d.id === id)!;
  return new Error(
    `missing system dependency: ${dep.what}: ${detail}. ` +
      `Fix: \`${FIX_COMMAND}\` installs what the tests need (as root) and runs them all ` +
      `(\`${FIX_COMMAND} -- --check\` lists what it would do).`,
  );
}

const seen = new Map<DependencyId, string | null>();

/** Throws missingDependency for the first of these that is not there (each probed once per process). */
export function requireSystem(...ids: DependencyId[]): void {
  for (const id of ids) {
    if (!seen.has(id)) seen.set(id, PROBES[id](realSystem));
    const problem = seen.get(id);
    if (problem) throw missingDependency(id, problem);
  }
}
