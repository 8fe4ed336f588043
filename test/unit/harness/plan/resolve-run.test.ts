import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defineClaim } from '../../../../harness/core/claim.js';
import { MAX_PLANNED_TRIALS, MAX_SEEDS } from '../../../../harness/core/limits.js';
import { isReprobenchError } from '../../../../harness/errors.js';
import { resolveRun } from '../../../../harness/plan/resolve-run.js';
import { writeReference } from '../../../../harness/store/reference.js';
import { listTsFiles } from '../../../helpers/import-graph.js';
import { tempDir } from '../../../helpers/cli.js';

const card = {
  id: 'res',
  version: 1,
  title: 't',
  paper: { title: 'p', authors: 'a', year: 2026, url: 'https://x.org' },
  quote: 'q',
  claimedEffect: { description: 'd', direction: 'method-better' as const },
  fidelity: { kind: 'faithful' as const },
  testType: 'time-to-target' as const,
  methods: [{ method: 'adan' }],
  baselines: [{ method: 'adamw' }],
  workloads: ['w', 'w:deep'],
  quickWorkloads: ['w'],
  margin: { value: 0.1, units: 'relative' as const },
  repeats: { quick: 3, standard: 7 },
  miniature: 'm',
};
const untuned = defineClaim(card);
const tuned = defineClaim({ ...card, tuning: { kind: 'search', ruleset: 'external', studies: 1, trialsPerStudy: 2 } });
const sweep = {
  kind: 'search' as const,
  description: 'd',
  rows: [],
  choices: [{ workload: 'w', method: 'adan', point: { learningRate: 0.01 }, medianSteps: 9 }],
};

function codeOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (isReprobenchError(e)) return e.code;
    throw e;
  }
  return 'no error';
}

/** A committed standard reference of `tuned` whose choice covers both arms on the quick workload. */
function standardReference(cwd: string): string {
  const file = join(cwd, 'reference-results', 'res', 'wasm-x.json');
  const choices = ['adan', 'adamw'].map((method) => ({
    workload: 'w',
    method,
    point: { learningRate: 0.02 },
    medianSteps: 5,
  }));
  writeReference(file, {
    schemaVersion: 1,
    claim: { id: 'res', version: 1 },
    numericsClass: 'wasm-x',
    backend: 'wasm',
    preset: 'standard',
    repeats: 7,
    tuning: { kind: 'search', description: 'd', choices, rows: [] },
    trials: [],
    provenance: {
      reprobenchVersion: '0.1.0',
      gitCommit: null,
      gitDirty: null,
      tfjsVersion: '4.22.0',
      backend: 'wasm',
      backendReasons: [],
      numericsClass: 'wasm-x',
      node: 'v20',
      os: 'Linux',
      cpu: { model: 'x', cores: 2 },
      gpu: null,
    },
    command: 'reprobench reference update res',
    createdAt: '2026-12-04T12:00:00.000Z',
  });
  return file;
}

describe('resolveRun', () => {
  it("takes the preset's repeats and workloads, or --seeds", () => {
    expect(resolveRun(untuned, 'quick')).toEqual({
      preset: 'quick',
      repeats: 3,
      maxRepeats: 3,
      workloads: ['w'],
      tuning: null,
    });
    expect(resolveRun(untuned, 'standard')).toMatchObject({ repeats: 7, maxRepeats: 7, workloads: ['w', 'w:deep'] });
    expect(resolveRun(untuned, 'quick', 5)).toMatchObject({ repeats: 5, maxRepeats: 5 });
    expect(resolveRun(untuned, 'quick', { seeds: 5 })).toEqual(resolveRun(untuned, 'quick', 5));
  });

  it('caps adaptive seeding at --seeds, else at the standard repeats, and starts it at the preset', () => {
    expect(resolveRun(untuned, 'quick', { adaptive: true })).toMatchObject({ repeats: 3, maxRepeats: 7 });
    expect(resolveRun(untuned, 'quick', { adaptive: true, seeds: 12 })).toMatchObject({ repeats: 12, maxRepeats: 12 });
  });

  it("gives check at most the reference's seeds and its tuned points, whatever the card tunes", () => {
    expect(resolveRun(tuned, 'standard', { reference: { repeats: 4, tuning: sweep } })).toMatchObject({
      repeats: 4,
      tuning: { kind: 'reference', result: sweep },
    });
    expect(resolveRun(untuned, 'quick', { reference: { repeats: 10, tuning: null } })).toMatchObject({
      repeats: 3,
      tuning: { kind: 'reference', result: null },
    });
  });

  it("runs the card's tuning, except where the quick preset reuses a committed standard reference's", () => {
    const cwd = tempDir();
    expect(resolveRun(tuned, 'quick', { cwd }).tuning).toEqual({ kind: 'card' });
    standardReference(cwd);
    const quick = resolveRun(tuned, 'quick', { cwd }).tuning;
    expect(quick?.kind === 'recorded' && quick.recorded.file).toBe(join('reference-results', 'res', 'wasm-x.json'));
    expect(resolveRun(tuned, 'standard', { cwd }).tuning).toEqual({ kind: 'card' });
  });

  it('checks the limits with the most seeds the run may plan', () => {
    expect(codeOf(() => resolveRun(untuned, 'quick', 1e9))).toBe('E_BAD_OPTION');
    expect(codeOf(() => resolveRun(untuned, 'quick', 0))).toBe('E_BAD_OPTION');
    // The standard repeats are within the seed limit, but 2 arms × 6 workloads × that many are more trials than a plan may hold.
    const workloads = ['a', 'b', 'c', 'd', 'e', 'f'];
    const wide = defineClaim({
      ...card,
      workloads,
      quickWorkloads: workloads,
      repeats: { quick: 3, standard: MAX_SEEDS },
    });
    expect(2 * workloads.length * MAX_SEEDS).toBeGreaterThan(MAX_PLANNED_TRIALS);
    expect(codeOf(() => resolveRun(wide, 'quick'))).toBe('no error');
    expect(codeOf(() => resolveRun(wide, 'quick', { adaptive: true }))).toBe('E_PLAN_TOO_LARGE');
  });
});

describe('the preset is resolved in one place', () => {
  it("no file of harness/ but resolve-run.ts reads a claim's repeats per preset", () => {
    const root = fileURLToPath(new URL('../../../..', import.meta.url));
    const readers = listTsFiles(root, ['harness'])
      .filter((f) => f !== 'harness/plan/resolve-run.ts')
      .filter((f) =>
        /\brepeats(\[[^\]]*preset[^\]]*\]|\.(quick|standard)\b)/.test(
          readFileSync(join(root, f), 'utf8').replace(/\/\/.*|\/\*[\s\S]*?\*\//g, ''),
        ),
      );
    expect(readers, 'route these through resolveRun (harness/plan/resolve-run.ts)').toEqual([]);
  });
});
