import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * One vitest project per kind of test, each with its own npm script (README "Development"):
 * `unit` needs nothing beyond `npm ci`; the others need a build (`dist/`) and some of them a system
 * dependency that `npm run test:all` installs (a test missing one fails and names that command).
 * `npm test` runs them all.
 */
const SLURM = 'test/integration/slurm.test.ts';
const SCALE_OUT = 'test/integration/scale-out.test.ts';
const EXTERNAL = 'test/integration/external/**/*.test.ts';

/**
 * Without a build, the package's own exports (`import 'reprobench/stats'`) resolve to the sources
 * they are compiled from instead of dist/.
 */
const SOURCES = [
  { find: /^reprobench$/, replacement: fileURLToPath(new URL('./index.ts', import.meta.url)) },
  { find: /^reprobench\/stats$/, replacement: fileURLToPath(new URL('./harness/stats/index.ts', import.meta.url)) },
];

export const PROJECTS = [
  // Pure TypeScript: no build, no Slurm, no browser, no Python, no OpenBLAS, no clang.
  { name: 'unit', include: ['test/unit/**/*.test.ts'], noBuild: true },
  // The OpenBLAS addon and the clang rebuild of the committed wasm kernels.
  { name: 'native', include: ['test/native/**/*.test.ts'] },
  // The built CLI training tiny real models in child processes.
  { name: 'integration', include: ['test/integration/**/*.test.ts'], exclude: [SLURM, SCALE_OUT, EXTERNAL] },
  // External trainers: Python stub trainers (python3) and the PyTorch parity test (python3-torch).
  { name: 'external', include: [EXTERNAL] },
  // Sharded runs, merge, Kubernetes Jobs and the GitHub Actions matrix, run locally.
  { name: 'scale-out', include: [SCALE_OUT] },
  // `reprobench slurm` against the real single-node Slurm (scripts/ci/start-slurm.sh).
  { name: 'slurm', include: [SLURM] },
  // The HTML reports and leaderboard in Debian's Chromium.
  { name: 'browser', include: ['test/browser/**/*.test.ts'] },
];

export default defineConfig({
  test: {
    // Integration tests train real (tiny) models in child processes; give them room on 2 cores.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    projects: PROJECTS.map(({ noBuild, ...test }) => ({
      extends: true,
      test,
      ...(noBuild ? { resolve: { alias: SOURCES } } : {}),
    })),
  },
});
