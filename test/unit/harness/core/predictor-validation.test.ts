import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinMethods } from '../../../../benchmarks/methods/index.js';
import { builtinPredictors } from '../../../../benchmarks/methods/predictors/index.js';
import { teacherStudent } from '../../../../workloads/synthetic/teacher-student.js';
import { defineClaim, type ClaimDefinition, type PredictorSpec } from '../../../../harness/core/claim.js';
import { loadUserConfig } from '../../../../harness/core/config.js';
import { loadRegistries } from '../../../../harness/builtins.js';
import { createRegistries } from '../../../../harness/core/registries.js';
import { checkClaimReferences } from '../../../../harness/core/validate.js';
import { isReprobenchError } from '../../../../harness/errors.js';
import { tempDir } from '../../../helpers/cli.js';

const transfer: PredictorSpec = {
  task: 'schedule-transfer',
  description: 'd',
  metric: 'validation/loss',
  method: 'lr-annealing-law',
  baseline: 'step-power-law',
  fit: ['adamw', 'cosine-decay'],
  heldOut: ['linear-decay'],
  skipFraction: 0,
};
const base: ClaimDefinition = {
  id: 'c',
  version: 1,
  title: 't',
  paper: { title: 'p', authors: 'a', year: 2026, url: 'u' },
  quote: 'q',
  claimedEffect: { description: 'd', direction: 'method-better' },
  fidelity: { kind: 'faithful' },
  testType: 'predictor',
  predictor: transfer,
  methods: [{ method: 'adamw' }, { method: 'cosine-decay' }, { method: 'linear-decay' }],
  baselines: [],
  workloads: ['teacher-student'],
  margin: { value: 0.1, units: 'relative' },
  repeats: { quick: 2, standard: 4 },
  miniature: 'm',
};
const check = (c: ClaimDefinition) => () =>
  checkClaimReferences(
    createRegistries([
      {
        defs: {
          workloads: [teacherStudent],
          methods: builtinMethods,
          predictors: builtinPredictors,
          claims: [defineClaim(c)],
        },
        origin: 'test',
      },
    ]),
  );

function hintOf(f: () => void): string {
  try {
    f();
  } catch (e) {
    return isReprobenchError(e) ? e.hint : '';
  }
  return '';
}

describe('predictor claim cards', () => {
  it('accept a schedule-transfer card whose arms are its methods, with no baseline arms', () => {
    expect(check(base)).not.toThrow();
  });

  it('refuse unknown predictors (with a suggestion), a predictor compared with itself, and a missing spec', () => {
    expect(check({ ...base, predictor: { ...transfer, method: 'lr-anealing-law' } })).toThrow(
      /unknown schedule-transfer predictor "lr-anealing-law"/,
    );
    expect(hintOf(check({ ...base, predictor: { ...transfer, method: 'lr-anealing-law' } }))).toMatch(
      /did you mean "lr-annealing-law"/,
    );
    expect(check({ ...base, predictor: { ...transfer, method: 'last-value' } })).toThrow(
      /unknown schedule-transfer predictor "last-value"/,
    );
    expect(check({ ...base, predictor: { ...transfer, baseline: 'lr-annealing-law' } })).toThrow(/with itself/);
    const { predictor: _, ...none } = base;
    expect(check(none)).toThrow(/predictor claim without a predictor/);
    expect(check({ ...base, testType: 'fixed-budget', baselines: [{ method: 'adamw' }] })).toThrow(
      /declares a predictor but is a fixed-budget claim/,
    );
  });

  it('accept an early-stopping card with a probabilistic extrapolator; refuse a point-only one or rule values out of range', () => {
    const stopping: PredictorSpec = {
      task: 'early-stopping',
      description: 'd',
      metric: 'validation/loss',
      method: 'parametric-ensemble',
      observedFraction: 0.1,
      checkEvery: 0.05,
      threshold: 0.05,
      maxRegret: 0.01,
    };
    expect(check({ ...base, predictor: stopping })).not.toThrow();
    // last-value gives a point, no probability: it cannot run a probabilistic stopping rule.
    expect(check({ ...base, predictor: { ...stopping, method: 'last-value' } })).toThrow(
      /unknown probabilistic extrapolate-final predictor "last-value"/,
    );
    expect(check({ ...base, predictor: { ...stopping, threshold: 0 } })).toThrow(/threshold in \(0, 1\)/);
    expect(check({ ...base, predictor: { ...stopping, checkEvery: 1.5 } })).toThrow(/checkEvery/);
    expect(check({ ...base, predictor: { ...stopping, maxRegret: -0.1 } })).toThrow(/maxRegret ≥ 0/);
  });

  it('refuse fit or held-out arms that are not methods of the card, or are both', () => {
    expect(check({ ...base, predictor: { ...transfer, heldOut: ['wsd'] } })).toThrow(
      /wsd are not among the claim's methods/,
    );
    expect(check({ ...base, predictor: { ...transfer, heldOut: ['adamw'] } })).toThrow(/both fitted and held out/);
    expect(check({ ...base, baselines: [{ method: 'wsd' }] })).toThrow(/has no baseline arms/);
  });

  it('codes every refusal E_BAD_CONFIG', () => {
    try {
      check({ ...base, predictor: { ...transfer, heldOut: ['adamw'] } })();
    } catch (e) {
      expect(isReprobenchError(e) && e.code).toBe('E_BAD_CONFIG');
      return;
    }
    throw new Error('not refused');
  });
});

describe('reprobench.config: the predictor field', () => {
  const claimWith = (predictor: string) =>
    `{ id: 'p', version: 1, title: 't', paper: { title: 'p', authors: 'a', year: 2026, url: 'u' }, quote: 'q', claimedEffect: { description: 'd', direction: 'method-better' }, fidelity: { kind: 'faithful' },
      testType: 'predictor', predictor: ${predictor}, methods: [{ method: 'adamw' }], baselines: [], workloads: ['w'],
      margin: { value: 0.1, units: 'relative' }, repeats: { quick: 2, standard: 4 }, miniature: 'm' }`;
  async function load(predictor: string): Promise<unknown> {
    const file = join(tempDir(), 'reprobench.config.mjs');
    writeFileSync(file, `export default { claims: [${claimWith(predictor)}] };\n`);
    return loadUserConfig(file);
  }
  async function refused(predictor: string): Promise<string> {
    try {
      await load(predictor);
    } catch (e) {
      expect(isReprobenchError(e) && e.code).toBe('E_BAD_CONFIG');
      return (e as Error).message;
    }
    throw new Error('the config loaded, but should have been refused');
  }

  it('accepts both tasks', async () => {
    await expect(
      load(
        "{ task: 'extrapolate-final', description: 'd', metric: 'validation/loss', method: 'parametric-ensemble', baseline: 'last-value', observedFraction: 0.25 }",
      ),
    ).resolves.toBeTruthy();
    await expect(
      load(
        "{ task: 'schedule-transfer', description: 'd', metric: 'validation/loss', method: 'a', baseline: 'b', fit: ['x'], heldOut: ['y'], skipFraction: 0.05 }",
      ),
    ).resolves.toBeTruthy();
  });

  it("takes the config's own predictors, which its predictor claims may name, and refuses a malformed one", async () => {
    const dir = tempDir();
    const claim = claimWith(
      "{ task: 'extrapolate-final', description: 'd', metric: 'validation/loss', method: 'first-value', baseline: 'last-value', observedFraction: 0.25 }",
    ).replace("workloads: ['w']", "workloads: ['teacher-student']");
    const own =
      "{ id: 'first-value', task: 'extrapolate-final', title: 'the first observed value', predict: (head) => head[0].value }";
    writeFileSync(join(dir, 'reprobench.config.mjs'), `export default { predictors: [${own}], claims: [${claim}] };\n`);
    const r = await loadRegistries(dir);
    expect(r.predictors.originOf('first-value')).toBe('reprobench.config.mjs');
    expect(r.predictors.originOf('last-value')).toBe('built-in');
    expect(r.claims.get('p').predictor?.method).toBe('first-value');
    const bad = tempDir();
    writeFileSync(
      join(bad, 'reprobench.config.mjs'),
      `export default { predictors: [{ id: 'x', task: 'extrapolate-final', title: 't' }] };\n`,
    );
    await expect(loadRegistries(bad)).rejects.toThrow(/predictors\.0\.predict/);
  });

  it('refuses an unknown task, a fraction outside (0, 1), and empty arm lists, naming the field', async () => {
    expect(await refused("{ task: 'guess', description: 'd', metric: 'm', method: 'a', baseline: 'b' }")).toMatch(
      /claims\.0\.predictor\.task/,
    );
    expect(
      await refused(
        "{ task: 'extrapolate-final', description: 'd', metric: 'm', method: 'a', baseline: 'b', observedFraction: 1.5 }",
      ),
    ).toMatch(/predictor\.observedFraction/);
    expect(
      await refused(
        "{ task: 'schedule-transfer', description: 'd', metric: 'm', method: 'a', baseline: 'b', fit: [], heldOut: ['y'], skipFraction: 0 }",
      ),
    ).toMatch(/predictor\.fit/);
    expect(
      await refused(
        "{ task: 'schedule-transfer', description: 'd', metric: 'm', method: 'a', baseline: 'b', fit: ['x'], heldOut: ['y'] }",
      ),
    ).toMatch(/predictor\.skipFraction/);
  });
});
