import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeCatalogue } from '../../../reports/render-catalogue.js';
import { tempDir } from '../../helpers/cli.js';

/** The parts of a run's summary.json that the catalogue reads. */
function summary(id: string, overall: string, title: string) {
  return {
    claim: {
      id,
      version: 1,
      title,
      paper: { title: 'A paper', authors: 'x', year: 2024, url: 'https://example.org', catalogue: 34 },
      testType: 'fixed-budget',
    },
    preset: 'standard',
    repeats: 20,
    numericsClass: 'wasm-tfjs4.22.0-k1',
    judgement: {
      overall,
      explanation: `${overall}: 1 ${overall} of 1 comparison(s)`,
      unjudged: [],
      scope: {
        scale: 'miniature',
        workloads: [],
        text: 'at miniature scale: w:budget-10, final validation/loss after 100 steps',
      },
      fidelity: { kind: 'stand-in', differs: 'a <related> schedule' },
      comparisons: [
        {
          methodId: 'rex',
          baselineId: 'linear-decay',
          workload: 'w:budget-10',
          verdict: overall,
          effectName: 'difference',
          estimate: -0.0123,
          ci: [-0.02, -0.004],
          test: { adjustedPValue: 0.003 },
          headline: 'claimed better (no size given) · measured −0.0123 [−0.02, −0.004] (lower is better)',
        },
      ],
    },
  };
}

describe('catalogue report', () => {
  it('lists one row per claim with verdict, effect, CI and a relative link to its report; names claims not run', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'rex'), { recursive: true });
    writeFileSync(join(dir, 'rex', 'summary.json'), JSON.stringify(summary('rex', 'reproduced', 'REX <beats> linear')));
    const out = writeCatalogue(dir, ['rex', 'grokking'], {
      wallSeconds: 1234.5,
      seconds: { rex: { wall: 131.2, train: 99.5 } },
    });
    expect(out.data.rows).toHaveLength(1);
    expect(out.data.rows[0]).toMatchObject({
      id: 'rex',
      verdict: 'reproduced',
      reportHref: 'rex/report.html',
      trainSeconds: 99.5,
      wallSeconds: 131.2,
      catalogue: 34,
      fidelity: 'stand-in',
      differs: 'a <related> schedule',
    });
    expect(out.data.missing).toEqual(['grokking']);
    const html = readFileSync(out.html, 'utf8');
    expect(html).toContain('href="rex/report.html"');
    expect(html).toContain('claimed better (no size given) · measured −0.0123 [−0.02, −0.004] (lower is better)');
    expect(html).toContain('at miniature scale: w:budget-10, final validation/loss after 100 steps');
    expect(html).toContain('a &lt;related&gt; schedule');
    expect(html).toContain('REX &lt;beats&gt; linear');
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)="https?:/);
    expect(html).toContain('Not run yet: grokking');
    // The claim's own wall time and its trials' training time, in one cell.
    expect(html).toContain('<td>131.20 (99.50)</td>');
    expect(JSON.parse(readFileSync(out.json, 'utf8')).wallSeconds).toBe(1234.5);
    // Re-rendered without timings: no made-up number.
    expect(writeCatalogue(dir, ['rex']).data.rows[0]).toMatchObject({ trainSeconds: null, wallSeconds: null });
    expect(readFileSync(out.html, 'utf8')).not.toContain('∞');
  });

  it('refuses a summary written before verdicts carried their scope, saying how to rewrite it', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'rex'), { recursive: true });
    const old = summary('rex', 'partially reproduced', 'REX');
    const { scope: _s, fidelity: _f, ...judgement } = old.judgement;
    writeFileSync(join(dir, 'rex', 'summary.json'), JSON.stringify({ ...old, judgement }));
    expect(() => writeCatalogue(dir, ['rex'])).toThrow(
      expect.objectContaining({ code: 'E_SCHEMA_VERSION', hint: expect.stringMatching(/reprobench run rex/) }),
    );
  });

  it('refuses an unreadable summary with a coded error', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'rex'), { recursive: true });
    writeFileSync(join(dir, 'rex', 'summary.json'), '{ not json');
    expect(() => writeCatalogue(dir, ['rex'])).toThrow(expect.objectContaining({ code: 'E_CORRUPT_RESULT' }));
  });
});
