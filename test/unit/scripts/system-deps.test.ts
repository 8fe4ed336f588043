import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ADDON,
  describeStep,
  installProblem,
  planSetup,
  PROBES,
  ROOT,
  type DependencyId,
  type RunResult,
  type SystemView,
} from '../../../scripts/ci/system-deps.mjs';

/** A machine made of a file list and canned command results; commands not listed are not installed. */
interface Fake {
  files?: string[];
  commands?: Record<string, RunResult>;
  env?: Record<string, string>;
  texts?: Record<string, string>;
}
function fakeSystem(o: Fake): SystemView {
  const files = new Set([...(o.files ?? []), ...Object.keys(o.texts ?? {})]);
  return {
    env: o.env ?? {},
    uid: 0,
    exists: (p) => files.has(p),
    readFile: (p) => {
      const t = o.texts?.[p];
      if (t === undefined) throw new Error(`ENOENT: ${p}`);
      return t;
    },
    run: (cmd) => o.commands?.[cmd] ?? { status: null, out: '', error: `spawnSync ${cmd} ENOENT` },
  };
}
const ok: RunResult = { status: 0, out: '' };
const probe = (id: DependencyId, sys: SystemView) => PROBES[id](sys);

describe('test:all probes (scripts/ci/system-deps.mjs) on fake machines', () => {
  it('finds Chromium at /usr/bin/chromium or $CHROMIUM_PATH', () => {
    expect(probe('chromium', fakeSystem({ files: ['/usr/bin/chromium'] }))).toBeNull();
    expect(probe('chromium', fakeSystem({}))).toBe('no Chromium at /usr/bin/chromium');
    expect(probe('chromium', fakeSystem({ files: ['/usr/bin/chromium'], env: { CHROMIUM_PATH: '/opt/c' } }))).toBe(
      'no Chromium at /opt/c (CHROMIUM_PATH)',
    );
  });

  it('tells a missing python3 from a python3 without torch', () => {
    expect(probe('torch', fakeSystem({ commands: { '/usr/bin/python3': ok } }))).toBeNull();
    expect(probe('torch', fakeSystem({ commands: { '/usr/bin/python3': { status: 1, out: 'torch' } } }))).toBe(
      '/usr/bin/python3 cannot import torch',
    );
    expect(probe('torch', fakeSystem({}))).toBe('no /usr/bin/python3');
    expect(probe('python3', fakeSystem({ commands: { python3: ok } }))).toBeNull();
    expect(probe('python3', fakeSystem({}))).toBe('python3 is not on the PATH');
  });

  it('wants clang, wasm-ld and llvm-objdump, versioned or not', () => {
    expect(
      probe('clang', fakeSystem({ commands: { 'clang-14': ok, 'wasm-ld-14': ok, 'llvm-objdump-14': ok } })),
    ).toBeNull();
    expect(probe('clang', fakeSystem({ commands: { clang: ok, 'wasm-ld': ok, 'llvm-objdump': ok } }))).toBeNull();
    expect(probe('clang', fakeSystem({ commands: { 'clang-14': ok } }))).toBe('not on the PATH: wasm-ld, llvm-objdump');
    expect(
      probe('clang', fakeSystem({ commands: { mine: ok, 'wasm-ld': ok, 'llvm-objdump': ok }, env: { CLANG: 'mine' } })),
    ).toBeNull();
  });

  it('looks for the OpenBLAS headers where native/build.mjs does, and for the built addon', () => {
    const headers = (d: string) => [join(d, 'cblas.h'), join(d, 'openblas_config.h')];
    expect(probe('openblas', fakeSystem({ files: headers('/usr/include/x86_64-linux-gnu') }))).toBeNull();
    expect(probe('openblas', fakeSystem({ files: [join('/usr/include', 'cblas.h')] }))).toMatch(/^no OpenBLAS headers/);
    expect(probe('addon', fakeSystem({ files: [join(ROOT, ADDON)] }))).toBeNull();
    expect(probe('addon', fakeSystem({}))).toMatch(/reprobench_blas\.node is not built/);
    expect(probe('addon', fakeSystem({ files: [join(ROOT, ADDON)], env: { REPROBENCH_NO_NATIVE: '1' } }))).toBe(
      'disabled by REPROBENCH_NO_NATIVE=1',
    );
  });

  it('counts Slurm as up only when a node takes jobs', () => {
    const sinfo = (r: RunResult) => probe('slurm', fakeSystem({ commands: { sinfo: r } }));
    expect(sinfo({ status: 0, out: 'idle' })).toBeNull();
    expect(sinfo({ status: 0, out: 'down*\nmix' })).toBeNull();
    expect(sinfo({ status: 0, out: 'down*' })).toBe('no node takes jobs (sinfo states: down*)');
    expect(
      sinfo({ status: 1, out: 'slurm_load_partitions: Unable to contact slurm controller (connect failure)' }),
    ).toBe('sinfo failed: slurm_load_partitions: Unable to contact slurm controller (connect failure)');
    expect(probe('slurm', fakeSystem({}))).toBe('sinfo is not installed');
  });
});

describe('whether test:all runs npm ci', () => {
  const lock = JSON.stringify({
    packages: {
      '': { name: 'reprobench' },
      'node_modules/yaml': { version: '2.9.1' },
      'node_modules/@tensorflow/tfjs-node': { version: '4.22.0', optional: true },
    },
  });
  const sys = (yaml?: string) =>
    fakeSystem({
      files: ['/r/node_modules'],
      texts: {
        '/r/package-lock.json': lock,
        ...(yaml ? { '/r/node_modules/yaml/package.json': JSON.stringify({ version: yaml }) } : {}),
      },
    });

  it('not when every pinned package is there (optional ones may be absent)', () => {
    expect(installProblem(sys('2.9.1'), '/r')).toBeNull();
  });

  it('when node_modules is missing, or a package is missing or at another version', () => {
    expect(installProblem(fakeSystem({ texts: { '/r/package-lock.json': lock } }), '/r')).toBe(
      'node_modules is missing',
    );
    expect(installProblem(sys(), '/r')).toBe('node_modules/yaml is missing');
    expect(installProblem(sys('2.8.0'), '/r')).toBe('node_modules/yaml is 2.8.0, package-lock.json pins 2.9.1');
  });
});

describe('test:all plan', () => {
  const kinds = (steps: ReturnType<typeof planSetup>) => steps.map((s) => s.kind);

  it('with everything there: only the linter, then the tests', () => {
    expect(planSetup({})).toEqual([
      { kind: 'lint', command: ['npm', 'run', 'lint'] },
      { kind: 'test', command: ['npm', 'test'] },
    ]);
  });

  it('on a bare machine: packages as root (Chromium with its recommends), npm ci (which builds the addon), Slurm, the linter, tests', () => {
    const all = { chromium: 'x', python3: 'x', torch: 'x', cc: 'x', openblas: 'x', clang: 'x', addon: 'x', slurm: 'x' };
    const steps = planSetup(all, { install: 'node_modules is missing' });
    expect(kinds(steps)).toEqual(['apt-update', 'apt', 'apt', 'npm-ci', 'slurm', 'lint', 'test']);
    expect(steps[1]!.command).toEqual(['apt-get', 'install', '-y', '-q', 'chromium']);
    expect(steps[2]!.command).toEqual([
      'apt-get',
      'install',
      '-y',
      '-q',
      '--no-install-recommends',
      'python3',
      'python3-torch',
      'gcc',
      'libc6-dev',
      'libopenblas-dev',
      'clang-14',
      'lld-14',
      'llvm-14',
    ]);
    expect(steps.filter((s) => s.asRoot).map((s) => s.kind)).toEqual(['apt-update', 'apt', 'apt', 'slurm']);
    expect(describeStep(steps[4]!)).toBe('start the single-node Slurm (as root): bash scripts/ci/start-slurm.sh');
  });

  it('rebuilds the addon after installing OpenBLAS when npm ci has already run', () => {
    const steps = planSetup({ openblas: 'no headers', addon: 'not built' });
    expect(kinds(steps)).toEqual(['apt-update', 'apt', 'addon', 'lint', 'test']);
    expect(steps[1]!.packages).toEqual(['libopenblas-dev']);
    expect(steps[2]!.command).toEqual(['node', 'native/build.mjs']);
    expect(kinds(planSetup({ addon: 'not built' }))).toEqual(['addon', 'lint', 'test']);
  });

  it('starts Slurm alone when only Slurm is down', () => {
    expect(kinds(planSetup({ slurm: 'no node takes jobs' }))).toEqual(['slurm', 'lint', 'test']);
  });
});
