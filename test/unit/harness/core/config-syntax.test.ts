import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadUserConfig } from '../../../../harness/core/config.js';
import { isReprobenchError } from '../../../../harness/errors.js';
import { tempDir } from '../../../helpers/cli.js';

async function loadError(name: string, text: string): Promise<{ message: string; shown: string }> {
  const file = join(tempDir(), name);
  writeFileSync(file, text);
  try {
    await loadUserConfig(file);
  } catch (e) {
    expect(isReprobenchError(e) && e.code).toBe('E_BAD_CONFIG');
    return { message: (e as Error).message, shown: relative(process.cwd(), file) };
  }
  throw new Error('the config loaded');
}

describe('a config with a syntax error is reported with file, line and column', () => {
  it.each([
    // The reported case: Node said only "Unexpected token ','".
    [
      'reprobench.config.mjs',
      'export default {\n  claims: [],\n  methods: [1,, 2],\n  workloads: foo(,\n};\n',
      4,
      /Unexpected token ','/,
    ],
    ['reprobench.config.js', 'export default { claims: [] methods: [] };\n', 1, /Unexpected token, expected ","/],
    [
      'reprobench.config.ts',
      "import { defineConfig } from 'reprobench';\nconst x: number = ;\nexport default defineConfig({});\n",
      2,
      /Unexpected/,
    ],
  ])('%s', async (name, text, line, what) => {
    const { message, shown } = await loadError(name, text);
    expect(message).toMatch(
      new RegExp(`^${shown.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${line}:\\d+: syntax error: `),
    );
    expect(message).toMatch(what);
  });

  it('points at the column of the offending token', async () => {
    const { message } = await loadError('reprobench.config.mjs', 'export default {\n  claims: [],\n  x: 1 y: 2,\n};\n');
    // `  x: 1 y` — the `y` is the 8th character of line 3.
    expect(message).toMatch(/:3:8: syntax error: /);
  });

  it('keeps the old message for an error thrown while the config runs', async () => {
    const { message } = await loadError('reprobench.config.mjs', "throw new Error('boom');\n");
    expect(message).toMatch(/could not be loaded: boom$/);
  });
});
