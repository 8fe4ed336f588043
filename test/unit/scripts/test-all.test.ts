import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../helpers/cli.js';

const node = (args: string[]) => spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
const testAll = (...args: string[]) => node([join(ROOT, 'scripts', 'test-all.mjs'), ...args]);

/** The README's quick start: the commands of its first code block. */
function quickStart(): string[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Try it (quick start)'));
  const block = /```sh\n([^]*?)```/.exec(section)![1]!;
  return block
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

describe('the README quick start and .ci/run', () => {
  it("has two commands: the checkout's own CLI (not npx, which would install it again) and npm run test:all", () => {
    const [first, second, ...rest] = quickStart();
    expect(rest).toEqual([]);
    expect(first).toMatch(/^npm ci && npm run reprobench -- run adan --preset quick$/);
    expect(second).toBe('npm run test:all');
  });

  it(".ci/run runs exactly the README's test command, then checks every claim against its committed wasm reference", () => {
    const commands = readFileSync(join(ROOT, '.ci', 'run'), 'utf8')
      .split('\n')
      .filter((l) => l.trim() && !l.startsWith('#'));
    const testCommand = quickStart()[1]!;
    expect(commands).toContain(testCommand);
    expect(commands.indexOf(testCommand)).toBeLessThan(commands.length - 1);
    expect(commands.at(-1)).toBe('npm run reprobench -- check all --preset quick --backend wasm');
  });
});

describe('scripts/test-all.mjs --check', () => {
  it('plans a bare machine without changing anything: what it installs as root, in order', () => {
    const r = testAll('--check', '--assume-missing', 'chromium,python3,torch,cc,openblas,clang,addon,slurm,npm');
    expect(r.status, r.stderr).toBe(1);
    const plan = r.stdout
      .split('\n')
      .filter((l) => /^test:all: {3}\d\. /.test(l))
      .map((l) => l.replace(/^test:all: {3}\d\. /, ''));
    expect(plan).toEqual([
      "refresh Debian's package lists (as root): apt-get update -q",
      'install Debian packages for chromium (as root): apt-get install -y -q chromium',
      'install Debian packages for python3, torch, cc, openblas, clang (as root): apt-get install -y -q --no-install-recommends ' +
        'python3 python3-torch gcc libc6-dev libopenblas-dev clang-14 lld-14 llvm-14',
      'npm ci --no-audit --no-fund (assumed missing (--assume-missing))',
      'start the single-node Slurm (as root): bash scripts/ci/start-slurm.sh',
      'lint and check formatting (ESLint, Prettier): npm run lint',
      'run every test: npm test',
    ]);
    expect(r.stdout).toMatch(/missing slurm +a running single-node Slurm .*: assumed missing/);
  });

  it('refuses --assume-missing without --check, and unknown ids', () => {
    const alone = testAll('--assume-missing', 'slurm');
    expect(alone.status).toBe(2);
    expect(alone.stderr).toContain('--assume-missing only goes with --check');
    const unknown = testAll('--check', '--assume-missing', 'gpu');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('--assume-missing: unknown gpu');
  });
});

/** Every *.test.ts under test/, outside the fixtures. */
function testFiles(dir = join(ROOT, 'test')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'fixtures' ? [] : testFiles(p);
    return e.name.endsWith('.test.ts') ? [relative(ROOT, p)] : [];
  });
}

describe('vitest projects (vitest.config.ts)', () => {
  it('put every test file in exactly one project, so npm test runs each once and every project script runs its share', () => {
    const r = node([join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'), 'list', '--filesOnly', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const listed = (JSON.parse(r.stdout) as Array<{ file: string; projectName: string }>).map((x) => ({
      file: relative(ROOT, x.file),
      project: x.projectName,
    }));
    expect(listed.map((x) => x.file).sort()).toEqual(testFiles().sort());
    const project = (f: string) => listed.find((x) => x.file === f)?.project;
    expect(project('test/unit/harness/backends/blas.test.ts')).toBe('unit');
    expect(project('test/native/wasm-kernels-build.test.ts')).toBe('native');
    expect(project('test/integration/slurm.test.ts')).toBe('slurm');
    expect(project('test/integration/external/parity.test.ts')).toBe('external');
    expect(project('test/integration/scale-out.test.ts')).toBe('scale-out');
    expect(project('test/browser/report.test.ts')).toBe('browser');
    expect(project('test/integration/resume.test.ts')).toBe('integration');
    const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts as Record<string, string>;
    for (const name of new Set(listed.map((x) => x.project)))
      expect(scripts[`test:${name}`]).toContain(`vitest run --project ${name}`);
  });
});
