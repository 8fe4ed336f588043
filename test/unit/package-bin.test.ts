import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

// `npx reprobench` in a fresh clone runs the bin file itself: it needs its shebang and the exec bit
// (tsc writes 0644; `npm run build` sets the bit). npm test builds first, so this checks that build.
describe('the reprobench bin', () => {
  it('is an executable node script after the build', () => {
    const { bin } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    const file = join(ROOT, bin.reprobench!);
    expect(statSync(file).mode & 0o111).toBe(0o111);
    expect(readFileSync(file, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });
});
