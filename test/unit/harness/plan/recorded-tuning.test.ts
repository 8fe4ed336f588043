import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineClaim } from '../../../../harness/core/claim.js';
import { writeReference } from '../../../../harness/store/reference.js';
import { recordedTuning } from '../../../../harness/plan/recorded-tuning.js';
import { tempDir } from '../../../helpers/cli.js';

const claim = defineClaim({
  id: 'rec',
  version: 3,
  title: 't',
  paper: { title: 'p', authors: 'a', year: 2026, url: 'https://x.org' },
  quote: 'q',
  claimedEffect: { description: 'd', direction: 'method-better' },
  fidelity: { kind: 'faithful' },
  testType: 'time-to-target',
  methods: [{ method: 'adan' }],
  baselines: [{ method: 'adamw' }],
  workloads: ['w', 'w:deep'],
  quickWorkloads: ['w'],
  margin: { value: 0.1, units: 'relative' },
  repeats: { quick: 2, standard: 4 },
  miniature: 'm',
  tuning: { kind: 'search', ruleset: 'external', studies: 2, trialsPerStudy: 6 },
});

const choice = (workload: string, method: string, lr: number) => ({
  workload,
  method,
  point: { learningRate: lr },
  medianSteps: 100,
});
const row = (workload: string, method: string, lr: number) => ({
  workload,
  method,
  study: 0,
  point: { learningRate: lr },
  steps: [100],
  medianSteps: 100,
  winner: true,
});

function reference(
  cwd: string,
  o: { version?: number; cls?: string; preset?: 'quick' | 'standard'; arms?: string[] } = {},
): void {
  const arms = o.arms ?? ['adan', 'adamw'];
  const cls = o.cls ?? 'wasm-tfjs4.22.0-k4';
  writeReference(join(cwd, 'reference-results', 'rec', `${cls}.json`), {
    schemaVersion: 1,
    claim: { id: 'rec', version: o.version ?? 3 },
    numericsClass: cls,
    backend: cls.split('-')[0]!,
    preset: o.preset ?? 'standard',
    repeats: 4,
    tuning: {
      kind: 'search',
      description: 'AlgoPerf external tuning: 2 studies × 6',
      choices: arms.flatMap((m, i) => [choice('w', m, 0.01 * (i + 1)), choice('w:deep', m, 0.02 * (i + 1))]),
      rows: arms.flatMap((m, i) => [row('w', m, 0.01 * (i + 1)), row('w:deep', m, 0.02 * (i + 1))]),
    },
    trials: [],
    provenance: {
      reprobenchVersion: '0.1.0',
      gitCommit: null,
      gitDirty: null,
      tfjsVersion: '4.22.0',
      backend: 'wasm',
      backendReasons: [],
      numericsClass: cls,
      node: 'v20',
      os: 'Linux',
      cpu: { model: 'x', cores: 2 },
      gpu: null,
    },
    command: 'reprobench reference update rec',
    createdAt: '2026-12-04T12:00:00.000Z',
  });
}

describe('the quick preset reuses the tuning of the committed standard reference', () => {
  it("takes the reference's points for the quick workloads, wasm first, and says where they come from", () => {
    const cwd = tempDir();
    reference(cwd, { cls: 'blas-tfjs4.22.0-k3-openblas-X' });
    reference(cwd);
    const r = recordedTuning(claim, 'quick', cwd)!;
    expect(r.file).toBe(join('reference-results', 'rec', 'wasm-tfjs4.22.0-k4.json'));
    expect(r.result.choices.map((c) => [c.workload, c.method, c.point.learningRate])).toEqual([
      ['w', 'adan', 0.01],
      ['w', 'adamw', 0.02],
    ]);
    expect(r.result.rows).toHaveLength(2);
    expect(r.result.description).toMatch(
      /chosen by the standard run of 2026-12-04 \(reference-results\/rec\/wasm-tfjs4\.22\.0-k4\.json\) and reused by the quick preset, not re-run$/,
    );
  });

  it('tunes as usual for the standard preset, without a reference, for another card version, a quick reference or a missing arm', () => {
    const cwd = tempDir();
    expect(recordedTuning(claim, 'quick', cwd)).toBeNull();
    reference(cwd);
    expect(recordedTuning(claim, 'standard', cwd)).toBeNull();
    for (const o of [{ version: 2 }, { preset: 'quick' as const }, { arms: ['adan'] }]) {
      const other = tempDir();
      reference(other, o);
      expect(recordedTuning(claim, 'quick', other), JSON.stringify(o)).toBeNull();
    }
  });
});
