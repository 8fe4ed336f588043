import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rexClaim } from '../../../benchmarks/claims/rex.js';
import type { PaperListing } from '../../../harness/core/paper.js';
import { cardHash, preregisteredFields } from '../../../harness/core/preregistration.js';
import { writeReference } from '../../../harness/store/reference.js';
import { writeCatalogue } from '../../../reports/render-catalogue.js';
import { tempDir } from '../../helpers/cli.js';

const CLASS = 'wasm-tfjs4.22.0-k1';

/** A run's summary.json as the catalogue reads it, with the card it judged. */
function summary(card: { hash: string; fields: Record<string, unknown> }) {
  return {
    claim: {
      id: 'rex',
      version: 1,
      title: 'REX beats linear',
      testType: 'fixed-budget',
      paper: { title: 'REX', authors: 'x', year: 2021, url: 'https://example.org', catalogue: 34 },
    },
    card,
    preset: 'standard',
    repeats: 20,
    numericsClass: CLASS,
    judgement: {
      overall: 'reproduced',
      explanation: 'reproduced',
      unjudged: [],
      scope: {
        scale: 'miniature',
        workloads: [],
        text: 'at miniature scale: w, final validation/loss after 100 steps',
      },
      fidelity: { kind: 'faithful' },
      comparisons: [
        {
          methodId: 'rex',
          baselineId: 'linear-decay',
          workload: 'w',
          verdict: 'reproduced',
          effectName: 'difference',
          estimate: -0.01,
          ci: [-0.02, -0.004],
          test: { adjustedPValue: 0.003 },
          headline: 'claimed better · measured −0.01',
        },
      ],
    },
  };
}

/** A reference of rex in `cwd` whose first run recorded `fields` at commit c0ffee…. */
function reference(cwd: string, fields: Record<string, unknown>): void {
  const first = {
    hash: cardHash(fields),
    commit: 'c0ffee1234567890c0ffee1234567890c0ffee12',
    fields,
    recordedAt: '2026-12-01T00:00:00Z',
  };
  writeReference(join(cwd, 'reference-results', 'rex', `${CLASS}.json`), {
    schemaVersion: 1,
    claim: { id: 'rex', version: 1 },
    numericsClass: CLASS,
    backend: 'wasm',
    preset: 'standard',
    repeats: 20,
    tuning: null,
    trials: [],
    provenance: {
      reprobenchVersion: '0',
      gitCommit: null,
      gitDirty: null,
      tfjsVersion: '4',
      backend: 'wasm',
      backendReasons: [],
      numericsClass: CLASS,
      node: '20',
      os: 'linux',
      cpu: { model: 'x', cores: 2 },
      gpu: null,
    },
    command: 'reprobench reference update rex',
    createdAt: '2026-12-01T00:00:00Z',
    card: { file: 'benchmarks/claims/rex.ts', run: first, firstRun: first },
  });
}

const papers: PaperListing[] = [
  { paper: 34, title: 'REX', year: 2021, quote: 'q', status: 'claim', claims: ['rex'], reason: 'REX vs linear decay' },
  { paper: 38, title: 'Grokking <lazy>', quote: 'q', status: 'claim', claims: ['grokking'], reason: 'a stand-in' },
  {
    paper: 14,
    title: 'Relation DETR',
    year: 2024,
    quote: 'q',
    status: 'out-of-scale',
    claims: [],
    reason: 'needs COCO-scale detection',
  },
];

function catalogue(fieldsNow: Record<string, unknown>) {
  const runs = tempDir();
  const cwd = tempDir();
  mkdirSync(join(runs, 'rex'), { recursive: true });
  writeFileSync(
    join(runs, 'rex', 'summary.json'),
    JSON.stringify(summary({ hash: cardHash(fieldsNow), fields: fieldsNow })),
  );
  reference(cwd, preregisteredFields(rexClaim));
  return writeCatalogue(runs, ['rex', 'grokking'], { papers, cwd });
}

describe('catalogue: seed papers and pre-registration', () => {
  it('lists every paper with its status and its claims linked to their reports (a claim not run is not linked)', () => {
    const out = catalogue(preregisteredFields(rexClaim));
    expect(out.data.papers).toEqual([
      {
        paper: 34,
        title: 'REX',
        year: 2021,
        status: 'claim',
        reason: 'REX vs linear decay',
        claims: [{ id: 'rex', href: 'rex/report.html' }],
      },
      {
        paper: 38,
        title: 'Grokking <lazy>',
        year: null,
        status: 'claim',
        reason: 'a stand-in',
        claims: [{ id: 'grokking', href: null }],
      },
      {
        paper: 14,
        title: 'Relation DETR',
        year: 2024,
        status: 'out-of-scale',
        reason: 'needs COCO-scale detection',
        claims: [],
      },
    ]);
    const html = readFileSync(out.html, 'utf8');
    expect(html).toMatch(/<tr data-paper="34">[\s\S]*?<a href="rex\/report.html">rex<\/a>[\s\S]*?<\/tr>/);
    expect(html).toMatch(/<tr data-paper="38">[\s\S]*?Grokking &lt;lazy&gt;[\s\S]*?grokking \(not run\)[\s\S]*?<\/tr>/);
    expect(html).toMatch(/<tr data-paper="14">[\s\S]*?out-of-scale[\s\S]*?needs COCO-scale detection[\s\S]*?<\/tr>/);
    const md = readFileSync(join(out.html, '..', 'catalogue.md'), 'utf8');
    expect(md).toContain('## Seed papers (3: 2 claim, 1 out-of-scale)');
    expect(md).toContain('| 34 | REX (2021) | claim | [`rex`](rex/report.html): REX vs linear decay |');
    expect(md).toContain('| 38 | Grokking &lt;lazy> | claim | `grokking` (not run): a stand-in |');
  });

  it('says in each row whether the card is unchanged since its first run, or which fields changed', () => {
    const same = catalogue(preregisteredFields(rexClaim));
    expect(same.data.rows[0]!.preregistration).toEqual({
      kind: 'unchanged',
      short: 'card unchanged since its first run (c0ffee1234)',
    });
    expect(readFileSync(same.html, 'utf8')).toContain(
      'data-k="preregistration">card unchanged since its first run (c0ffee1234)</div>',
    );
    const changed = catalogue(preregisteredFields({ ...rexClaim, margin: { value: 0.5, units: 'absolute' } }));
    const short = 'card changed since its first run (c0ffee1234): margin.units, margin.value';
    expect(changed.data.rows[0]!.preregistration).toEqual({ kind: 'changed', short });
    expect(readFileSync(join(changed.html, '..', 'catalogue.md'), 'utf8')).toContain(`| ${short} |`);
  });
});
