import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { benchmarkClaims } from '../../../../../benchmarks/claims/index.js';
import { builtinMethods } from '../../../../../benchmarks/methods/index.js';
import type { BackendInfo } from '../../../../../harness/backends/select.js';
import type { CommandMethodDefinition } from '../../../../../harness/core/method.js';
import { createRegistries } from '../../../../../harness/core/registries.js';
import { trialId } from '../../../../../harness/core/trial.js';
import { isReprobenchError } from '../../../../../harness/errors.js';
import { commandIdentity, scriptHash } from '../../../../../harness/runner/external/identity.js';
import { makeTrial, planEvaluation } from '../../../../../harness/plan/plan.js';
import { readReference } from '../../../../../harness/store/reference.js';
import { chosenPoints } from '../../../../../harness/tuning/result.js';
import { builtinWorkloads } from '../../../../../workloads/index.js';
import { ROOT, tempDir } from '../../../../helpers/cli.js';

const backend: BackendInfo = { name: 'wasm', tfjsVersion: '4.22.0', numericsClass: 'wasm-tfjs4.22.0-k4', reasons: [] };

function project(): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'train.py'), 'print("v1")\n');
  mkdirSync(join(dir, 'lib', '__pycache__'), { recursive: true });
  writeFileSync(join(dir, 'lib', 'a.py'), 'A = 1\n');
  writeFileSync(join(dir, 'lib', 'b.py'), 'B = 2\n');
  writeFileSync(join(dir, 'lib', '__pycache__', 'a.cpython-311.pyc'), 'bytes');
  writeFileSync(join(dir, 'lib', '.hidden'), 'x');
  return dir;
}

const method = (cwd: string, extra: Partial<CommandMethodDefinition> = {}): CommandMethodDefinition => ({
  kind: 'command',
  id: 'ext',
  version: 1,
  title: 't',
  description: 'd',
  hparams: { learningRate: 0.01 },
  command: ['/usr/bin/python3', 'train.py', '--epochs', '3'],
  cwd,
  ...extra,
});

describe('command identity (part of the trial id)', () => {
  it('hashes relative file arguments and declared files, not programs given by absolute path or flags', () => {
    const dir = project();
    const id = commandIdentity(method(dir, { files: ['lib'], env: { OMP_NUM_THREADS: '1', OPENBLAS_CORETYPE: null } }));
    expect(id.argv).toEqual(['/usr/bin/python3', 'train.py', '--epochs', '3']);
    expect(id.env).toEqual({ OMP_NUM_THREADS: '1', OPENBLAS_CORETYPE: null });
    expect(Object.keys(id.files)).toEqual(['lib/a.py', 'lib/b.py', 'train.py']);
    expect(id.files['train.py']).toMatch(/^[0-9a-f]{64}$/);
    expect(scriptHash(id.files)).toMatch(/^[0-9a-f]{64}$/);
    expect(id.protocol).toBe(2);
  });

  it('gives a new trial id when the script, a declared file, the command or its environment changes', () => {
    const dir = project();
    const registries = (m: CommandMethodDefinition) =>
      createRegistries([{ defs: { workloads: builtinWorkloads, methods: [m] }, origin: 'test' }]);
    const idOf = (m: CommandMethodDefinition) =>
      makeTrial(registries(m), {
        workloadId: 'teacher-student',
        arm: { method: 'ext' },
        repeat: { purpose: 'eval', index: 0 },
        backend,
        stopAtTarget: true,
      }).id;
    const m = method(dir, { files: ['lib/a.py'] });
    const first = idOf(m);
    expect(idOf(m)).toBe(first);
    writeFileSync(join(dir, 'train.py'), 'print("v2")\n');
    const second = idOf(m);
    writeFileSync(join(dir, 'lib', 'a.py'), 'A = 3\n');
    const third = idOf(m);
    const ids = [
      first,
      second,
      third,
      idOf({ ...m, command: [...m.command, '--fast'] }),
      idOf({ ...m, env: { X: '1' } }),
    ];
    expect(new Set(ids).size).toBe(5);
    // An undeclared file does not count.
    writeFileSync(join(dir, 'lib', 'b.py'), 'B = 9\n');
    expect(idOf(m)).toBe(third);
  });

  it.each([
    [['missing.py'], /file "missing.py" does not exist/],
    [['../outside.py'], /lies outside the command's directory/],
  ])('refuses declared files %j with a coded error', (files, message) => {
    const dir = project();
    try {
      commandIdentity(method(dir, { files }));
      expect.unreachable('commandIdentity should throw');
    } catch (e) {
      expect(isReprobenchError(e) && e.code).toBe('E_BAD_CONFIG');
      expect((e as Error).message).toMatch(message);
    }
  });

  it("leaves built-in trial ids as they were: the committed adan reference's method parts plan to the same ids", () => {
    const ref = readReference(join(ROOT, 'reference-results', 'adan', 'wasm-tfjs4.22.0-k4.json'));
    for (const t of ref.trials) expect(trialId(t.config)).toBe(t.trialId);
    const registries = createRegistries([
      { defs: { workloads: builtinWorkloads, methods: builtinMethods, claims: benchmarkClaims }, origin: 'test' },
    ]);
    const plan = planEvaluation(
      registries,
      registries.claims.get('adan'),
      'standard',
      ref.repeats,
      backend,
      chosenPoints(ref.tuning),
    );
    expect(plan.every((p) => p.config.method.command === undefined)).toBe(true);
    // The reference was made by today's workloads and methods: every planned id is a stored one.
    expect(plan.map((p) => trialId(p.config)).sort()).toEqual(ref.trials.map((t) => t.trialId).sort());
  });

  it('plans the built-in PyTorch method with its script and helper hashed', () => {
    const registries = createRegistries([
      { defs: { workloads: builtinWorkloads, methods: builtinMethods }, origin: 'test' },
    ]);
    const t = makeTrial(registries, {
      workloadId: 'fashion-mnist-mlp',
      arm: { method: 'nadamw-pytorch' },
      repeat: { purpose: 'eval', index: 0 },
      backend,
      stopAtTarget: true,
    });
    const cmd = t.config.method.command!;
    expect(cmd.argv).toEqual(['/usr/bin/python3', 'examples/pytorch/fashion_mnist_mlp.py']);
    expect(Object.keys(cmd.files)).toEqual([
      'examples/pytorch/fashion_mnist_mlp.py',
      'examples/pytorch/reprobench_rng.py',
    ]);
    // Kernel and instruction set pinned, so the trial's bits do not follow the CPU.
    expect(cmd.env).toMatchObject({
      OPENBLAS_CORETYPE: 'Haswell',
      ATEN_CPU_CAPABILITY: 'avx2',
      OPENBLAS_L2_SIZE: null,
    });
    expect(readFileSync(join(ROOT, 'examples', 'pytorch', 'fashion_mnist_mlp.py'), 'utf8')).toContain(
      'torch.set_num_threads(1)',
    );
  });
});
