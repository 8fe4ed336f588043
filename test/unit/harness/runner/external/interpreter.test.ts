import { chmodSync, existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { interpreterOf } from '../../../../../harness/runner/external/interpreter.js';
import { tempDir } from '../../../../helpers/cli.js';

describe('interpreter provenance of a command', () => {
  it('asks a program on the PATH for its version', () => {
    expect(interpreterOf(['node', 'train.mjs'], tempDir(), process.env)).toEqual({
      command: 'node',
      version: process.version,
    });
  });

  it('reads the #! line of a project script and never runs the script itself', () => {
    const dir = tempDir();
    const marker = join(dir, 'ran');
    writeFileSync(
      join(dir, 'train.sh'),
      `#!/usr/bin/env node\nrequire('fs').writeFileSync(${JSON.stringify(marker)}, 'yes');\n`,
    );
    chmodSync(join(dir, 'train.sh'), 0o755);
    expect(interpreterOf(['./train.sh', '--epochs', '3'], dir, process.env)).toEqual({
      command: 'node',
      version: process.version,
    });
    expect(existsSync(marker)).toBe(false);
  });

  it("asks a program given by relative path (a virtualenv's interpreter) for its version", () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'venv', 'bin'), { recursive: true });
    symlinkSync(process.execPath, join(dir, 'venv', 'bin', 'node'));
    expect(interpreterOf(['venv/bin/node', 'train.mjs'], dir, process.env)).toEqual({
      command: 'node',
      version: process.version,
    });
  });

  it('records no version for a program that has none', () => {
    expect(interpreterOf(['reprobench-no-such-program-7f3a'], tempDir(), process.env)).toEqual({
      command: 'reprobench-no-such-program-7f3a',
      version: null,
    });
  });
});
