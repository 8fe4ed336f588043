import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadUserConfig } from '../../../../harness/core/config.js';
import { isCommandMethod } from '../../../../harness/core/method.js';
import { isReprobenchError } from '../../../../harness/errors.js';
import { tempDir } from '../../../helpers/cli.js';

const COMMON = "id: 'ext', version: 1, title: 't', description: 'd'";

async function load(methods: string): Promise<unknown> {
  const file = join(tempDir(), 'reprobench.config.mjs');
  writeFileSync(file, `export default { methods: [${methods}] };\n`);
  return loadUserConfig(file);
}

async function badConfig(methods: string): Promise<string> {
  try {
    await load(methods);
  } catch (e) {
    expect(isReprobenchError(e) && e.code).toBe('E_BAD_CONFIG');
    return (e as Error).message;
  }
  throw new Error('the config loaded, but should have been refused');
}

describe('reprobench.config: command methods', () => {
  it('accepts a command method with its optional fields', async () => {
    const defs =
      (await load(`{ ${COMMON}, kind: 'command', command: ['python3', 'train.py'], hparams: { learningRate: 0.01, optimizer: 'adamw' },
      cwd: 'trainers', env: { OMP_NUM_THREADS: '1', OPENBLAS_CORETYPE: null }, files: ['lib/'], watchdogSeconds: 30 }`)) as {
        methods: Parameters<typeof isCommandMethod>[0][];
      };
    expect(isCommandMethod(defs.methods[0]!)).toBe(true);
  });

  it.each([
    [`{ ${COMMON}, kind: 'command', hparams: {} }`, /methods\.0\.command: /],
    [
      `{ ${COMMON}, kind: 'command', command: [], hparams: {} }`,
      /methods\.0\.command: give the program and its arguments/,
    ],
    [`{ ${COMMON}, kind: 'command', command: ['python3', 3], hparams: {} }`, /methods\.0\.command\.1: /],
    [`{ ${COMMON}, kind: 'command', command: ['x'], hparams: {}, env: { A: 1 } }`, /methods\.0\.env\.A: /],
    [
      `{ ${COMMON}, kind: 'command', command: ['x'], hparams: {}, watchdogSeconds: 0 }`,
      /methods\.0\.watchdogSeconds: /,
    ],
    [`{ ${COMMON}, kind: 'shell', command: ['x'], hparams: {} }`, /methods\.0\.kind: unknown method kind "shell"/],
    // A tfjs method (the default kind) still needs its optimizer, reported by field.
    [`{ ${COMMON}, hparams: { learningRate: 0.1 }, learningRate: () => 0.1 }`, /methods\.0\.createOptimizer: /],
  ])('refuses %s by field', async (method, message) => {
    expect(await badConfig(method)).toMatch(message);
  });
});

describe('equivalence claims are checked at load', () => {
  const claim = {
    id: 'parity',
    version: 1,
    title: 't',
    paper: { title: 'p', authors: 'a', year: 2026, url: 'https://example.org' },
    quote: 'q',
    claimedEffect: { description: 'same', direction: 'equivalent' as const },
    fidelity: { kind: 'faithful' as const },
    testType: 'time-to-target' as const,
    methods: [{ method: 'adamw' }],
    baselines: [{ method: 'nadamw' }],
    workloads: ['teacher-student'],
    margin: { value: 0.1, units: 'relative' as const },
    repeats: { quick: 2, standard: 4 },
    miniature: 'm',
  };
  const check = async (c: typeof claim | Record<string, unknown>) => {
    const { createRegistries } = await import('../../../../harness/core/registries.js');
    const { checkClaimReferences } = await import('../../../../harness/core/validate.js');
    const { builtinMethods } = await import('../../../../benchmarks/methods/index.js');
    const { builtinWorkloads } = await import('../../../../workloads/index.js');
    return () =>
      checkClaimReferences(
        createRegistries([
          {
            defs: { workloads: builtinWorkloads, methods: builtinMethods, claims: [c as typeof claim] },
            origin: 'test',
          },
        ]),
      );
  };

  it('accepts an equivalence claim and refuses one with a magnitude or a predictor test', async () => {
    expect(await check(claim)).not.toThrow();
    expect(await check({ ...claim, claimedEffect: { ...claim.claimedEffect, magnitude: 2 } })).toThrow(
      /claims equivalence and a magnitude/,
    );
    expect(await check({ ...claim, testType: 'predictor' })).toThrow(
      /equivalence is tested for time-to-target and fixed-budget claims/,
    );
  });
});
