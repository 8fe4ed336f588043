import { mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { brokenLinks, headingAnchors } from '../helpers/markdown-links.js';

/** Every markdown file under docs/ (the generated catalogue included), as a path from the root. */
function docs(dir = 'docs'): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? docs(join(dir, e.name)) : e.name.endsWith('.md') ? [join(dir, e.name)] : [],
  );
}

describe('README and docs/', () => {
  it('README.md is at most 12 KB: a front door, with the detail in docs/', () => {
    expect(statSync(join(ROOT, 'README.md')).size).toBeLessThanOrEqual(12 * 1024);
  });

  it('every relative link in README.md and docs/ names a file that exists, and a heading there when it has an anchor', () => {
    const files = ['README.md', ...docs()];
    expect(files).toContain('docs/usage.md');
    expect(files.flatMap((f) => brokenLinks(ROOT, f))).toEqual([]);
  });
});

describe('the link check', () => {
  it('reports a missing file, a missing heading and a link out of the repository, and ignores code and URLs', () => {
    const root = mkdtempSync(join(tmpdir(), 'links-'));
    mkdirSync(join(root, 'docs'));
    writeFileSync(join(root, 'docs', 'a.md'), '# A page\n\n## How `--backend auto` chooses\n\n## Notes\n\n## Notes\n');
    writeFileSync(
      join(root, 'README.md'),
      [
        '[ok](docs/a.md) [ok](docs/a.md#how---backend-auto-chooses) [ok](docs/a.md#notes-1) [ok](#top)',
        '[gone](docs/b.md) [no heading](docs/a.md#notes-2) [out](../elsewhere.md) [web](https://example.com/x.md)',
        '`[in code](nowhere.md)`',
        '```md',
        '[in a block](nowhere.md)',
        '```',
        '# Top',
      ].join('\n'),
    );
    expect(brokenLinks(root, 'README.md')).toEqual([
      'README.md:2: docs/b.md (no such file)',
      'README.md:2: docs/a.md#notes-2 (no heading with this anchor)',
      'README.md:2: ../elsewhere.md (outside the repository)',
    ]);
  });

  it('makes anchors the way GitHub does: punctuation dropped, spaces to hyphens, repeats numbered', () => {
    const headings = [
      '# Why the shipped wasm GEMM ran at ~2 GFLOP/s, and what changed',
      "## The catalogue's last results",
    ];
    const anchors = headingAnchors([...headings, '## Results', '## Results'].join('\n'));
    expect([...anchors]).toEqual([
      'why-the-shipped-wasm-gemm-ran-at-2-gflops-and-what-changed',
      'the-catalogues-last-results',
      'results',
      'results-1',
    ]);
  });
});
