// What the full test suite needs from the machine beyond `npm ci`, how to tell whether it is
// there, and how `npm run test:all` puts it there. Plain Node with no dependencies: it runs before
// `npm ci` on a fresh clone, and test/helpers/system-deps.ts uses the same probes so that a test
// missing one of these fails naming the command that fixes it.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The README's test command: it installs everything below and runs every test. */
export const FIX_COMMAND = 'npm run test:all';

/** The addon's build output (harness/backends/blas/addon.ts loads it from here). */
export const ADDON = join('native', 'build', 'reprobench_blas.node');

/**
 * Each dependency: what it is for, and how test:all provides it — Debian packages (`apt`; `recommends`
 * installs their recommends too) or a step of its own (`step`).
 */
export const DEPENDENCIES = [
  {
    id: 'chromium',
    what: "Debian's Chromium (browser tests of the HTML reports)",
    apt: ['chromium'],
    recommends: true,
  },
  { id: 'python3', what: 'python3 (the Python stub trainers of the external-trainer tests)', apt: ['python3'] },
  {
    id: 'torch',
    what: "PyTorch at /usr/bin/python3 (Debian's python3-torch; the framework-parity test)",
    apt: ['python3-torch'],
  },
  { id: 'cc', what: 'a C compiler (builds the OpenBLAS addon)', apt: ['gcc', 'libc6-dev'] },
  {
    id: 'openblas',
    what: 'OpenBLAS headers and library (libopenblas-dev, for the blas backend)',
    apt: ['libopenblas-dev'],
  },
  {
    id: 'clang',
    what: 'clang, wasm-ld and llvm-objdump 14 (the rebuild check of native/wasm/reprobench_kernels.wasm)',
    apt: ['clang-14', 'lld-14', 'llvm-14'],
  },
  { id: 'addon', what: `the OpenBLAS addon ${ADDON} (the blas backend's tests)`, step: 'node native/build.mjs' },
  {
    id: 'slurm',
    what: 'a running single-node Slurm (the scale-out tests submit jobs to it)',
    step: 'bash scripts/ci/start-slurm.sh',
  },
];

/** The machine as the probes see it; tests pass a fake one. */
export const realSystem = {
  env: process.env,
  uid: typeof process.getuid === 'function' ? process.getuid() : -1,
  exists: (path) => existsSync(path),
  readFile: (path) => readFileSync(path, 'utf8'),
  /** Runs a command; status null means it did not start (not installed) or timed out. */
  run: (cmd, args, timeoutMs = 20_000) => {
    const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: timeoutMs, stdio: ['ignore', 'pipe', 'pipe'] });
    return {
      status: r.error ? null : r.status,
      out: `${r.stdout ?? ''}${r.stderr ?? ''}`.trim(),
      error: r.error?.message,
    };
  },
};

const lastLine = (text) => text.split('\n').filter(Boolean).at(-1) ?? '';
const runs = (sys, cmd, args) => sys.run(cmd, args).status === 0;

/** The first of these commands that runs, or undefined. */
const firstCommand = (sys, names) => names.find((n) => runs(sys, n, ['--version']));

/** Same candidate directories as native/build.mjs, which builds the addon against them. */
const CBLAS_DIRS = [
  '/usr/include/x86_64-linux-gnu',
  '/usr/include/aarch64-linux-gnu',
  '/usr/include/openblas',
  '/usr/include',
];

/** Probes: each returns null when the dependency is there, else what is wrong, in a few words. */
export const PROBES = {
  chromium: (sys) => {
    const path = sys.env.CHROMIUM_PATH || '/usr/bin/chromium';
    return sys.exists(path) ? null : `no Chromium at ${path}${sys.env.CHROMIUM_PATH ? ' (CHROMIUM_PATH)' : ''}`;
  },
  python3: (sys) => (runs(sys, 'python3', ['--version']) ? null : 'python3 is not on the PATH'),
  torch: (sys) => {
    // find_spec, not import: importing torch takes seconds; the parity test imports it for real.
    const r = sys.run('/usr/bin/python3', [
      '-c',
      'import importlib.util as u, sys; ' +
        'missing = [m for m in ("torch", "numpy") if u.find_spec(m) is None]; print(" ".join(missing)); sys.exit(1 if missing else 0)',
    ]);
    if (r.status === 0) return null;
    return r.status === null
      ? 'no /usr/bin/python3'
      : `/usr/bin/python3 cannot import ${r.out ? lastLine(r.out) : 'torch'}`;
  },
  cc: (sys) => (runs(sys, sys.env.CC || 'cc', ['--version']) ? null : `no C compiler (${sys.env.CC || 'cc'})`),
  openblas: (sys) =>
    CBLAS_DIRS.some((d) => sys.exists(join(d, 'cblas.h')) && sys.exists(join(d, 'openblas_config.h')))
      ? null
      : 'no OpenBLAS headers (cblas.h, openblas_config.h)',
  clang: (sys) => {
    const missing = [
      [[sys.env.CLANG, 'clang-14', 'clang'].filter(Boolean), 'clang'],
      [['wasm-ld-14', 'wasm-ld'], 'wasm-ld'],
      [['llvm-objdump-14', 'llvm-objdump'], 'llvm-objdump'],
    ]
      .filter(([names]) => !firstCommand(sys, names))
      .map(([, tool]) => tool);
    return missing.length ? `not on the PATH: ${missing.join(', ')}` : null;
  },
  addon: (sys) => {
    if (sys.env.REPROBENCH_NO_NATIVE === '1') return 'disabled by REPROBENCH_NO_NATIVE=1';
    return sys.exists(join(ROOT, ADDON))
      ? null
      : `${ADDON} is not built (npm ci builds it where OpenBLAS and a C compiler are)`;
  },
  slurm: (sys) => {
    const r = sys.run('sinfo', ['--noheader', '--format=%t']);
    if (r.status === null)
      return r.error?.includes('ENOENT') ? 'sinfo is not installed' : `sinfo did not answer (${r.error})`;
    if (r.status !== 0) return `sinfo failed: ${lastLine(r.out)}`;
    const states = r.out
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean);
    return states.some((s) => /^(idle|mix|alloc)/.test(s))
      ? null
      : `no node takes jobs (sinfo states: ${states.join(' ') || 'none'})`;
  },
};

/** Runs every probe (or those named): id → null | what is wrong. */
export function probeAll(sys = realSystem, ids = Object.keys(PROBES)) {
  return Object.fromEntries(ids.map((id) => [id, PROBES[id](sys)]));
}

/**
 * Whether node_modules holds what package-lock.json pins (else test:all runs `npm ci`). Optional
 * packages may be absent: npm skips the ones that fail to install (tfjs-node without its download).
 */
export function installProblem(sys = realSystem, root = ROOT) {
  let lock;
  try {
    lock = JSON.parse(sys.readFile(join(root, 'package-lock.json')));
  } catch (e) {
    return `cannot read package-lock.json (${e.message})`;
  }
  if (!sys.exists(join(root, 'node_modules'))) return 'node_modules is missing';
  for (const [path, entry] of Object.entries(lock.packages ?? {})) {
    if (!path.startsWith('node_modules/') || entry.optional || entry.devOptional || entry.link) continue;
    let version;
    try {
      version = JSON.parse(sys.readFile(join(root, path, 'package.json'))).version;
    } catch {
      return `${path} is missing`;
    }
    if (version !== entry.version) return `${path} is ${version}, package-lock.json pins ${entry.version}`;
  }
  return null;
}

/**
 * What test:all does, in order, given the probes' answers: apt-get installs (as root), `npm ci`,
 * the addon rebuild, Slurm's start, then the linter (`npm run lint`: a failure stops there) and `npm test`.
 * Pure, so its logic is tested with fake answers.
 */
export function planSetup(missing, { install = null } = {}) {
  const wanted = DEPENDENCIES.filter((d) => d.apt && missing[d.id]);
  const steps = [];
  const apt = (deps, recommends) => {
    const packages = [...new Set(deps.flatMap((d) => d.apt))];
    if (!packages.length) return;
    steps.push({
      kind: 'apt',
      asRoot: true,
      packages,
      for: deps.map((d) => d.id),
      command: ['apt-get', 'install', '-y', '-q', ...(recommends ? [] : ['--no-install-recommends']), ...packages],
    });
  };
  if (wanted.length) steps.push({ kind: 'apt-update', asRoot: true, command: ['apt-get', 'update', '-q'] });
  apt(
    wanted.filter((d) => d.recommends),
    true,
  );
  apt(
    wanted.filter((d) => !d.recommends),
    false,
  );
  if (install) steps.push({ kind: 'npm-ci', reason: install, command: ['npm', 'ci', '--no-audit', '--no-fund'] });
  // npm ci's install script builds the addon, after the packages above; without npm ci, an addon
  // that is missing (or was built before OpenBLAS or the compiler came) is built again.
  if (!install && (missing.addon || missing.openblas || missing.cc))
    steps.push({ kind: 'addon', command: ['node', 'native/build.mjs'] });
  if (missing.slurm) steps.push({ kind: 'slurm', asRoot: true, command: ['bash', 'scripts/ci/start-slurm.sh'] });
  steps.push({ kind: 'lint', command: ['npm', 'run', 'lint'] });
  steps.push({ kind: 'test', command: ['npm', 'test'] });
  return steps;
}

/** One line per step, as test:all prints its plan. */
export function describeStep(step) {
  const cmd = step.command.join(' ');
  switch (step.kind) {
    case 'apt-update':
      return `refresh Debian's package lists (as root): ${cmd}`;
    case 'apt':
      return `install Debian packages for ${step.for.join(', ')} (as root): ${cmd}`;
    case 'npm-ci':
      return `${cmd} (${step.reason})`;
    case 'addon':
      return `rebuild the OpenBLAS addon: ${cmd}`;
    case 'slurm':
      return `start the single-node Slurm (as root): ${cmd}`;
    case 'lint':
      return `lint and check formatting (ESLint, Prettier): ${cmd}`;
    default:
      return `run every test: ${cmd}`;
  }
}
