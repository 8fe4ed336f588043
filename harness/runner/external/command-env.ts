/** The environment a command runs with: reprobench's, Python unbuffered, then the method's changes. */
export function commandEnv(
  changes: Record<string, string | null> | undefined,
  base: NodeJS.ProcessEnv = process.env,
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base };
  // Python block-buffers a piped stdout: without this a trainer that forgets to flush looks hung.
  env.PYTHONUNBUFFERED ??= '1';
  for (const [k, v] of Object.entries(changes ?? {})) {
    if (v === null) delete env[k];
    else env[k] = v;
  }
  return env;
}
